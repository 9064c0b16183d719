// All meetings inside a date window, chronologically (undated ones last, and only without a window).
// Params: $from, $to, $meetingKinds, $limit. Columns: id.
MATCH (e:Event)
WHERE e.status = 'held' AND e.kind IN $meetingKinds
  AND (($from IS NULL AND $to IS NULL)
       OR (e.start IS NOT NULL AND ($from IS NULL OR e.start >= $from) AND ($to IS NULL OR e.end <= $to)))
  AND COUNT { MATCH (:Person)-[q:PARTICIPATED_IN]->(e) WHERE q.role <> 'mentioned' } >= 1
  AND COUNT { MATCH (:Entity)-[q:PARTICIPATED_IN]->(e) WHERE q.role <> 'mentioned' } >= 2
RETURN e.id AS id
ORDER BY e.start IS NULL, e.start, e.id
LIMIT $limit
