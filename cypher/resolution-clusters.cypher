// The clusters in the graph: each canonical node with its members (the ids it was merged from).
// No params. Columns: id, members, canonicalMember.
MATCH (c:Cluster)
RETURN c.id AS id, c.members AS members, c.canonicalMember AS canonicalMember
