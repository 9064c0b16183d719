// Constraints and indexes, applied idempotently at every start (IF NOT EXISTS).
// Every domain node also carries :Entity, so a relationship writer can find either end by id alone.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_iso2 IF NOT EXISTS FOR (n:Country) REQUIRE n.iso2 IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
  FOR (n:Person|Organization|Country|Place|Event|Agreement)
  ON EACH [n.name, n.searchText]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};
CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.start);
CREATE INDEX event_end IF NOT EXISTS FOR (n:Event) ON (n.end);
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
CREATE INDEX met_date IF NOT EXISTS FOR ()-[m:MET]-() ON (m.date);
CREATE INDEX met_event IF NOT EXISTS FOR ()-[m:MET]-() ON (m.event);
CREATE INDEX participated_role IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.role);
CREATE INDEX participated_represents IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.represents);
CREATE CONSTRAINT identity_record_id IF NOT EXISTS FOR (n:IdentityRecord) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT judgement_pair IF NOT EXISTS FOR (n:Judgement) REQUIRE n.pair IS UNIQUE;
CREATE INDEX judgement_a IF NOT EXISTS FOR (n:Judgement) ON (n.a);
CREATE INDEX judgement_b IF NOT EXISTS FOR (n:Judgement) ON (n.b);
CREATE INDEX cluster_id IF NOT EXISTS FOR (n:Cluster) ON (n.id);
