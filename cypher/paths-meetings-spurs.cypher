// The spur searches of Yen's k-shortest-paths over meetings, one round at a time: for each spur, the
// shortest MET path from the spur person to B that avoids the root before it ($spurs[].avoid) and does
// not leave the spur towards a next person already taken by a found path with the same root
// ($spurs[].banned: every MET between the spur and those people is barred). Each search is Neo4j's
// bidirectional shortestPath with the window and exclusions inlined, as in paths-meetings-shortest:
// fast around hubs, where SHORTEST k over a quantified pattern timed out on a 1M-MET graph.
// {{maxHops}} is an integer literal slot filled by the repository from a validated integer.
// Params: $spurs [{index, from, avoid, banned}], $to, $start, $end, $excludeIds, $excludeLabels.
// Columns: index, ids (from the spur person to B).
UNWIND $spurs AS spur
CALL (spur) {
  // The barred relationships are found from the banned side (index seek, then Expand(Into)), never by
  // expanding a hub spur's every relationship.
  MATCH (s:Person {id: spur.from}), (b:Person {id: $to})
  WITH s, b, COLLECT { UNWIND spur.banned AS next MATCH (n:Person {id: next})-[m:MET]-(s) RETURN elementId(m) } AS barred
  MATCH p = shortestPath((s)-[:MET*1..{{maxHops}}]-(b))
  WHERE all(m IN relationships(p) WHERE NOT elementId(m) IN barred
                                      AND ($start IS NULL OR (m.date IS NOT NULL AND m.date >= $start))
                                      AND ($end IS NULL OR (m.end IS NOT NULL AND m.end <= $end)))
    AND all(x IN nodes(p) WHERE x.id = spur.from OR x.id = $to
            OR (NOT x.id IN spur.avoid AND NOT x.id IN $excludeIds AND none(l IN labels(x) WHERE l IN $excludeLabels)))
  RETURN [n IN nodes(p) | n.id] AS ids
}
RETURN spur.index AS index, ids
