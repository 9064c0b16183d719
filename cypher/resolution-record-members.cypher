// Keeps each live member's node exactly (every property and label) as its record, so an undo can
// bring it back as it was. Params: $cluster, $members. Columns: id, events.
UNWIND $members AS id
MATCH (n:Entity {id: id}) WHERE NOT n:Cluster
MERGE (r:IdentityRecord {id: id})
SET r = properties(n)
SET r.clusterId = $cluster, r.recordLabels = labels(n)
RETURN id, COLLECT { MATCH (n)-[:PARTICIPATED_IN]->(e:Event) RETURN DISTINCT e.id } AS events
