// title: Visits made by a country's people
// description: Visits (events of kind visit) where a guest represented the country: who travelled, their titles as the visit's sources give them, which country hosted them, and when. "Which leaders of Nigeria visited the US": country NG, host US.
// @param country country required — the country the visitors represented, id or ISO code, e.g. NG
// @param host country optional — only visits hosted by this country, e.g. US
// @param from date-start optional — only visits from this date (YYYY, YYYY-MM or YYYY-MM-DD)
// @param to date-end optional — only visits up to this date
// @columns start, end, precision, visitor, titles, host, visit
MATCH (p:Person)-[r:PARTICIPATED_IN {role: 'guest'}]->(v:Event {kind: 'visit'})
WHERE r.represents = $country
  AND ($from IS NULL OR v.start >= $from) AND ($to IS NULL OR v.end <= $to)
MATCH (host:Country)-[:PARTICIPATED_IN {role: 'host'}]->(v)
WHERE $host IS NULL OR host.id = $host
// The titles the visit's own sources give the visitor (their title at the time).
OPTIONAL MATCH (p)-[h:HOLDS]->()
WHERE any(s IN h.sources WHERE s IN v.sources)
RETURN v.start AS start, v.end AS end, v.datePrecision AS precision, p.name AS visitor,
       collect(DISTINCT h.title) AS titles, host.name AS host, v.name AS visit
ORDER BY start, visitor
