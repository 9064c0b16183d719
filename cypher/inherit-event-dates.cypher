// An event with no date of its own that is part of an event dated by month or year (or by a stated
// span) took place within it, so it takes that period, marked dateBasis 'inherited'. A parent dated
// only by a start day does not pass its day on: that would invent a date.
// Params: $eventIds (touched events; their parts are updated too). Columns: inherited.
MATCH (e:Event)-[:PART_OF]->(parent:Event)
WHERE (e.id IN $eventIds OR parent.id IN $eventIds)
  AND (coalesce(e.datePrecision, 'unknown') = 'unknown' OR e.dateBasis = 'inherited')
  AND parent.start IS NOT NULL
  AND (parent.datePrecision IN ['month', 'year'] OR parent.end <> parent.start)
SET e.start = parent.start, e.end = parent.end, e.datePrecision = parent.datePrecision,
    e.dateText = parent.dateText, e.dateBasis = 'inherited', e.dateInheritedFrom = parent.id
RETURN count(e) AS inherited
