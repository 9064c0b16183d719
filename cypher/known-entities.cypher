// Every domain entity's id, label, name and aliases, for resolving references in fact files. People
// merged into a cluster are listed as themselves (their records), so a fact file naming one resolves
// to that member (the writer folds it into the cluster); a cluster's own id is listed without names,
// so it resolves as an id but a name never fits both it and its member.
// No params. Columns: id, label, name, aliases.
MATCH (n:Entity) WHERE NOT n:Cluster
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.aliases AS aliases
UNION ALL
MATCH (r:IdentityRecord)
RETURN r.id AS id, 'Person' AS label, r.name AS name, r.aliases AS aliases
UNION ALL
MATCH (c:Cluster)
RETURN c.id AS id, 'Person' AS label, '' AS name, [] AS aliases
