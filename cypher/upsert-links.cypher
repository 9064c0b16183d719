// Creates or updates one relationship type ($type) between nodes found by id: IN, BASED_IN,
// PART_OF, HELD_IN, PARTY_TO, CONCLUDED_AT, ABOUT, MEMBER_OF. Evidence and sources grow by union.
// Params: $type, $rows [{from, to, props, sources, evidence}]. Columns: written.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type)]->(b)
SET r += row.props
SET r.sources = coalesce(r.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(r.sources, [])],
    r.evidence = coalesce(r.evidence, []) + [x IN row.evidence WHERE NOT x IN coalesce(r.evidence, [])]
RETURN count(r) AS written
