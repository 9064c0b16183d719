// Meetings among the given people (a hub's counterparts), one row per pair in MET's stored direction,
// in the window ($from–$to wholly inside; undated ones without a window or with $includeUndated).
// Params: $ids, $from, $to, $includeUndated. Columns: a, b, meetings, first, last.
UNWIND $ids AS aid
MATCH (a:Person {id: aid})-[m:MET]->(b:Person)
WHERE b.id IN $ids
  AND (($from IS NULL AND $to IS NULL) OR (m.date IS NULL AND $includeUndated)
       OR (m.date IS NOT NULL AND ($from IS NULL OR m.date >= $from) AND ($to IS NULL OR coalesce(m.end, m.date) <= $to)))
WITH a, b, collect(m.date) AS dates, count(m) AS meetings
RETURN a.id AS a, b.id AS b, meetings,
       reduce(x = null, d IN dates | CASE WHEN x IS NULL OR d < x THEN d ELSE x END) AS first,
       reduce(x = null, d IN dates | CASE WHEN x IS NULL OR d > x THEN d ELSE x END) AS last
