// Creates or updates the articles facts are drawn from; `text` is the cleaned text that evidence
// spans ("sourceId#start-end") index into. Params: $rows [{id, props}]. Columns: written.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s += row.props
RETURN count(s) AS written
