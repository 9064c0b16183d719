// Re-points what was stated about each live member (its outgoing relationships) to the cluster's
// node, each keeping the member's id in statedAbout; a relationship already re-pointed from that
// member earlier merges with it (sources and evidence unioned, first/last seen widened), so a reload
// changes nothing. HOLDS are told apart by title. MET and inferred participations are derived, and
// are derived again after. Params: $cluster, $members. Columns: moved.
UNWIND $members AS id
MATCH (n:Entity {id: id})-[r]->(o) WHERE NOT n:Cluster AND type(r) <> 'MET' AND NOT coalesce(r.inferred, false)
MATCH (c:Cluster {id: $cluster})
CALL (c, r, o, id) {
  WITH c, r, o, id WHERE r.title IS NULL
  MERGE (c)-[x:$(type(r)) {statedAbout: id}]->(o)
  RETURN x
  UNION
  WITH c, r, o, id WHERE r.title IS NOT NULL
  MERGE (c)-[x:$(type(r)) {statedAbout: id, title: r.title}]->(o)
  RETURN x
}
WITH r, x, id, x.sources AS s0, x.evidence AS e0, x.firstSeen AS f0, x.lastSeen AS l0
SET x += properties(r)
SET x.sources = coalesce(s0, []) + [s IN coalesce(r.sources, []) WHERE NOT s IN coalesce(s0, [])],
    x.evidence = coalesce(e0, []) + [v IN coalesce(r.evidence, []) WHERE NOT v IN coalesce(e0, [])],
    x.firstSeen = CASE WHEN f0 IS NULL OR r.firstSeen < f0 THEN coalesce(r.firstSeen, f0) ELSE f0 END,
    x.lastSeen = CASE WHEN l0 IS NULL OR r.lastSeen > l0 THEN coalesce(r.lastSeen, l0) ELSE l0 END,
    x.statedAbout = id
DELETE r
RETURN count(x) AS moved
