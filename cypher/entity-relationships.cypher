// Every relationship of an entity with the node at the other end, for its profile (titles over time,
// events and roles, agreements, figures, meetings). Params: $id, $limit.
// Columns: type, outgoing, props, other {id, type, name, kind, status, start, end, datePrecision, dateText}.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
RETURN type(r) AS type, startNode(r) = n AS outgoing, properties(r) AS props,
       {id: m.id, type: [l IN labels(m) WHERE l <> 'Entity'][0], name: m.name, kind: m.kind, status: m.status,
        start: m.start, end: m.end, datePrecision: m.datePrecision, dateText: m.dateText,
        value: m.value, unit: m.unit, qualifier: m.qualifier, period: m.period} AS other
ORDER BY type, other.start, other.name
LIMIT $limit
