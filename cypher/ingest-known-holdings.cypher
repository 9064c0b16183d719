// For naming the holder of an office the text names without a person: every title held of a country
// (directly, or at a body based in it) with the publication dates that attest it.
// No params. Columns: person, name, title, country, firstSeen, lastSeen.
MATCH (p:Person)-[h:HOLDS]->(at:Entity)
OPTIONAL MATCH (at)-[:BASED_IN]->(base:Country)
WITH p, h, CASE WHEN at:Country THEN at.id ELSE base.id END AS countryId
WHERE countryId IS NOT NULL
RETURN p.id AS person, p.name AS name, h.title AS title, substring(countryId, 8) AS country,
       toString(h.firstSeen) AS firstSeen, toString(h.lastSeen) AS lastSeen
