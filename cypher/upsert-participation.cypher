// Records who took part in an event and how (PARTICIPATED_IN {role, represents, officialRole,
// delegation, linkedBy}); a participation the text states replaces one the loader had inferred.
// Params: $rows [{who, event, role, represents, officialRole, delegation, linkedBy, sources, evidence}]. Columns: written.
UNWIND $rows AS row
MATCH (x:Entity {id: row.who})
MATCH (e:Event {id: row.event})
MERGE (x)-[r:PARTICIPATED_IN]->(e)
SET r.role = row.role, r.represents = row.represents, r.officialRole = row.officialRole,
    r.delegation = row.delegation, r.linkedBy = row.linkedBy, r.inferred = false, r.rule = null
SET r.sources = coalesce(r.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(r.sources, [])],
    r.evidence = coalesce(r.evidence, []) + [x IN row.evidence WHERE NOT x IN coalesce(r.evidence, [])]
RETURN count(r) AS written
