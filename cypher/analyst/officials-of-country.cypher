// title: Officials of a country and their titles over time
// description: Everyone holding a title at the country itself or at an organisation based in it, with the dates the sources attest the title.
// @param country country required — the country's id or ISO code, e.g. KZ
// @columns person, title, at, firstSeen, lastSeen
MATCH (c:Country {id: $country})
CALL (c) {
  MATCH (p:Person)-[h:HOLDS]->(c) RETURN p, h, c.name AS at
  UNION
  MATCH (p:Person)-[h:HOLDS]->(o:Organization)-[:BASED_IN]->(c) RETURN p, h, o.name AS at
}
RETURN p.name AS person, h.title AS title, at, h.firstSeen AS firstSeen, h.lastSeen AS lastSeen
ORDER BY person, firstSeen, title
