// Every domain entity's id, label, name and aliases, for resolving references in fact files.
// No params. Columns: id, label, name, aliases.
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.aliases AS aliases
