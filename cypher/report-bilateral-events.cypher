// Events between two countries: events with someone (an official, a delegation, an organisation based
// there) acting for country A in them or in their parts, and likewise for B, and at least one
// participant of their own (a summit that only hosts bilateral talks is left to the talks).
// Params: $a, $b (country ids). Columns: id.
MATCH (x:Entity)-[r:PARTICIPATED_IN]->(:Event)-[:PART_OF*0..1]->(e:Event)
WHERE r.role <> 'mentioned'
  AND (r.represents = $a OR x.id = $a OR EXISTS { MATCH (x)-[:BASED_IN]->(:Country {id: $a}) })
WITH DISTINCT e
WHERE EXISTS {
        MATCH (y:Entity)-[q:PARTICIPATED_IN]->(:Event)-[:PART_OF*0..1]->(e)
        WHERE q.role <> 'mentioned'
          AND (q.represents = $b OR y.id = $b OR EXISTS { MATCH (y)-[:BASED_IN]->(:Country {id: $b}) }) }
  AND EXISTS { MATCH (:Entity)-[p:PARTICIPATED_IN]->(e) WHERE p.role <> 'mentioned' }
RETURN e.id AS id
ORDER BY e.start IS NULL, e.start, e.id
