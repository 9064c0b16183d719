// A person merged into a cluster, asked for by its own id: the cluster that now stands for it.
// Params: $ids (the id asked for, and the member a cluster id was named after). Columns: id, type, props, member.
UNWIND $ids AS asked
MATCH (r:IdentityRecord {id: asked})
MATCH (c:Cluster {id: r.clusterId})
RETURN c.id AS id, 'Person' AS type, properties(c) AS props, r.id AS member
LIMIT 1
