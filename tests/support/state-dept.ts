// Where the State Department fixture slice lives (tests/fixtures/state-dept), for the unit and integration tests.
import { fileURLToPath } from 'node:url';

export const SLICE = fileURLToPath(new URL('../fixtures/state-dept', import.meta.url));
