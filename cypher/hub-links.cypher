// What joins a hub's neighbours to each other (not to the centre, not MET): who took part in which event,
// which meeting was part of which visit, where events were held. Params: $ids.
// Columns: from, to, type, role, inferred.
UNWIND $ids AS aid
MATCH (a:Entity {id: aid})-[r:PARTICIPATED_IN|PART_OF|HELD_IN]->(b:Entity)
WHERE b.id IN $ids
RETURN a.id AS from, b.id AS to, type(r) AS type, r.role AS role, r.inferred = true AS inferred
