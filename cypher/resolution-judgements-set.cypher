// Records the judgements that now hold for pairs of people (one node per pair, replaced by a later one).
// Params: $rows [{a, b, verdict, by, at, note}] with a < b. Columns: written.
UNWIND $rows AS row
MERGE (j:Judgement {pair: row.a + '|' + row.b})
SET j.a = row.a, j.b = row.b, j.verdict = row.verdict, j.by = row.by, j.at = row.at, j.note = row.note
RETURN count(j) AS written
