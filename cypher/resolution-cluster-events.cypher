// The events a cluster's node took part in, whose derived parts (MET, inferred heads) must be derived
// again when its members change. Params: $cluster. Columns: events.
MATCH (c:Cluster {id: $cluster})
RETURN COLLECT { MATCH (c)-[:PARTICIPATED_IN]->(e:Event) RETURN DISTINCT e.id } AS events
