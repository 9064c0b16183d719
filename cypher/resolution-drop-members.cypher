// Removes the members' own nodes once their statements are re-pointed and their records kept; what
// is left on them (MET, inferred participations) is derived and is derived again for the cluster.
// Params: $members. Columns: dropped.
UNWIND $members AS id
MATCH (n:Entity {id: id}) WHERE NOT n:Cluster
DETACH DELETE n
RETURN count(*) AS dropped
