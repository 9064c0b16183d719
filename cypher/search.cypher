// Full-text candidates over names and aliases (index entity_search: case- and diacritic-folding; searchText
// holds every name with apostrophes removed, and without periods, so "nguesso" finds "N’Guesso" and "hw" "H.W.").
// The service ranks them (exact names first, events last), so this returns up to $fetch by Lucene score.
// Params: $query (Lucene syntax built by the service from folded words), $labels (list or null), $fetch.
// Columns: id, type, name, aliases, score.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $fetch}) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS type
WHERE $labels IS NULL OR type IN $labels
RETURN node.id AS id, type, node.name AS name, coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC, size(node.name), name
