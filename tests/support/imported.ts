// The State Department's visits and trips (../shared/data/state-dept) imported once, on top of the
// seeds, into the test database, for the suites that need real hubs (browser tests, the client
// benchmark). Several suites share the one import; it takes minutes, so only they ask for it, and it
// is done again only if a suite in between put the graph back to the seeds alone.
import { importStateDept, type ImportSummary } from '../../seeds/import/state-dept/import.ts';
import { PUBLISHER } from '../../seeds/import/state-dept/map.ts';
import { rows, seededGraph } from './seeded.ts';

let imported: Promise<ImportSummary> | undefined;

async function stillImported(): Promise<boolean> {
  const { driver } = await seededGraph();
  const [row] = await rows(driver, 'MATCH (s:Source {publisher: $publisher}) RETURN count(s) > 0 AS present', { publisher: PUBLISHER });
  return row?.present === true;
}

export async function importedStateDept(): Promise<ImportSummary> {
  if (imported && !(await stillImported())) imported = undefined;
  imported ??= (async () => {
    const { driver } = await seededGraph();
    return importStateDept({ driver, progress: null });
  })();
  return imported;
}
