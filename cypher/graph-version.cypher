// A fingerprint of what the ingest linker reads, for its cache (server/services/known-index.ts): the
// counts of entities, articles and the relationships that give people their countries. Each count is
// answered from Neo4j's count store, without a scan, however large the graph. Every loaded article
// adds a Source, so any new fact file (seeds, importer, another server) changes it.
// No params. Columns: entities, sources, holds, participations.
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
CALL () { MATCH ()-[h:HOLDS]->() RETURN count(h) AS holds }
CALL () { MATCH ()-[p:PARTICIPATED_IN]->() RETURN count(p) AS participations }
RETURN entities, sources, holds, participations
