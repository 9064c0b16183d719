// Full-text search over names and aliases (index entity_search: case- and diacritic-folding; searchText
// holds every name with apostrophes removed, so "nguesso" finds "N’Guesso").
// Params: $query (Lucene syntax built by the service from folded tokens), $labels (list or null), $limit.
// Columns: id, type, name, aliases, score.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS type
WHERE $labels IS NULL OR type IN $labels
RETURN node.id AS id, type, node.name AS name, coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC, size(node.name), name
LIMIT $limit
