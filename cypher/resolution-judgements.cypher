// Every judgement the graph holds (the latest per pair; the log under DATA_DIR has the history).
// No params. Columns: a, b, verdict, by, at, note.
MATCH (j:Judgement)
RETURN j.a AS a, j.b AS b, j.verdict AS verdict, j.by AS by, j.at AS at, j.note AS note
ORDER BY a, b
