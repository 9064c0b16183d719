// The review's verdicts on drafted facts, kept append-only as JSON lines (DATA_DIR/ingest/
// decisions.jsonl, never in the code tree): which rule drafted a fact and whether the reviewer
// accepted, edited or rejected it. `npm run eval:extract -- --rules` turns them into each rule's
// precision, so the rules that produce rejected facts are the ones fixed first.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { decisionSchema, type Decision } from '../../domain/review-decision.ts';

export { DECISIONS, decisionSchema, type Decision } from '../../domain/review-decision.ts';

export interface DecisionRecord extends Decision {
  time: string;
  source: string;
}

export function decisionsFile(dataDir: string): string {
  return join(dataDir, 'ingest', 'decisions.jsonl');
}

export function appendDecisions(file: string, source: string, decisions: readonly Decision[], now = new Date()): number {
  if (!decisions.length) return 0;
  mkdirSync(dirname(file), { recursive: true });
  const time = now.toISOString();
  appendFileSync(file, decisions.map((d) => JSON.stringify({ time, source, ...d } satisfies DecisionRecord)).join('\n') + '\n');
  return decisions.length;
}

const recordSchema = decisionSchema.extend({ time: z.string(), source: z.string() });

/** Every decision in the file; a line that is not a decision is skipped and counted. */
export function readDecisions(file: string): { records: DecisionRecord[]; skipped: number } {
  if (!existsSync(file)) return { records: [], skipped: 0 };
  const records: DecisionRecord[] = [];
  let skipped = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = recordSchema.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { records, skipped };
}
