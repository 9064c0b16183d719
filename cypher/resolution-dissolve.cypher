// Removes a cluster's node once every member is back on its own; anything still on it that no member
// stated (nothing should be) is given to the canonical member first, so no statement is lost.
// Params: $cluster, $canonicalMember. Columns: dissolved.
MATCH (c:Cluster {id: $cluster})
OPTIONAL MATCH (n:Entity {id: $canonicalMember})
CALL (c, n) {
  MATCH (c)-[x]->(o) WHERE n IS NOT NULL
  CREATE (n)-[y:$(type(x))]->(o)
  SET y = properties(x)
  REMOVE y.statedAbout
  DELETE x
}
CALL (c, n) {
  MATCH (o)-[x]->(c) WHERE n IS NOT NULL
  CREATE (o)-[y:$(type(x))]->(n)
  SET y = properties(x)
  REMOVE y.statedAbout
  DELETE x
}
DETACH DELETE c
RETURN count(*) AS dissolved
