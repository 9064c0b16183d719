// Events a person took part in (not merely mentioned), inside a date window (wholly inside; undated ones
// only without a window), earliest first. Params: $person, $from, $to, $limit. Columns: id.
MATCH (p:Person {id: $person})-[r:PARTICIPATED_IN]->(e:Event)
WHERE r.role <> 'mentioned'
  AND (($from IS NULL AND $to IS NULL)
       OR (e.start IS NOT NULL AND ($from IS NULL OR e.start >= $from) AND ($to IS NULL OR e.end <= $to)))
WITH DISTINCT e
RETURN e.id AS id
ORDER BY e.start IS NULL, e.start, e.id
LIMIT $limit
