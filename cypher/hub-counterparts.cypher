// The people an entity met, one row per counterpart: its meetings in the window ($from–$to, wholly inside;
// undated ones count as in only without a window), those outside it and the undated ones the window
// hides, first and last date, how many are inferred, the counterpart's MET in all (degree) and the
// country it is tied to (a title held at a country or at one of its bodies).
// Params: $id, $from, $to (dates or null). Columns: id, name, meetings, outside, undated, first, last,
// inferred, degree, country {id, name} or null.
MATCH (:Entity {id: $id})-[m:MET]-(p:Person)
WITH p, m, CASE
    WHEN $from IS NULL AND $to IS NULL THEN 'in'
    WHEN m.date IS NULL THEN 'undated'
    WHEN ($from IS NULL OR m.date >= $from) AND ($to IS NULL OR coalesce(m.end, m.date) <= $to) THEN 'in'
    ELSE 'out' END AS status
WITH p, collect(CASE WHEN status = 'in' THEN m END) AS kept,
     sum(CASE status WHEN 'out' THEN 1 ELSE 0 END) AS outside,
     sum(CASE status WHEN 'undated' THEN 1 ELSE 0 END) AS undated
WITH p, kept, outside, undated, [k IN kept WHERE k.date IS NOT NULL | k.date] AS dates
RETURN p.id AS id, p.name AS name, size(kept) AS meetings, outside, undated,
       reduce(x = null, d IN dates | CASE WHEN x IS NULL OR d < x THEN d ELSE x END) AS first,
       reduce(x = null, d IN dates | CASE WHEN x IS NULL OR d > x THEN d ELSE x END) AS last,
       size([k IN kept WHERE k.inferred = true]) AS inferred,
       COUNT { (p)-[:MET]-() } AS degree,
       head(COLLECT { MATCH (p)-[:HOLDS]->(k:Country) RETURN {id: k.id, name: k.name} AS k }
            + COLLECT { MATCH (p)-[:HOLDS]->(:Organization)-[:BASED_IN]->(k:Country) RETURN {id: k.id, name: k.name} AS k }) AS country
ORDER BY meetings DESC, name
