// The people of one dataset named in full (two words or more), for the search benchmark (bench/search-ranks.ts).
// Params: $sourcePrefix (e.g. 'source:state-dept-'). Columns: id, name.
MATCH (p:Person)
WHERE size(split(trim(p.name), ' ')) > 1 AND any(s IN p.sources WHERE s STARTS WITH $sourcePrefix)
RETURN p.id AS id, p.name AS name
ORDER BY id
