// Everything found paths show, in one round trip: the relationships joining consecutive nodes (MET
// only for meeting paths; MET and events kept to the date window as in the search), both ends'
// summaries, the event a link stands for (a MET's meeting, or the event at one end) with its places
// (its own, else those of the visit it is part of) and country, and each evidence key's quote (the
// link's own and its event's) cut from its Source here, so no article text leaves the database. Keys are "sourceId#start-end" (the id may hold '#').
// Two busy officials can share hundreds of meetings: a hop returns its first $linksPerHop links
// (MET, then participation, then titles, as services/paths.ts ranks them; earliest first, undated
// last) with the count of all. MET is stored from the smaller id to the larger (derive-met,
// upsert-met), so the meetings of a hop are read in that one direction: between two hubs that reads
// the smaller of one's outgoing and the other's incoming MET, not all of either's.
// Params: $paths ([[id, …], …]), $via, $start, $end, $linksPerHop.
// Columns: path, hop, linkCount, allInferred and lastDate (the latest dated link; of all links, not only
// those listed), fromNode, toNode,
// from, to, type, props, event {id, name, kind, start, end, datePrecision, sources, places, country},
// quotes [{key, of: link|event, sourceId, start, end, quote, title, publisher, published}].
UNWIND range(0, size($paths) - 1) AS path
UNWIND range(0, size($paths[path]) - 2) AS hop
WITH path, hop, $paths[path][hop] AS fromId, $paths[path][hop + 1] AS toId
MATCH (a:Entity {id: fromId}), (b:Entity {id: toId})
CALL (a, b) {
  WITH CASE WHEN a.id < b.id THEN a ELSE b END AS lo, CASE WHEN a.id < b.id THEN b ELSE a END AS hi
  MATCH (lo)-[r:MET]->(hi)
  WHERE ($start IS NULL OR (r.date IS NOT NULL AND r.date >= $start))
    AND ($end IS NULL OR (r.end IS NOT NULL AND r.end <= $end))
  RETURN r
  UNION ALL
  WITH a, b WHERE $via = 'any'
  MATCH (a)-[r]-(b)
  WHERE type(r) <> 'MET'
  RETURN r
}
WITH path, hop, a, b, r, CASE type(r) WHEN 'MET' THEN 0 WHEN 'PARTICIPATED_IN' THEN 1 WHEN 'HOLDS' THEN 2 ELSE 3 END AS rank
ORDER BY rank, r.date
WITH path, hop, a, b, collect(r) AS rels
WITH path, hop, a, b, rels, size(rels) AS linkCount, all(x IN rels WHERE x.inferred = true) AS allInferred,
     reduce(d = null, x IN rels | CASE WHEN x.date IS NOT NULL AND (d IS NULL OR x.date > d) THEN x.date ELSE d END) AS lastDate
UNWIND rels[0..$linksPerHop] AS r
WITH path, hop, a, b, r, linkCount, allInferred, lastDate,
     CASE WHEN type(r) = 'MET' THEN r.event WHEN a:Event THEN a.id WHEN b:Event THEN b.id ELSE null END AS eventId
OPTIONAL MATCH (event:Event {id: eventId})
WITH path, hop, a, b, r, linkCount, allInferred, lastDate, event,
     CASE WHEN event IS NULL THEN [] ELSE COLLECT { MATCH (event)-[:HELD_IN]->(pl:Place) RETURN pl.name AS n ORDER BY n } END AS own,
     CASE WHEN event IS NULL THEN [] ELSE COLLECT { MATCH (event)-[:PART_OF]->(:Event)-[:HELD_IN]->(pl:Place) RETURN pl.name AS n ORDER BY n } END AS inherited
RETURN path, hop, linkCount, allInferred, lastDate,
       {id: a.id, type: [l IN labels(a) WHERE l <> 'Entity'][0], name: a.name, kind: a.kind} AS fromNode,
       {id: b.id, type: [l IN labels(b) WHERE l <> 'Entity'][0], name: b.name, kind: b.kind} AS toNode,
       startNode(r).id AS from, endNode(r).id AS to, type(r) AS type,
       properties(r) AS props,
       CASE WHEN event IS NULL THEN null
            ELSE {id: event.id, name: event.name, kind: event.kind, start: event.start, end: event.end,
                  datePrecision: event.datePrecision, sources: event.sources,
                  places: CASE WHEN size(own) > 0 THEN own ELSE inherited END,
                  country: head(COLLECT { MATCH (event)-[:HELD_IN]->(:Place)-[:IN]->(k:Country) RETURN k.name AS k }
                              + COLLECT { MATCH (k:Country)-[h:PARTICIPATED_IN]->(event) WHERE h.role = 'host' RETURN k.name AS k }
                              + COLLECT { MATCH (event)-[:PART_OF]->(:Event)-[:HELD_IN]->(:Place)-[:IN]->(k:Country) RETURN k.name AS k }
                              + COLLECT { MATCH (event)-[:PART_OF]->(:Event)<-[h:PARTICIPATED_IN]-(k:Country) WHERE h.role = 'host' RETURN k.name AS k })} END AS event,
       COLLECT {
         UNWIND [key IN coalesce(r.evidence, []) | {key: key, of: 'link'}]
              + [key IN CASE WHEN event IS NULL THEN [] ELSE coalesce(event.evidence, []) END | {key: key, of: 'event'}] AS item
         WITH item.key AS key, item.of AS of, split(item.key, '#') AS parts
         WITH key, of, substring(key, 0, size(key) - size(last(parts)) - 1) AS sourceId, split(last(parts), '-') AS span
         WHERE size(span) = 2 AND toInteger(span[0]) IS NOT NULL AND toInteger(span[1]) IS NOT NULL
         MATCH (s:Source {id: sourceId})
         RETURN {key: key, of: of, sourceId: sourceId, start: toInteger(span[0]), end: toInteger(span[1]),
                 quote: substring(s.text, toInteger(span[0]), toInteger(span[1]) - toInteger(span[0])),
                 title: s.title, publisher: s.publisher, published: s.published}
       } AS quotes
ORDER BY path, hop
