// The spur searches of Yen's k-shortest-paths through any relationship (see paths-meetings-spurs):
// for each spur, the shortest path from the spur entity to B avoiding the root before it and barring
// every relationship from the spur to the next entities already taken by found paths with that root;
// the window (MET and events wholly inside it) and exclusions as in paths-any-shortest.
// {{maxHops}} is an integer literal slot filled by the repository from a validated integer.
// Params: $spurs [{index, from, avoid, banned}], $to, $start, $end, $excludeIds, $excludeLabels.
// Columns: index, ids (from the spur entity to B).
UNWIND $spurs AS spur
CALL (spur) {
  // The barred relationships are found from the banned side (index seek, then Expand(Into)), never by
  // expanding a hub spur's every relationship.
  MATCH (s:Entity {id: spur.from}), (b:Entity {id: $to})
  WITH s, b, COLLECT { UNWIND spur.banned AS next MATCH (n:Entity {id: next})-[m]-(s) RETURN elementId(m) } AS barred
  MATCH p = shortestPath((s)-[*1..{{maxHops}}]-(b))
  WHERE all(r IN relationships(p) WHERE NOT elementId(r) IN barred
            AND (type(r) <> 'MET'
                 OR (($start IS NULL OR (r.date IS NOT NULL AND r.date >= $start))
                     AND ($end IS NULL OR (r.end IS NOT NULL AND r.end <= $end)))))
    AND all(x IN nodes(p) WHERE x.id = spur.from OR x.id = $to
            OR (NOT x.id IN spur.avoid AND NOT x.id IN $excludeIds AND none(l IN labels(x) WHERE l IN $excludeLabels)
                AND (NOT x:Event
                     OR (($start IS NULL OR (x.start IS NOT NULL AND x.start >= $start))
                         AND ($end IS NULL OR (x.end IS NOT NULL AND x.end <= $end))))))
  RETURN [n IN nodes(p) | n.id] AS ids
}
RETURN spur.index AS index, ids
