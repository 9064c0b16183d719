// For linking drafted names to people already in the graph: the countries each person acted for or
// holds a title of, so two people who share a name but serve different countries stay two.
// No params. Columns: id, countries.
MATCH (p:Person)
OPTIONAL MATCH (p)-[r:PARTICIPATED_IN]->(:Event)
WITH p, collect(DISTINCT r.represents) AS represented
OPTIONAL MATCH (p)-[:HOLDS]->(at:Entity)
OPTIONAL MATCH (at)-[:BASED_IN]->(base:Country)
WITH p, represented, collect(DISTINCT CASE WHEN at:Country THEN at.id ELSE base.id END) AS heldIn
RETURN p.id AS id, [c IN represented + heldIn WHERE c IS NOT NULL] AS countries
