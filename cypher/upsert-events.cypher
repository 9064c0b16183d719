// Creates or updates events by id. Two articles about one event become one node: "held" wins over
// "planned", and a more precise date wins over a vaguer one; an absent date never erases a known one.
// Params: $rows [{id, name, props, status, date: {start, end, precision, text, basis} | null, sources, evidence}].
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name
SET e:Event
SET e += row.props
SET e.status = CASE WHEN e.status = 'held' OR row.status = 'held' THEN 'held' ELSE row.status END
WITH e, row,
     CASE coalesce(e.datePrecision, 'unknown')
       WHEN 'day' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END AS knownRank,
     CASE row.date.precision WHEN 'day' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END AS newRank
SET e.start = CASE WHEN newRank > knownRank OR e.dateBasis = 'inherited' AND newRank > 0 THEN row.date.start ELSE e.start END,
    e.end = CASE WHEN newRank > knownRank OR e.dateBasis = 'inherited' AND newRank > 0 THEN row.date.end ELSE e.end END,
    e.dateText = CASE WHEN newRank > knownRank OR e.dateBasis = 'inherited' AND newRank > 0 THEN row.date.text ELSE e.dateText END,
    e.dateBasis = CASE WHEN newRank > knownRank OR e.dateBasis = 'inherited' AND newRank > 0 THEN row.date.basis ELSE e.dateBasis END,
    e.datePrecision = CASE WHEN newRank > knownRank OR e.dateBasis = 'inherited' AND newRank > 0 THEN row.date.precision ELSE coalesce(e.datePrecision, 'unknown') END
SET e.sources = coalesce(e.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(e.sources, [])],
    e.evidence = coalesce(e.evidence, []) + [x IN row.evidence WHERE NOT x IN coalesce(e.evidence, [])],
    e.aliases = CASE WHEN row.name = e.name OR row.name IN coalesce(e.aliases, []) THEN coalesce(e.aliases, [])
                     ELSE coalesce(e.aliases, []) + row.name END
// searchText: every name with apostrophes removed, so "nguesso" finds "N’Guesso", and again without
// its periods where it has any, so initials are one word as search folds them ("H.W." → "hw").
SET e.searchText = reduce(t = '', a IN [e.name] + e.aliases |
      t + ' | ' + replace(replace(replace(a, '’', ''), "'", ''), '‘', '') +
      CASE WHEN a CONTAINS '.' THEN ' | ' + replace(a, '.', '') ELSE '' END)
RETURN count(e) AS written
