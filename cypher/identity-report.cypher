// How well the graph's people are identified (`npm run import -- state-dept --report`): one-word names, titles at 2+ countries, one-word holders sharing a surname with a full-named person of another country (same record; anywhere), HOLDS whose quotes lack the title, and the people of each name in $surnames.
// Params: $surnames [lower-case surname]. Columns: metric, count, examples.
CALL () {
  MATCH (p:Person) WHERE size(split(trim(p.name), ' ')) = 1
  WITH p ORDER BY p.id
  RETURN 'people with a one-word name' AS metric, count(p) AS count, collect(p.id)[..6] AS examples
  UNION ALL
  MATCH (p:Person)-[:HOLDS]->(x)
  OPTIONAL MATCH (x)-[:BASED_IN]->(b:Country)
  WITH p, collect(DISTINCT CASE WHEN x:Country THEN x.iso2 ELSE b.iso2 END) AS countries
  WITH p, countries WHERE size(countries) >= 2
  WITH p, countries ORDER BY p.id
  RETURN 'people holding titles at two or more countries' AS metric, count(p) AS count,
         collect(p.id + ' (' + reduce(s = '', c IN countries | s + CASE s WHEN '' THEN '' ELSE ', ' END + c) + ')')[..6] AS examples
  UNION ALL
  MATCH (p:Person)-[h:HOLDS]->(x) WHERE size(split(trim(p.name), ' ')) = 1
  OPTIONAL MATCH (x)-[:BASED_IN]->(b:Country)
  WITH p, h, CASE WHEN x:Country THEN x ELSE b END AS c WHERE c IS NOT NULL
  MATCH (q:Person) WHERE q <> p AND size(split(trim(q.name), ' ')) > 1
    AND toLower(last(split(trim(q.name), ' '))) = toLower(trim(p.name))
    AND NOT EXISTS { (q)-[:HOLDS]->(c) } AND NOT EXISTS { (q)-[:HOLDS]->(:Organization)-[:BASED_IN]->(c) }
  WITH p, c, q, any(s IN h.sources WHERE s IN q.sources) AS sameRecord
  WITH p, c, collect(DISTINCT q.id) AS others, max(CASE WHEN sameRecord THEN 1 ELSE 0 END) AS inRecord
  WITH p, c, others, inRecord ORDER BY p.id
  CALL (p, c, others, inRecord) {
    WITH p, c, others, inRecord WHERE inRecord = 1
    RETURN 'one-word holders sharing a surname with a full-named person of another country in the same record' AS metric,
           p.id + ' at ' + c.iso2 + ' ~ ' + others[0] AS example
    UNION ALL
    WITH p, c, others
    RETURN 'one-word holders sharing a surname with a full-named person of another country anywhere' AS metric,
           p.id + ' at ' + c.iso2 + ' ~ ' + others[0] AS example
  }
  RETURN metric, count(*) AS count, collect(example)[..6] AS examples
  UNION ALL
  MATCH (p:Person)-[h:HOLDS]->()
  WITH p, h, [e IN h.evidence | split(e, '#')] AS spans
  UNWIND spans AS span
  MATCH (s:Source {id: span[0]})
  WITH p, h, s, toInteger(split(span[1], '-')[0]) AS from, toInteger(split(span[1], '-')[1]) AS to
  WITH p, h, collect(toLower(substring(s.text, from, to - from))) AS quotes
  WITH p, h, quotes WHERE NOT any(q IN quotes WHERE q CONTAINS toLower(h.title))
  WITH p, h, quotes ORDER BY p.id
  RETURN 'titles whose quotes do not contain the title' AS metric, count(h) AS count,
         collect(p.id + ' "' + h.title + '" from "' + quotes[0] + '"')[..6] AS examples
  UNION ALL
  UNWIND $surnames AS surname
  OPTIONAL MATCH (p:Person) WHERE toLower(p.name) ENDS WITH surname OR toLower(p.name) = surname
  OPTIONAL MATCH (p)-[h:HOLDS]->(x)
  OPTIONAL MATCH (x)-[:BASED_IN]->(b:Country)
  WITH surname, p, collect(h.title + ' ' + coalesce(CASE WHEN x:Country THEN x.iso2 ELSE b.iso2 END, '?') + ' ' +
       toString(h.firstSeen.year) + '–' + toString(h.lastSeen.year)) AS titles
  WITH surname, p, titles ORDER BY p.id
  RETURN 'people named ' + surname AS metric, count(p) AS count,
         collect(p.id + ' "' + p.name + '" ' + reduce(s = '', t IN titles | s + '[' + t + ']'))[..8] AS examples
}
RETURN metric, count, examples
