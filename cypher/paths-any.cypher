// How entity A reaches entity B through any relationship: the k shortest undirected paths, with the
// date window (MET and events must lie wholly inside it; undated ones drop out; timeless links such as
// IN or HOLDS stay) and the exclusions (labels or ids) inside the pattern.
// {{fetch}} and {{maxHops}} are integer literal slots filled by the repository from validated integers.
// Params: $from, $to, $start, $end, $excludeIds, $excludeLabels, $k. Columns: ids, length.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST {{fetch}} (a) (()-[r WHERE type(r) <> 'MET'
                                       OR (($start IS NULL OR (r.date IS NOT NULL AND r.date >= $start))
                                           AND ($end IS NULL OR (r.end IS NOT NULL AND r.end <= $end)))]-
                                  (x WHERE x.id = $to OR (NOT x.id IN $excludeIds
                                          AND none(l IN labels(x) WHERE l IN $excludeLabels)
                                          AND (NOT x:Event
                                               OR (($start IS NULL OR (x.start IS NOT NULL AND x.start >= $start))
                                                   AND ($end IS NULL OR (x.end IS NOT NULL AND x.end <= $end))))))){1,{{maxHops}}} (b)
WITH p, [n IN nodes(p) | n.id] AS ids
WHERE all(i IN range(0, size(ids) - 2) WHERE NOT ids[i] IN ids[i + 1..])
RETURN DISTINCT ids, length(p) AS length
ORDER BY length
LIMIT $k
