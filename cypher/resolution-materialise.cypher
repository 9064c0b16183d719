// Brings cluster members back as their own nodes, exactly as recorded, so a writer can MERGE onto
// them as if they had never been merged; the fold that follows puts them back into their cluster.
// The record is kept. Params: $ids. Columns: materialised.
UNWIND $ids AS id
MATCH (r:IdentityRecord {id: id})
WHERE NOT EXISTS { MATCH (:Entity {id: id}) }
CREATE (n:Entity)
SET n = properties(r)
REMOVE n.clusterId, n.recordLabels
SET n:$(r.recordLabels)
RETURN count(n) AS materialised
