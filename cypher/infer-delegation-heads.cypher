// Delegation rule "delegation-head": when an event names a country's delegation ("the Kazakh
// delegation held talks…") and the visit it is part of names that delegation's head, the head is
// recorded as an inferred participant (inferred: true), never overriding a stated participation.
// Params: $eventIds. Columns: inferred.
UNWIND $eventIds AS eventId
MATCH (e:Event {id: eventId})-[:PART_OF]->(visit:Event)
MATCH (delegation:Entity)-[d:PARTICIPATED_IN {delegation: true}]->(e)
MATCH (head:Person)-[h:PARTICIPATED_IN {role: 'head_of_delegation'}]->(visit)
WHERE h.represents = delegation.id
MERGE (head)-[r:PARTICIPATED_IN]->(e)
ON CREATE SET r.inferred = true
WITH r, d, h, delegation WHERE r.inferred
SET r.role = d.role, r.represents = delegation.id, r.delegation = false, r.rule = 'delegation-head',
    r.sources = d.sources + [s IN h.sources WHERE NOT s IN d.sources],
    r.evidence = d.evidence + [x IN h.evidence WHERE NOT x IN d.evidence]
RETURN count(r) AS inferred
