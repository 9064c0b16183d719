// The entities a reviewed draft declares or refers to, as the graph has them now: label, names, and the
// properties a draft could change (not the lists of sources and evidence, which only grow).
// Params: $ids. Columns: id, label, name, aliases, props.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, coalesce(n.aliases, []) AS aliases,
       n {.kind, .note, .iso2, .status, .date, .value, .unit, .qualifier, .period, .change,
          .start, .end, .datePrecision, .dateText, .dateBasis} AS props
