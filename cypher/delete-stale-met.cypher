// Removes MET relationships of the given events that the events no longer support (the event is not
// held or not meeting-like any more, or a side is now only mentioned), after derive-met has run.
// Params: $eventIds, $meetingKinds. Columns: deleted.
UNWIND $eventIds AS eventId
MATCH (a:Person)-[m:MET {event: eventId}]->(b:Person)
OPTIONAL MATCH (a)-[ra:PARTICIPATED_IN]->(e:Event {id: eventId})<-[rb:PARTICIPATED_IN]-(b)
WITH m, e, ra, rb
WHERE e IS NULL OR NOT (e.status = 'held' AND e.kind IN $meetingKinds AND ra.role <> 'mentioned' AND rb.role <> 'mentioned')
DELETE m
RETURN count(*) AS deleted
