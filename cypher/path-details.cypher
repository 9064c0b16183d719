// Everything found paths show, in one round trip: the relationships joining consecutive nodes (MET
// only for meeting paths; MET and events kept to the date window as in the search), both ends'
// summaries, the event a link goes through, and each evidence key's quote cut from its Source here,
// so no article text leaves the database. Keys are "sourceId#start-end" (the id may hold '#').
// Two busy officials can share hundreds of meetings: a hop returns its first $linksPerHop links
// (MET, then participation, then titles, as services/paths.ts ranks them; earliest first, undated
// last) with the count of all. MET is stored from the smaller id to the larger (derive-met,
// upsert-met), so the meetings of a hop are read in that one direction: between two hubs that reads
// the smaller of one's outgoing and the other's incoming MET, not all of either's.
// Params: $paths ([[id, …], …]), $via, $start, $end, $linksPerHop.
// Columns: path, hop, linkCount, allInferred (of all links, not only those listed), fromNode, toNode,
// from, to, type, props, event, quotes.
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
WITH path, hop, a, b, rels, size(rels) AS linkCount, all(x IN rels WHERE x.inferred = true) AS allInferred
UNWIND rels[0..$linksPerHop] AS r
WITH path, hop, a, b, r, linkCount, allInferred, CASE WHEN a:Event THEN a WHEN b:Event THEN b ELSE null END AS event
RETURN path, hop, linkCount, allInferred,
       {id: a.id, type: [l IN labels(a) WHERE l <> 'Entity'][0], name: a.name, kind: a.kind} AS fromNode,
       {id: b.id, type: [l IN labels(b) WHERE l <> 'Entity'][0], name: b.name, kind: b.kind} AS toNode,
       startNode(r).id AS from, endNode(r).id AS to, type(r) AS type,
       properties(r) AS props,
       CASE WHEN event IS NULL THEN null
            ELSE {id: event.id, start: event.start, end: event.end, datePrecision: event.datePrecision} END AS event,
       COLLECT {
         UNWIND coalesce(r.evidence, []) AS key
         WITH key, split(key, '#') AS parts
         WITH key, substring(key, 0, size(key) - size(last(parts)) - 1) AS sourceId, split(last(parts), '-') AS span
         WHERE size(span) = 2 AND toInteger(span[0]) IS NOT NULL AND toInteger(span[1]) IS NOT NULL
         MATCH (s:Source {id: sourceId})
         RETURN {key: key, sourceId: sourceId, start: toInteger(span[0]), end: toInteger(span[1]),
                 quote: substring(s.text, toInteger(span[0]), toInteger(span[1]) - toInteger(span[0])),
                 title: s.title, publisher: s.publisher, published: s.published}
       } AS quotes
ORDER BY path, hop
