// Agreements concluded at events a person took part in (not merely mentioned).
// Params: $id. Columns: agreement, event, evidence.
MATCH (:Person {id: $id})-[r:PARTICIPATED_IN]->(e:Event)<-[c:CONCLUDED_AT]-(a:Agreement)
WHERE r.role <> 'mentioned'
RETURN properties(a) AS agreement, {id: e.id, name: e.name} AS event, c.evidence + r.evidence AS evidence
