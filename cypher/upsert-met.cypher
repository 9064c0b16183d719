// Writes MET relationships given as rows, in exactly the shape derive-met produces (event, date, end,
// datePrecision, dateText, eventKind, mode, inferred, sources, evidence), for a bulk first load whose
// meetings are known up front (bench/synthetic): one row per pair and event, directed from the
// smaller id. CREATE, not MERGE: derive-met's MERGE is planned as a seek on the met_event index per
// pair, quadratic in the size of an event (a 30-person summit: 435 MET × 435 index rows each), and
// a first load has nothing to merge with. Params: $rows [{a, b, event, props}]. Columns: written.
UNWIND $rows AS row
MATCH (a:Person {id: row.a})
MATCH (b:Person {id: row.b})
CREATE (a)-[m:MET {event: row.event}]->(b)
SET m += row.props
RETURN count(m) AS written
