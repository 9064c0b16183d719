// Creates or updates domain nodes of one label ($label) by id. The first name given is kept and
// other spellings become aliases; lists (aliases, sources, evidence) grow by union, so loading a file
// twice, or two files about one entity, never duplicates anything.
// Params: $label, $rows [{id, name, props, aliases, sources, evidence}]. Columns: written.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.name = row.name
SET n:$($label)
SET n += row.props
WITH n, row, CASE WHEN row.name = n.name THEN row.aliases ELSE [row.name] + row.aliases END AS aliases
SET n.aliases = coalesce(n.aliases, []) + [a IN aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.sources = coalesce(n.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(n.sources, [])],
    n.evidence = coalesce(n.evidence, []) + [e IN row.evidence WHERE NOT e IN coalesce(n.evidence, [])]
// searchText: every name with apostrophes removed, so "nguesso" finds "N’Guesso", and again without
// its periods where it has any, so initials are one word as search folds them ("H.W." → "hw").
SET n.searchText = reduce(t = '', a IN [n.name] + n.aliases |
      t + ' | ' + replace(replace(replace(a, '’', ''), "'", ''), '‘', '') +
      CASE WHEN a CONTAINS '.' THEN ' | ' + replace(a, '.', '') ELSE '' END)
RETURN count(n) AS written
