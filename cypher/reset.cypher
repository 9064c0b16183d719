// Empties the database (seed --reset). No params. Columns: none.
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
