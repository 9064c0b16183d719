// The people present (not only mentioned) at events a reviewed draft touches, to count the MET
// relationships it would add. Params: $eventIds. Columns: event, present.
UNWIND $eventIds AS eventId
MATCH (p:Person)-[r:PARTICIPATED_IN]->(:Event {id: eventId})
WHERE r.role <> 'mentioned'
RETURN eventId AS event, collect(DISTINCT p.id) AS present
