// Everything joining two entities directly, for the evidence of one drawn line: each relationship with
// its properties and evidence keys, and the event it stands for (a MET's meeting, or the event at one
// end). Links with an event keep to the window ($from–$to, wholly inside; undated ones only without a
// window); the others are timeless. Earliest first, undated last.
// Params: $a, $b, $from, $to, $limit. Columns: total, links [{type, from, to, props, event}].
MATCH (a:Entity {id: $a})-[r]-(b:Entity {id: $b})
WITH r, CASE WHEN type(r) = 'MET' THEN r.event WHEN a:Event THEN a.id WHEN b:Event THEN b.id END AS event
OPTIONAL MATCH (e:Event {id: event})
WITH r, event, e
WHERE e IS NULL OR ($from IS NULL AND $to IS NULL)
   OR (e.start IS NOT NULL AND ($from IS NULL OR e.start >= $from) AND ($to IS NULL OR coalesce(e.end, e.start) <= $to))
WITH r, event, e ORDER BY e.start IS NULL, e.start, type(r), event
WITH collect({type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r), event: event}) AS links
RETURN size(links) AS total, links[0..$limit] AS links
