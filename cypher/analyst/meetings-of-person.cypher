// title: Meetings of a person in a date range
// description: Every held meeting, talks, call, session or signing the person took part in (not merely mentioned), wholly inside the window (undated ones only when no window is given), with the counterparts and how sure we are.
// @param person string required — the person's id, e.g. person:alibek-kuantyrov
// @param from date-start optional — from this date (YYYY, YYYY-MM or YYYY-MM-DD)
// @param to date-end optional — up to this date
// @columns date, precision, event, kind, role, counterparts, inferred
MATCH (p:Person {id: $person})-[r:PARTICIPATED_IN]->(e:Event)
WHERE r.role <> 'mentioned' AND e.status = 'held' AND e.kind IN ['meeting', 'talks', 'call', 'session', 'signing']
  AND (($from IS NULL AND $to IS NULL)
       OR (e.start IS NOT NULL AND ($from IS NULL OR e.start >= $from) AND ($to IS NULL OR e.end <= $to)))
OPTIONAL MATCH (other:Entity)-[o:PARTICIPATED_IN]->(e)
WHERE other <> p AND o.role <> 'mentioned'
WITH p, r, e, collect(other.name + CASE WHEN o.inferred THEN ' (inferred)' ELSE '' END) AS counterparts
RETURN e.start AS date, e.datePrecision AS precision, e.name AS event, e.kind AS kind, r.role AS role,
       counterparts, coalesce(r.inferred, false) AS inferred
ORDER BY e.start IS NULL, e.start, e.name
