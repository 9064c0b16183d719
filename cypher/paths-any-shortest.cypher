// How entity A reaches entity B through any relationship, when one path is asked for: bidirectional
// shortestPath with the window (MET and events wholly inside it) and exclusions inlined as all()
// predicates over the path. {{maxHops}}: integer literal slot filled from a validated integer.
// Params: $from, $to, $start, $end, $excludeIds, $excludeLabels. Columns: ids, length.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[*1..{{maxHops}}]-(b))
WHERE all(r IN relationships(p) WHERE type(r) <> 'MET'
          OR (($start IS NULL OR (r.date IS NOT NULL AND r.date >= $start))
              AND ($end IS NULL OR (r.end IS NOT NULL AND r.end <= $end))))
  AND all(x IN nodes(p) WHERE x.id = $from OR x.id = $to
          OR (NOT x.id IN $excludeIds AND none(l IN labels(x) WHERE l IN $excludeLabels)
              AND (NOT x:Event
                   OR (($start IS NULL OR (x.start IS NOT NULL AND x.start >= $start))
                       AND ($end IS NULL OR (x.end IS NOT NULL AND x.end <= $end))))))
RETURN [n IN nodes(p) | n.id] AS ids, length(p) AS length
