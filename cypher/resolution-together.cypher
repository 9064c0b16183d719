// For candidate pairs: the events both people were present at (not merely mentioned), or where they
// met — two people at one meeting are two people. Params: $pairs [{a, b}]. Columns: a, b, events.
UNWIND $pairs AS pair
MATCH (a:Person {id: pair.a})
MATCH (b:Person {id: pair.b})
RETURN pair.a AS a, pair.b AS b, COLLECT {
  MATCH (a)-[ra:PARTICIPATED_IN]->(e:Event)<-[rb:PARTICIPATED_IN]-(b)
  WHERE ra.role <> 'mentioned' AND rb.role <> 'mentioned'
  RETURN e.name LIMIT 3
} AS events
