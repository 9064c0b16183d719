// title: Brokers: betweenness over meetings
// description: Exact betweenness centrality on the MET network in plain Cypher (no APOC/GDS): for every pair of people, the share of their shortest meeting paths that pass through each person. It runs one shortest-path search per pair, so it suits graphs up to a few thousand people; the console's time limit stops it beyond.
// @param limit integer optional — how many (default 20)
// @columns person, betweenness
MATCH (a:Person), (b:Person)
WHERE a.id < b.id AND (a)-[:MET]-() AND (b)-[:MET]-()
MATCH p = allShortestPaths((a)-[:MET*..8]-(b))
WITH a, b, collect(p) AS paths
UNWIND paths AS p
UNWIND nodes(p)[1..-1] AS broker
WITH broker, sum(1.0 / size(paths)) AS betweenness
RETURN broker.name AS person, round(betweenness, 3) AS betweenness
ORDER BY betweenness DESC, person
LIMIT coalesce($limit, 20)
