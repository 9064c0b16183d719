// One breadth-first step of a neighbourhood: the relationships from the frontier to neighbours of the
// allowed types, keeping events and MET inside the date window (wholly inside; undated ones only when
// asked). Params: $frontier, $labels (or null), $from, $to (dates or null), $includeUndated, $limit.
// Columns: from, to, type, props, node {id, type, name, kind, status, start, end, datePrecision}.
UNWIND $frontier AS id
MATCH (a:Entity {id: id})-[r]-(b:Entity)
WHERE ($labels IS NULL OR any(l IN labels(b) WHERE l IN $labels))
  AND (type(r) <> 'MET' OR ($from IS NULL AND $to IS NULL)
       OR (r.date IS NULL AND $includeUndated)
       OR (r.date IS NOT NULL AND ($from IS NULL OR r.date >= $from) AND ($to IS NULL OR r.end <= $to)))
  AND (NOT b:Event OR ($from IS NULL AND $to IS NULL)
       OR (b.start IS NULL AND $includeUndated)
       OR (b.start IS NOT NULL AND ($from IS NULL OR b.start >= $from) AND ($to IS NULL OR b.end <= $to)))
RETURN startNode(r).id AS from, endNode(r).id AS to, type(r) AS type, properties(r) AS props,
       {id: b.id, type: [l IN labels(b) WHERE l <> 'Entity'][0], name: b.name, kind: b.kind, status: b.status,
        start: b.start, end: b.end, datePrecision: b.datePrecision} AS node
LIMIT $limit
