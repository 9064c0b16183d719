// title: The most connected officials
// description: People ranked by how many different people they met (degree on MET), with the number of meetings and how many of those were inferred from a delegation.
// @param limit integer optional — how many (default 20)
// @columns person, peopleMet, meetings, inferred
MATCH (p:Person)-[m:MET]-(other:Person)
WITH p, count(DISTINCT other) AS peopleMet, count(DISTINCT m.event) AS meetings,
     count(DISTINCT CASE WHEN m.inferred THEN m.event END) AS inferred
RETURN p.name AS person, peopleMet, meetings, inferred
ORDER BY peopleMet DESC, meetings DESC, person
LIMIT coalesce($limit, 20)
