// Undo: brings members back as their own nodes, exactly as recorded, and re-points every relationship
// stated about them (statedAbout) back to them without the mark; their records go. Run after
// resolution-drop-derived. Params: $cluster, $members. Columns: restored.
MATCH (c:Cluster {id: $cluster})
UNWIND $members AS id
MATCH (r:IdentityRecord {id: id})
OPTIONAL MATCH (live:Entity {id: id})
CALL (r, live) {
  WITH r, live WHERE live IS NULL
  CREATE (n:Entity)
  SET n = properties(r)
  REMOVE n.clusterId, n.recordLabels
  SET n:$(r.recordLabels)
  RETURN n
  UNION
  WITH live WHERE live IS NOT NULL
  RETURN live AS n
}
CALL (c, n, id) {
  MATCH (c)-[x {statedAbout: id}]->(o)
  CREATE (n)-[y:$(type(x))]->(o)
  SET y = properties(x)
  REMOVE y.statedAbout
  DELETE x
}
CALL (c, n, id) {
  MATCH (o)-[x {statedAbout: id}]->(c)
  CREATE (o)-[y:$(type(x))]->(n)
  SET y = properties(x)
  REMOVE y.statedAbout
  DELETE x
}
DELETE r
RETURN count(*) AS restored
