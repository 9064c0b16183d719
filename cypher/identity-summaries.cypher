// What tells each person of $ids apart from a namesake ("title · country · years", badges): every title with its country and the years that attest it, the years of the events they took part in, the countries they represented there, and whether a rule identified them in any.
// Params: $ids. Columns: id, name, note, titles [{title, country, first, last}], eventYears, represents, linked.
UNWIND $ids AS id
MATCH (p:Person {id: id})
CALL (p) {
  OPTIONAL MATCH (p)-[h:HOLDS]->(x)
  OPTIONAL MATCH (x:Organization)-[:BASED_IN]->(b:Country)
  WITH h, CASE WHEN x:Country THEN x.name ELSE b.name END AS country
  RETURN [t IN collect({title: h.title, country: country, first: h.firstSeen.year, last: h.lastSeen.year}) WHERE t.title IS NOT NULL] AS titles
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:PARTICIPATED_IN]->(e:Event) WHERE r.role <> 'mentioned'
  OPTIONAL MATCH (c:Country {id: r.represents})
  RETURN [y IN collect(DISTINCT e.start.year) WHERE y IS NOT NULL] AS eventYears, collect(DISTINCT c.name) AS represents,
         count(r.linkedBy) > 0 AS linked
}
RETURN p.id AS id, p.name AS name, p.note AS note, titles, eventYears, represents, linked
