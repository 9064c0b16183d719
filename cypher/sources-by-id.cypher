// Articles by id, with their text so quotes can be cut from evidence spans.
// Params: $ids. Columns: id, title, publisher, published, text.
MATCH (s:Source) WHERE s.id IN $ids
RETURN s.id AS id, s.title AS title, s.publisher AS publisher, s.published AS published, s.text AS text
