// Held events with two or more present participants per year and kind, for a person, for everyone
// acting for a country, or for the whole graph (both null); an event counts in its year only when it
// starts and ends in it. Params: $person, $country. Columns: year (null: undated), spansYears, kind, events.
CALL () {
  MATCH (:Person {id: $person})-[r:PARTICIPATED_IN]->(e:Event)
  WHERE $person IS NOT NULL AND r.role <> 'mentioned'
  RETURN DISTINCT e
  UNION
  MATCH (x:Entity)-[c:PARTICIPATED_IN]->(e:Event)
  WHERE $person IS NULL AND $country IS NOT NULL AND c.role <> 'mentioned' AND (c.represents = $country OR x.id = $country)
  RETURN DISTINCT e
  UNION
  MATCH (e:Event)
  WHERE $person IS NULL AND $country IS NULL
  RETURN e
}
WITH e
WHERE e.status = 'held'
  AND ($person IS NULL OR $country IS NULL OR EXISTS {
        MATCH (x:Entity)-[c:PARTICIPATED_IN]->(e)
        WHERE x.id <> $person AND c.role <> 'mentioned' AND (c.represents = $country OR x.id = $country) })
  AND COUNT { MATCH (:Entity)-[q:PARTICIPATED_IN]->(e) WHERE q.role <> 'mentioned' } >= 2
WITH CASE WHEN e.start IS NULL THEN null ELSE e.start.year END AS year,
     e.start IS NOT NULL AND e.end IS NOT NULL AND e.start.year <> e.end.year AS spansYears, e.kind AS kind
RETURN year, spansYears, kind, count(*) AS events
ORDER BY year, kind
