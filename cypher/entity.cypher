// One entity by id: its type and its own properties. Params: $id. Columns: id, type, props.
MATCH (n:Entity {id: $id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, properties(n) AS props
