// An entity's neighbours through everything but MET (events, titles, places, …), each with what a hub
// groups them by: type and kind, dates, the country it lies in or took place in (its place's country or
// its host country; an event without either takes its parent's, in services/hub.ts, which saves two
// look-ups per meeting), the event it is part of, and where it stands against the window: 'in', 'out',
// 'undated' (hidden by a window) or 'timeless' (not an event).
// Params: $id, $from, $to. Columns: type, outgoing, role, title, inferred, node {id, type, name, kind,
// status, start, end, datePrecision}, status, country {id, name} or null, parent.
MATCH (c:Entity {id: $id})-[r]-(b:Entity)
WHERE type(r) <> 'MET'
WITH c, r, b, CASE
    WHEN NOT b:Event THEN 'timeless'
    WHEN $from IS NULL AND $to IS NULL THEN 'in'
    WHEN b.start IS NULL THEN 'undated'
    WHEN ($from IS NULL OR b.start >= $from) AND ($to IS NULL OR coalesce(b.end, b.start) <= $to) THEN 'in'
    ELSE 'out' END AS status
WITH c, r, b, status,
     CASE WHEN b:Event THEN COLLECT { MATCH (b)-[:PART_OF]->(x:Event) RETURN x.id AS x LIMIT 1 } ELSE [] END AS parents
RETURN type(r) AS type, startNode(r) = c AS outgoing, r.role AS role, r.title AS title, r.inferred = true AS inferred,
       {id: b.id, type: [l IN labels(b) WHERE l <> 'Entity'][0], name: b.name, kind: b.kind, status: b.status,
        start: b.start, end: b.end, datePrecision: b.datePrecision} AS node,
       status,
       CASE
         WHEN b:Country THEN {id: b.id, name: b.name}
         WHEN b:Event THEN head(
              COLLECT { MATCH (b)-[:HELD_IN]->(:Place)-[:IN]->(k:Country) RETURN {id: k.id, name: k.name} AS k }
            + COLLECT { MATCH (k:Country)-[h:PARTICIPATED_IN]->(b) WHERE h.role = 'host' RETURN {id: k.id, name: k.name} AS k })
         WHEN b:Place THEN head(COLLECT { MATCH (b)-[:IN]->(k:Country) RETURN {id: k.id, name: k.name} AS k })
         WHEN b:Organization THEN head(COLLECT { MATCH (b)-[:BASED_IN]->(k:Country) RETURN {id: k.id, name: k.name} AS k })
         WHEN b:Person THEN head(
              COLLECT { MATCH (b)-[:HOLDS]->(k:Country) RETURN {id: k.id, name: k.name} AS k }
            + COLLECT { MATCH (b)-[:HOLDS]->(:Organization)-[:BASED_IN]->(k:Country) RETURN {id: k.id, name: k.name} AS k })
         ELSE null END AS country,
       head(parents) AS parent
