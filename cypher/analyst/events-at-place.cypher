// title: Events at a place
// description: Events held at a place, with their dates as precise as known and who took part (not those only mentioned).
// @param place string required — the place's id, e.g. place:astana
// @columns date, precision, event, kind, status, participants
MATCH (pl:Place {id: $place})
MATCH (e:Event)-[:HELD_IN]->(pl)
OPTIONAL MATCH (x:Entity)-[r:PARTICIPATED_IN]->(e) WHERE r.role <> 'mentioned'
RETURN e.start AS date, e.datePrecision AS precision, e.name AS event, e.kind AS kind, e.status AS status,
       collect(x.name) AS participants
ORDER BY e.start IS NULL, e.start, e.name
