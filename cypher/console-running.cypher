// Whether a console query still runs in Neo4j after its connection was cut (found by its transaction metadata tag).
// Params: $tag (the connection's tag). Columns: running (how many of its transactions are still listed).
SHOW TRANSACTIONS YIELD metaData WHERE metaData.tag = $tag
RETURN count(*) AS running
