// The given events together with the events they are part of and the events that are part of them
// (two levels), i.e. everything whose derived facts a change to them can affect.
// Params: $eventIds. Columns: ids.
UNWIND $eventIds AS eventId
MATCH (e:Event {id: eventId})
OPTIONAL MATCH (e)-[:PART_OF*1..2]-(related:Event)
WITH collect(DISTINCT e.id) + collect(DISTINCT related.id) AS all
RETURN reduce(ids = [], id IN all | CASE WHEN id IN ids THEN ids ELSE ids + id END) AS ids
