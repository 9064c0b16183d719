// The records of a cluster's members (each member's node as it was), for the cluster's own name,
// aliases, sources and evidence. Params: $ids. Columns: id, props.
UNWIND $ids AS id
MATCH (r:IdentityRecord {id: id})
RETURN id, properties(r) AS props
