// Records the fingerprint of the seed files just loaded, so the next start can skip reloading them.
// Params: $fingerprint. Columns: fingerprint.
MERGE (s:SeedState {id: 'seeds'})
SET s.fingerprint = $fingerprint
RETURN s.fingerprint AS fingerprint
