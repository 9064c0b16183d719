// What choosing a cluster's canonical member needs about each person: name, whether articles (not
// only an import) state it, whether it is a live node or kept as a record inside a cluster.
// Params: $ids. Columns: id, name, sources, live, cluster.
UNWIND $ids AS id
OPTIONAL MATCH (n:Person {id: id}) WHERE NOT n:Cluster
OPTIONAL MATCH (r:IdentityRecord {id: id})
WITH id, n, r WHERE n IS NOT NULL OR r IS NOT NULL
RETURN id, coalesce(n.name, r.name) AS name, coalesce(n.sources, r.sources, []) AS sources,
       n IS NOT NULL AS live, r.clusterId AS cluster
