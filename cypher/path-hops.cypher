// Every relationship that joins consecutive nodes of found paths, with what the hop needs to show:
// its type and date, and the evidence keys. MET only for meeting paths; MET and events are kept to the
// date window as in the path search. Params: $pairs ([[fromId, toId], …]), $via, $start, $end.
// Columns: pair, from, to, type, props, eventDate.
UNWIND range(0, size($pairs) - 1) AS i
WITH i, $pairs[i] AS pair
MATCH (a:Entity {id: pair[0]})-[r]-(b:Entity {id: pair[1]})
WHERE ($via = 'any' OR type(r) = 'MET')
  AND (type(r) <> 'MET'
       OR (($start IS NULL OR (r.date IS NOT NULL AND r.date >= $start))
           AND ($end IS NULL OR (r.end IS NOT NULL AND r.end <= $end))))
WITH i, pair, r, CASE WHEN a:Event THEN a WHEN b:Event THEN b ELSE null END AS event
RETURN i AS pair, startNode(r).id AS from, endNode(r).id AS to, type(r) AS type, properties(r) AS props,
       CASE WHEN event IS NULL THEN null
            ELSE {id: event.id, start: event.start, end: event.end, datePrecision: event.datePrecision} END AS event
ORDER BY i
