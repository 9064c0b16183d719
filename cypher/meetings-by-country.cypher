// Meetings in which someone represented a country (an official, or the country's delegation), inside
// a date window. Params: $country, $from, $to, $meetingKinds, $limit. Columns: id.
MATCH (x:Entity)-[c:PARTICIPATED_IN]->(e:Event)
WHERE (c.represents = $country OR x.id = $country) AND c.role <> 'mentioned'
  AND e.status = 'held' AND e.kind IN $meetingKinds
  AND (($from IS NULL AND $to IS NULL)
       OR (e.start IS NOT NULL AND ($from IS NULL OR e.start >= $from) AND ($to IS NULL OR e.end <= $to)))
  AND COUNT { MATCH (:Entity)-[q:PARTICIPATED_IN]->(e) WHERE q.role <> 'mentioned' } >= 2
WITH DISTINCT e
RETURN e.id AS id
ORDER BY e.start IS NULL, e.start, e.id
LIMIT $limit
