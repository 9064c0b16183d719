// Which of the ids a writer is about to touch take part in identity resolution: members of a
// cluster (kept as records), cluster ids themselves, or people with a "same" judgement not yet applied.
// Params: $ids. Columns: id, member, canonicalMember, judged.
UNWIND $ids AS id
OPTIONAL MATCH (r:IdentityRecord {id: id})
OPTIONAL MATCH (c:Cluster {id: id})
WITH id, r, c, EXISTS { MATCH (j:Judgement {a: id, verdict: 'same'}) } OR EXISTS { MATCH (j:Judgement {b: id, verdict: 'same'}) } AS judged
WITH id, r, c, judged WHERE r IS NOT NULL OR c IS NOT NULL OR judged
RETURN id, r IS NOT NULL AS member, c.canonicalMember AS canonicalMember, judged
