// How person A reaches person B through meetings, when one path is asked for: Neo4j's bidirectional
// shortestPath over MET with the date window and the exclusions evaluated during the search (they are
// all() predicates over the path, which the planner inlines). On a 1M-MET graph this answers pairs that
// SHORTEST 1 over a quantified pattern did not answer within 20 s (bench/paths-scale.ts).
// {{maxHops}} is an integer literal slot filled by the repository from a validated integer.
// Params: $from, $to, $start, $end, $excludeIds, $excludeLabels. Columns: ids, length.
MATCH (a:Person {id: $from}), (b:Person {id: $to})
MATCH p = shortestPath((a)-[:MET*1..{{maxHops}}]-(b))
WHERE all(m IN relationships(p) WHERE ($start IS NULL OR (m.date IS NOT NULL AND m.date >= $start))
                                    AND ($end IS NULL OR (m.end IS NOT NULL AND m.end <= $end)))
  AND all(x IN nodes(p) WHERE x.id = $from OR x.id = $to
          OR (NOT x.id IN $excludeIds AND none(l IN labels(x) WHERE l IN $excludeLabels)))
RETURN [n IN nodes(p) | n.id] AS ids, length(p) AS length
