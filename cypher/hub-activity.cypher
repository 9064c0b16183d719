// An entity's activity over time, for the time control's histogram: the distinct events it took part
// in (not merely mentioned), hosted or that were held at it, counted by month (or year, for events dated
// only by year) and by whether they are meetings. Params: $id, $meetingKinds.
// Columns: period (YYYY-MM, YYYY or null when undated), meeting, events.
MATCH (:Entity {id: $id})-[r]-(e:Event)
WHERE NOT (type(r) = 'PARTICIPATED_IN' AND r.role = 'mentioned')
WITH DISTINCT e
RETURN CASE
         WHEN e.start IS NULL OR e.datePrecision = 'unknown' THEN null
         WHEN e.datePrecision = 'year' THEN substring(toString(e.start), 0, 4)
         ELSE substring(toString(e.start), 0, 7) END AS period,
       e.kind IN $meetingKinds AS meeting, count(*) AS events
