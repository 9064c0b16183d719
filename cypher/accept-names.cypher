// Candidates for the names a reviewed draft uses as references (not ids): the full-text index's best
// matches for each name; the caller keeps those whose name or alias folds to the same text.
// Params: $names [{name, query}] (query: Lucene text built from folded tokens). Columns: ref, id, label, name, aliases.
UNWIND $names AS item
CALL (item) {
  CALL db.index.fulltext.queryNodes('entity_search', item.query) YIELD node
  RETURN node
  LIMIT 25
}
RETURN item.name AS ref, node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, node.name AS name,
       coalesce(node.aliases, []) AS aliases
