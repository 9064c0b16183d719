// Where the labelled sample of candidate pairs lives (read by npm run eval:resolution and the unit tests).
import { fileURLToPath } from 'node:url';

export const SAMPLE = fileURLToPath(new URL('../../tests/fixtures/resolution/labelled-pairs.json', import.meta.url));
