// Titles held by people, with where, when attested and the evidence (to say "title at the time").
// Params: $ids. Columns: person, title, at, firstSeen, lastSeen, sources, evidence.
UNWIND $ids AS id
MATCH (p:Person {id: id})-[h:HOLDS]->(o:Entity)
RETURN p.id AS person, h.title AS title, {id: o.id, name: o.name, type: [l IN labels(o) WHERE l <> 'Entity'][0]} AS at,
       h.firstSeen AS firstSeen, h.lastSeen AS lastSeen, h.sources AS sources, h.evidence AS evidence
