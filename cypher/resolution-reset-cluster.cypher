// Clears a cluster node's properties before they are written again from its members' records
// (through upsert-entities), so a member that left takes its names with it.
// Params: $cluster, $name, $members, $canonicalMember. Columns: id.
MATCH (c:Cluster {id: $cluster})
SET c = {id: $cluster, name: $name, members: $members, canonicalMember: $canonicalMember}
RETURN c.id AS id
