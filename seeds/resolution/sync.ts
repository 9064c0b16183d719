// The judgement logs into the graph: the shipped judgements, then DATA_DIR's log (at start-up and
// after a seed load, so a reset database gets its clusters back).
import { syncJudgements, type Applied } from '../../graph/judgements.ts';
import type { Driver } from '../../graph/store.ts';
import { CURATED_JUDGEMENTS, judgementLogPath, readJudgementLog } from './judgement-log.ts';

/** At start-up and after a seed load: the shipped judgements, then DATA_DIR's log, into the graph. */
export async function syncJudgementLogs(
  driver: Driver,
  database: string | undefined,
  dataDir: string,
  log: (line: string) => void,
): Promise<Applied> {
  const entries = [...readJudgementLog(CURATED_JUDGEMENTS), ...readJudgementLog(judgementLogPath(dataDir))];
  const applied = await syncJudgements(driver, database, entries);
  if (applied.changed || applied.formed.length || applied.dissolved.length) {
    log(
      `identity resolution: ${applied.changed} judgement(s) applied, ${applied.formed.length} cluster(s) formed, ${applied.dissolved.length} dissolved`,
    );
  }
  return applied;
}
