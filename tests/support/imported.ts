// The State Department's visits and trips (../shared/data/state-dept) imported once, on top of the
// seeds, into the test database, for the suites that need real hubs (browser tests, the client
// benchmark). Several suites share the one import; it takes minutes, so only they ask for it.
import { importStateDept, type ImportSummary } from '../../seeds/import/state-dept/import.ts';
import { seededGraph } from './seeded.ts';

let imported: Promise<ImportSummary> | undefined;

export function importedStateDept(): Promise<ImportSummary> {
  imported ??= (async () => {
    const { driver } = await seededGraph();
    return importStateDept({ driver, progress: null });
  })();
  return imported;
}
