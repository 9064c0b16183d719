// The full record of meetings (or any events) by id: the event, where (its own places, else those of the
// event it is part of, and the country), what it was part of, who took part (role, the country
// represented, inferred or stated), who was only mentioned, the evidence keys and its sources.
// Params: $ids. Columns: event, place, places, country, partOf, participants, mentioned, evidence, sources.
UNWIND $ids AS id
MATCH (e:Event {id: id})
OPTIONAL MATCH (e)-[:PART_OF]->(parent:Event)
CALL (e) {
  MATCH (x:Entity)-[r:PARTICIPATED_IN]->(e)
  WITH x, r ORDER BY r.role, x.name
  RETURN collect({id: x.id, type: [l IN labels(x) WHERE l <> 'Entity'][0], name: x.name, role: r.role,
                  represents: r.represents, officialRole: r.officialRole, delegation: r.delegation,
                  inferred: r.inferred, rule: r.rule, evidence: r.evidence}) AS people
}
WITH e, parent, people,
     COLLECT { MATCH (e)-[:HELD_IN]->(pl:Place) RETURN {id: pl.id, name: pl.name} AS pl ORDER BY pl.name } AS own,
     CASE WHEN parent IS NULL THEN [] ELSE COLLECT { MATCH (parent)-[:HELD_IN]->(pl:Place) RETURN {id: pl.id, name: pl.name} AS pl ORDER BY pl.name } END AS inherited
WITH e, parent, people, own, CASE WHEN size(own) > 0 THEN own ELSE inherited END AS places
RETURN {id: e.id, kind: e.kind, title: e.name, status: e.status, start: e.start, end: e.end,
        datePrecision: e.datePrecision, dateText: e.dateText, dateBasis: e.dateBasis} AS event,
       head(own) AS place,
       places,
       head(COLLECT { MATCH (e)-[:HELD_IN]->(:Place)-[:IN]->(k:Country) RETURN {id: k.id, name: k.name} AS k }
          + COLLECT { MATCH (k:Country)-[h:PARTICIPATED_IN]->(e) WHERE h.role = 'host' RETURN {id: k.id, name: k.name} AS k }
          + COLLECT { MATCH (e)-[:PART_OF]->(:Event)-[:HELD_IN]->(:Place)-[:IN]->(k:Country) RETURN {id: k.id, name: k.name} AS k }
          + COLLECT { MATCH (e)-[:PART_OF]->(:Event)<-[h:PARTICIPATED_IN]-(k:Country) WHERE h.role = 'host' RETURN {id: k.id, name: k.name} AS k }) AS country,
       CASE WHEN parent IS NULL THEN null ELSE {id: parent.id, name: parent.name, kind: parent.kind} END AS partOf,
       [p IN people WHERE p.role <> 'mentioned'] AS participants,
       [p IN people WHERE p.role = 'mentioned'] AS mentioned,
       e.evidence AS evidence,
       e.sources AS sources
