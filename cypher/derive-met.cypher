// Derives (Person)-[:MET]->(Person) from held meeting-like events ($meetingKinds) with two or more
// present participants (a `mentioned` person is not present). One MET per pair per event, directed
// from the smaller id; `inferred` when either side was inferred from a delegation.
// Params: $eventIds, $meetingKinds. Columns: met.
UNWIND $eventIds AS eventId
MATCH (e:Event {id: eventId})
WHERE e.status = 'held' AND e.kind IN $meetingKinds
MATCH (a:Person)-[ra:PARTICIPATED_IN]->(e)<-[rb:PARTICIPATED_IN]-(b:Person)
WHERE a.id < b.id AND ra.role <> 'mentioned' AND rb.role <> 'mentioned'
MERGE (a)-[m:MET {event: e.id}]->(b)
SET m.date = e.start, m.end = e.end, m.datePrecision = e.datePrecision, m.dateText = e.dateText, m.eventKind = e.kind,
    m.mode = CASE e.kind WHEN 'call' THEN 'call' ELSE 'in_person' END,
    m.inferred = ra.inferred OR rb.inferred,
    m.rule = CASE WHEN ra.inferred OR rb.inferred THEN coalesce(ra.rule, rb.rule) ELSE null END,
    m.sources = ra.sources + [s IN rb.sources WHERE NOT s IN ra.sources],
    m.evidence = ra.evidence + [x IN rb.evidence WHERE NOT x IN ra.evidence]
RETURN count(m) AS met
