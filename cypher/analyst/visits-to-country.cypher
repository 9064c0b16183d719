// title: Visits to a country
// description: Visits hosted by a country (the State Department's trips abroad and visits to the United States, or any visit event whose host is the country): who came, their title as the visit's sources give it, whom they represented, when and where. Filter by title (e.g. Secretary of State) and dates.
// @param country country required — the host country's id or ISO code, e.g. KZ
// @param title string optional — only guests holding this title, e.g. Secretary of State (case-insensitive)
// @param from date-start optional — only visits from this date (YYYY, YYYY-MM or YYYY-MM-DD)
// @param to date-end optional — only visits up to this date
// @columns start, end, precision, visitor, titles, represents, places, visit
MATCH (c:Country {id: $country})-[:PARTICIPATED_IN {role: 'host'}]->(v:Event {kind: 'visit'})
WHERE ($from IS NULL OR v.start >= $from) AND ($to IS NULL OR v.end <= $to)
MATCH (p:Person)-[r:PARTICIPATED_IN {role: 'guest'}]->(v)
// The titles the visit's own sources give the guest (their title at the time, not every title ever).
OPTIONAL MATCH (p)-[h:HOLDS]->()
WHERE any(s IN h.sources WHERE s IN v.sources)
WITH v, p, r, collect(DISTINCT h.title) AS titles
WHERE $title IS NULL OR any(t IN titles WHERE toLower(t) = toLower($title))
OPTIONAL MATCH (v)-[:HELD_IN]->(pl:Place)
OPTIONAL MATCH (rep:Country {id: r.represents})
RETURN v.start AS start, v.end AS end, v.datePrecision AS precision, p.name AS visitor, titles,
       rep.name AS represents, collect(DISTINCT pl.name) AS places, v.name AS visit
ORDER BY start, visitor
