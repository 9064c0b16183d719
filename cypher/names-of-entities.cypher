// Names of entities by id (to label countries a picture only knows by code).
// Params: $ids. Columns: id, name.
MATCH (n:Entity) WHERE n.id IN $ids
RETURN n.id AS id, n.name AS name
