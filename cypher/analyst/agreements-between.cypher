// title: Agreements between two countries, with status
// description: Agreements one party of which is country A or an organisation based in it, and another country B or an organisation based in it; status only as the sources state it (signed, agreed-to-sign, …).
// @param a country required — first country (id or ISO code)
// @param b country required — second country (id or ISO code)
// @columns agreement, kind, status, partiesA, partiesB, concludedAt, date
MATCH (ca:Country {id: $a}), (cb:Country {id: $b})
MATCH (pa:Entity)-[:PARTY_TO]->(ag:Agreement)<-[:PARTY_TO]-(pb:Entity)
WHERE (pa = ca OR (pa)-[:BASED_IN]->(ca)) AND (pb = cb OR (pb)-[:BASED_IN]->(cb))
OPTIONAL MATCH (ag)-[:CONCLUDED_AT]->(e:Event)
RETURN ag.name AS agreement, ag.kind AS kind, ag.status AS status, collect(DISTINCT pa.name) AS partiesA,
       collect(DISTINCT pb.name) AS partiesB, e.name AS concludedAt, coalesce(e.dateText, ag.date) AS date
ORDER BY agreement
