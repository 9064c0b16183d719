// Removes what the graph derived for a cluster's node (MET, inferred participations), before its
// members change; derive-met and infer-delegation-heads make them again. Params: $cluster. Columns: dropped.
MATCH (c:Cluster {id: $cluster})-[m]-()
WHERE type(m) = 'MET' OR (type(m) = 'PARTICIPATED_IN' AND coalesce(m.inferred, false) AND m.statedAbout IS NULL)
DELETE m
RETURN count(*) AS dropped
