// Summaries of nodes by id (for path nodes). Params: $ids. Columns: node {id, type, name, kind}.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN {id: n.id, type: [l IN labels(n) WHERE l <> 'Entity'][0], name: n.name, kind: n.kind} AS node
