// title: People who bridge two countries
// description: People who met officials representing country A and officials representing country B (in held meetings), with whom on each side.
// @param a country required — first country (id or ISO code)
// @param b country required — second country (id or ISO code)
// @columns person, metFromA, metFromB
MATCH (p:Person)-[:MET]-(x:Person)-[rx:PARTICIPATED_IN]->(:Event)
WHERE rx.represents = $a AND rx.role <> 'mentioned'
WITH p, collect(DISTINCT x.name) AS metFromA
MATCH (p)-[:MET]-(y:Person)-[ry:PARTICIPATED_IN]->(:Event)
WHERE ry.represents = $b AND ry.role <> 'mentioned'
WITH p, metFromA, collect(DISTINCT y.name) AS metFromB
RETURN p.name AS person, metFromA, metFromB
ORDER BY size(metFromA) + size(metFromB) DESC, person
