// Creates or updates domain nodes of one label ($label) by id. Lists (aliases, sources, evidence)
// grow by union, so loading a file twice, or two files about one entity, never duplicates anything.
// Params: $label, $rows [{id, props, aliases, sources, evidence, searchText}]. Columns: written.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$($label)
SET n += row.props
SET n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.sources = coalesce(n.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(n.sources, [])],
    n.evidence = coalesce(n.evidence, []) + [e IN row.evidence WHERE NOT e IN coalesce(n.evidence, [])]
SET n.searchText = reduce(t = n.name, a IN n.aliases | t + ' | ' + a)
RETURN count(n) AS written
