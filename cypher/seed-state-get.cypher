// The fingerprint of the seed files last loaded at start-up, if any. No params. Columns: fingerprint.
MATCH (s:SeedState {id: 'seeds'})
RETURN s.fingerprint AS fingerprint
