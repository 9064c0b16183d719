// Held visits with the people who travelled (guests) and the country visited (the host country taking
// part, else the country of the place), for a traveller, for a country (visited, or represented by a
// traveller), or all; inside a date window (wholly inside). Params: $person, $country, $from, $to,
// $limit. Columns: event, travellers, to, places, evidence.
MATCH (t:Person)-[g:PARTICIPATED_IN {role: 'guest'}]->(e:Event {kind: 'visit', status: 'held'})
WHERE ($person IS NULL OR t.id = $person)
  AND (($from IS NULL AND $to IS NULL)
       OR (e.start IS NOT NULL AND ($from IS NULL OR e.start >= $from) AND ($to IS NULL OR e.end <= $to)))
WITH e, collect({id: t.id, name: t.name, represents: g.represents, evidence: g.evidence}) AS travellers
OPTIONAL MATCH (host:Country)-[:PARTICIPATED_IN {role: 'host'}]->(e)
OPTIONAL MATCH (e)-[:HELD_IN]->(pl:Place)
OPTIONAL MATCH (pl)-[:IN]->(plc:Country)
WITH e, travellers, collect(DISTINCT host) AS hosts, collect(DISTINCT pl.name) AS places, collect(DISTINCT plc) AS placeCountries
WITH e, travellers, places, CASE WHEN size(hosts) > 0 THEN hosts[0] ELSE placeCountries[0] END AS dest
WHERE dest IS NOT NULL
  AND ($country IS NULL OR dest.id = $country OR any(t IN travellers WHERE t.represents = $country))
RETURN {id: e.id, title: e.name, start: e.start, end: e.end, datePrecision: e.datePrecision} AS event,
       travellers, {id: dest.id, iso2: dest.iso2, name: dest.name} AS to, places, e.evidence AS evidence
ORDER BY e.start IS NULL, e.start, e.id
LIMIT $limit
