// The country each given event took place in: its place's country, else its host country.
// Params: $ids. Columns: id, country {id, name}.
UNWIND $ids AS id
MATCH (e:Event {id: id})
WITH e, head(COLLECT { MATCH (e)-[:HELD_IN]->(:Place)-[:IN]->(k:Country) RETURN {id: k.id, name: k.name} AS k }
          + COLLECT { MATCH (k:Country)-[h:PARTICIPATED_IN]->(e) WHERE h.role = 'host' RETURN {id: k.id, name: k.name} AS k }) AS country
WHERE country IS NOT NULL
RETURN e.id AS id, country
