// Node and relationship counts per label/type, for the seed summary. No params. Columns: kind, name, count.
CALL () { MATCH (n) UNWIND labels(n) AS name RETURN 'node' AS kind, name, count(*) AS count
  UNION ALL MATCH ()-[r]->() RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count }
RETURN kind, name, count ORDER BY kind, name
