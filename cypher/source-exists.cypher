// Whether an article with this id is in the graph already (an accepted name must be new).
// Params: $id. Columns: taken.
OPTIONAL MATCH (s:Source {id: $id})
RETURN s IS NOT NULL AS taken
