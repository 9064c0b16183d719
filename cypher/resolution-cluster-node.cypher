// Creates or updates a cluster's canonical node: a Person every read sees, listing its members.
// Params: $cluster, $members, $canonicalMember. Columns: id.
MERGE (c:Entity {id: $cluster})
SET c:Person:Cluster, c.members = $members, c.canonicalMember = $canonicalMember
RETURN c.id AS id
