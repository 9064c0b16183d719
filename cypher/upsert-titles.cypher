// Records that a person held a title at an organisation or country (HOLDS, one per title), with the
// publication dates at which the articles attest it (firstSeen/lastSeen; the texts give no terms).
// Params: $rows [{person, at, title, asOf: date|null, sources, evidence}]. Columns: written.
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (o:Entity {id: row.at})
MERGE (p)-[h:HOLDS {title: row.title}]->(o)
SET h.firstSeen = CASE WHEN row.asOf IS NOT NULL AND (h.firstSeen IS NULL OR row.asOf < h.firstSeen) THEN row.asOf ELSE h.firstSeen END,
    h.lastSeen = CASE WHEN row.asOf IS NOT NULL AND (h.lastSeen IS NULL OR row.asOf > h.lastSeen) THEN row.asOf ELSE h.lastSeen END
SET h.sources = coalesce(h.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(h.sources, [])],
    h.evidence = coalesce(h.evidence, []) + [x IN row.evidence WHERE NOT x IN coalesce(h.evidence, [])]
RETURN count(h) AS written
