// The people a cluster was merged from (each as it was stated: name, aliases, note, sources) and
// the judgements about them. Params: $ids (the members). Columns: members, judgements.
CALL () {
  UNWIND $ids AS id
  MATCH (r:IdentityRecord {id: id})
  RETURN collect({id: r.id, name: r.name, aliases: coalesce(r.aliases, []), note: r.note, sources: coalesce(r.sources, [])}) AS members
}
CALL () {
  MATCH (j:Judgement) WHERE j.a IN $ids OR j.b IN $ids
  RETURN collect({a: j.a, b: j.b, verdict: j.verdict, by: j.by, at: j.at, note: j.note}) AS judgements
}
RETURN members, judgements
