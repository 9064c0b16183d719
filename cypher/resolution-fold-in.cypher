// As resolution-fold-out, for relationships pointing at each live member (a figure ABOUT them).
// Params: $cluster, $members. Columns: moved.
UNWIND $members AS id
MATCH (o)-[r]->(n:Entity {id: id}) WHERE NOT n:Cluster AND type(r) <> 'MET' AND NOT coalesce(r.inferred, false)
MATCH (c:Cluster {id: $cluster})
MERGE (o)-[x:$(type(r)) {statedAbout: id}]->(c)
WITH r, x, id, x.sources AS s0, x.evidence AS e0
SET x += properties(r)
SET x.sources = coalesce(s0, []) + [s IN coalesce(r.sources, []) WHERE NOT s IN coalesce(s0, [])],
    x.evidence = coalesce(e0, []) + [v IN coalesce(r.evidence, []) WHERE NOT v IN coalesce(e0, [])],
    x.statedAbout = id
DELETE r
RETURN count(x) AS moved
