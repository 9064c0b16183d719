// Meetings already in the graph that look like drafted ones: the same two people at one event, on the
// same day, or with either side undated.
// Params: $meetings [{path, a, b, date}] (person ids; date YYYY-MM-DD or null). Columns: path, id, title, date.
UNWIND $meetings AS m
MATCH (a:Person {id: m.a})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Person {id: m.b})
WHERE m.date IS NULL OR e.start IS NULL OR toString(e.start) STARTS WITH m.date OR m.date STARTS WITH toString(e.start)
RETURN DISTINCT m.path AS path, e.id AS id, e.name AS title, toString(e.start) AS date
LIMIT 200
