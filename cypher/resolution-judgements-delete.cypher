// Removes the judgements of pairs that no longer have one (undone).
// Params: $rows ["a|b", …]. Columns: deleted.
UNWIND $rows AS pair
MATCH (j:Judgement {pair: pair})
DELETE j
RETURN count(*) AS deleted
