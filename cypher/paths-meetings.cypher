// How person A reaches person B through meetings: the k shortest paths over MET, undirected, with the
// date window and the exclusions inside the pattern so the search never leaves them.
// {{fetch}} and {{maxHops}} are integer literal slots (Cypher takes no parameters there); the
// repository fills them from validated integers only. Paths revisiting a node are dropped and
// paths with the same people collapse into one (its hops list every meeting), shortest first.
// Params: $from, $to, $start, $end, $excludeIds, $excludeLabels, $k. Columns: ids, length.
MATCH (a:Person {id: $from}), (b:Person {id: $to})
MATCH p = SHORTEST {{fetch}} (a) (()-[m:MET WHERE ($start IS NULL OR (m.date IS NOT NULL AND m.date >= $start))
                                       AND ($end IS NULL OR (m.end IS NOT NULL AND m.end <= $end))]-
                                  (x WHERE x.id = $to OR (NOT x.id IN $excludeIds
                                          AND none(l IN labels(x) WHERE l IN $excludeLabels)))){1,{{maxHops}}} (b)
WITH p, [n IN nodes(p) | n.id] AS ids
WHERE all(i IN range(0, size(ids) - 2) WHERE NOT ids[i] IN ids[i + 1..])
RETURN DISTINCT ids, length(p) AS length
ORDER BY length
LIMIT $k
