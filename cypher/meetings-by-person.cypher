// Meetings a person took part in (not merely mentioned), optionally with a second person and/or with
// someone representing a country, inside a date window (wholly inside; undated ones only without a
// window). Params: $person, $with, $country, $from, $to, $meetingKinds, $limit. Columns: id.
MATCH (p:Person {id: $person})-[r:PARTICIPATED_IN]->(e:Event)
WHERE r.role <> 'mentioned' AND e.status = 'held' AND e.kind IN $meetingKinds
  AND (($from IS NULL AND $to IS NULL)
       OR (e.start IS NOT NULL AND ($from IS NULL OR e.start >= $from) AND ($to IS NULL OR e.end <= $to)))
  AND ($with IS NULL OR EXISTS {
        MATCH (:Person {id: $with})-[w:PARTICIPATED_IN]->(e) WHERE w.role <> 'mentioned' })
  AND ($country IS NULL OR EXISTS {
        MATCH (x:Entity)-[c:PARTICIPATED_IN]->(e)
        WHERE x <> p AND c.role <> 'mentioned' AND (c.represents = $country OR x.id = $country) })
  AND COUNT { MATCH (:Entity)-[q:PARTICIPATED_IN]->(e) WHERE q.role <> 'mentioned' } >= 2
RETURN e.id AS id
ORDER BY e.start IS NULL, e.start, e.id
LIMIT $limit
