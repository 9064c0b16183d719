// The country each organisation is based in. Params: $ids. Columns: id, name, country.
UNWIND $ids AS id
MATCH (o:Organization {id: id})
OPTIONAL MATCH (o)-[:BASED_IN]->(c:Country)
RETURN o.id AS id, o.name AS name, c.id AS country, o.evidence AS evidence
