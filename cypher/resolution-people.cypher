// What identity resolution compares about each person: names, the titles they hold where and when
// (years attested), the countries they hold titles of or represented, the years of their events,
// where they come from (article or State Department sources), and any note.
// No params. Columns: id, name, aliases, note, titles, represents, firstYear, lastYear, events, articleSources, importSources.
MATCH (p:Person)
CALL (p) {
  OPTIONAL MATCH (p)-[h:HOLDS]->(at:Entity)
  OPTIONAL MATCH (at)-[:BASED_IN]->(base:Country)
  RETURN collect(CASE WHEN h IS NULL THEN null ELSE {title: h.title, at: at.id,
           country: CASE WHEN at:Country THEN at.id ELSE base.id END,
           from: h.firstSeen.year, to: h.lastSeen.year} END) AS titles
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
  RETURN collect(DISTINCT r.represents) AS represents, min(e.start.year) AS firstYear,
         max(coalesce(e.end, e.start).year) AS lastYear, count(e) AS events
}
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, p.note AS note, titles, represents,
       firstYear, lastYear, events,
       size([s IN coalesce(p.sources, []) WHERE NOT s STARTS WITH 'source:state-dept-']) AS articleSources,
       size([s IN coalesce(p.sources, []) WHERE s STARTS WITH 'source:state-dept-']) AS importSources
