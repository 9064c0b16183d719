// Every node and relationship with all properties, in a stable order, for checksums (idempotency
// tests, convergence checks). No params. Columns: item.
CALL () {
  MATCH (n) RETURN 'n ' + n.id + ' ' + reduce(s = '', l IN labels(n) | s + ':' + l) AS k, properties(n) AS p
  UNION ALL
  MATCH (a)-[r]->(b) RETURN 'r ' + a.id + ' ' + type(r) + ' ' + b.id + ' ' + coalesce(r.event, r.title, '') AS k, properties(r) AS p
}
RETURN k, p ORDER BY k
