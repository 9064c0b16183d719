// The full record of meetings by id: the event, where, what it was part of, who took part (role, the
// country represented, inferred or stated), who was only mentioned, and the evidence keys.
// Params: $ids. Columns: event, place, partOf, participants, mentioned, evidence.
UNWIND $ids AS id
MATCH (e:Event {id: id})
OPTIONAL MATCH (e)-[:HELD_IN]->(pl:Place)
OPTIONAL MATCH (e)-[:PART_OF]->(parent:Event)
CALL (e) {
  MATCH (x:Entity)-[r:PARTICIPATED_IN]->(e)
  WITH x, r ORDER BY r.role, x.name
  RETURN collect({id: x.id, type: [l IN labels(x) WHERE l <> 'Entity'][0], name: x.name, role: r.role,
                  represents: r.represents, officialRole: r.officialRole, delegation: r.delegation,
                  inferred: r.inferred, rule: r.rule, evidence: r.evidence}) AS people
}
RETURN {id: e.id, kind: e.kind, title: e.name, status: e.status, start: e.start, end: e.end,
        datePrecision: e.datePrecision, dateText: e.dateText, dateBasis: e.dateBasis} AS event,
       CASE WHEN pl IS NULL THEN null ELSE {id: pl.id, name: pl.name} END AS place,
       CASE WHEN parent IS NULL THEN null ELSE {id: parent.id, name: parent.name, kind: parent.kind} END AS partOf,
       [p IN people WHERE p.role <> 'mentioned'] AS participants,
       [p IN people WHERE p.role = 'mentioned'] AS mentioned,
       e.evidence AS evidence
