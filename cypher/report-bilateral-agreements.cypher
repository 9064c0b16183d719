// Agreements with a party on each side (the country itself or an organisation based in it), with
// status as stated, the parties and where they were concluded. Params: $a, $b. Columns: agreement,
// partiesA, partiesB, concludedAt, evidence.
MATCH (pa:Entity)-[:PARTY_TO]->(ag:Agreement)<-[:PARTY_TO]-(pb:Entity)
WHERE (pa.id = $a OR EXISTS { MATCH (pa)-[:BASED_IN]->(:Country {id: $a}) })
  AND (pb.id = $b OR EXISTS { MATCH (pb)-[:BASED_IN]->(:Country {id: $b}) })
OPTIONAL MATCH (ag)-[:CONCLUDED_AT]->(e:Event)
RETURN {id: ag.id, name: ag.name, kind: ag.kind, status: ag.status, date: ag.date} AS agreement,
       collect(DISTINCT {id: pa.id, name: pa.name}) AS partiesA, collect(DISTINCT {id: pb.id, name: pb.name}) AS partiesB,
       CASE WHEN e IS NULL THEN null ELSE {id: e.id, name: e.name, start: e.start, datePrecision: e.datePrecision} END AS concludedAt,
       ag.evidence AS evidence
ORDER BY agreement.name
