// npm run seed [-- --reset] [--check] [file.yaml …]
// Loads the curated fact files (default: all of seeds/facts, then the accepted articles of
// DATA_DIR/accepted with their choices) into the configured Neo4j — NEO4J_URI, or the local one
// under .data/ (the running app's, else started for the duration of the command).
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { runCli, withDatabase } from '../graph/cli.ts';
import { loadDatabaseConfig } from '../graph/config.ts';
import { loadAccepted } from './ingest/accept.ts';
import { acceptedFactFiles, acceptedStore, readChoices } from './ingest/accepted-store.ts';
import { loadFactFiles } from './loader.ts';
import { syncJudgementLogs } from './resolution/sync.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    reset: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});

runCli(() =>
  withDatabase(async ({ driver, database }) => {
    const summary = await loadFactFiles({
      driver,
      database,
      files: positionals.length ? positionals : undefined,
      reset: values.reset,
      dryRun: values.check,
      log: (line) => console.log(line),
    });
    const refused = summary.files.filter((f) => !f.loaded);
    let refusedAccepted = 0;
    const store = acceptedStore(loadDatabaseConfig().DATA_DIR);
    const accepted = positionals.length || values.check ? [] : acceptedFactFiles(store);
    if (accepted.length) {
      const loaded = await loadAccepted(
        driver,
        database,
        store,
        accepted,
        (name) => readChoices(store, name),
        (line) => console.log(line),
      );
      refusedAccepted = loaded.refused;
      console.log(`accepted articles (${store.root}): ${loaded.loaded} loaded, ${loaded.refused} refused`);
    }
    const t = summary.totals;
    console.log(
      `${summary.files.length - refused.length} file(s) ${values.check ? 'valid' : 'loaded'}, ${refused.length} refused; ` +
        `${t.nodesCreated} nodes and ${t.relationshipsCreated} relationships created.`,
    );
    if (!values.check) {
      // A reset emptied the judgements too: the logs put them (and their clusters) back.
      await syncJudgementLogs(driver, database, loadDatabaseConfig().DATA_DIR, (line) => console.log(line));
      console.log(`graph: ${summary.graph.map((g) => `${g.name} ${g.count}`).join(', ')}`);
    }
    return refused.length + refusedAccepted > 0 ? 1 : 0;
  }),
);
