// The live schema's names, for the console editor's completion: labels, relationship types, property keys.
// Params: none. Columns: labels, relationshipTypes, propertyKeys.
CALL db.labels() YIELD label
WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType
WITH labels, collect(relationshipType) AS relationshipTypes
CALL db.propertyKeys() YIELD propertyKey
RETURN labels, relationshipTypes, collect(propertyKey) AS propertyKeys
