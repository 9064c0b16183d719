// The judgement log: one JSON object per line (judgements.ts: a, b, verdict, by, at, note), only ever
// appended to, so it is the audit trail of who judged what and when. The running app keeps it at
// DATA_DIR/resolution/judgements.jsonl; judgements that ship with the product are a file of the same
// form, seeds/resolution/judgements.jsonl, read first.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FactFileError, type FactProblem } from '../../domain/fact-errors.ts';
import { judgementSchema, type JudgementEntry } from '../../domain/resolution/judgements.ts';

export const CURATED_JUDGEMENTS = join(fileURLToPath(new URL('.', import.meta.url)), 'judgements.jsonl');

export function judgementLogPath(dataDir: string): string {
  return join(dataDir, 'resolution', 'judgements.jsonl');
}

/** Parses a log; a bad line is refused with its file, line and field (nothing from the file is used). */
export function parseJudgementLog(text: string, file: string): JudgementEntry[] {
  const entries: JudgementEntry[] = [];
  const problems: FactProblem[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ file, line: index + 1, path: '', message: 'not a JSON object' });
      return;
    }
    const parsed = judgementSchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else
      for (const issue of parsed.error.issues) problems.push({ file, line: index + 1, path: issue.path.join('.'), message: issue.message });
  });
  if (problems.length > 0) throw new FactFileError(file, problems);
  return entries;
}

export function readJudgementLog(path: string): JudgementEntry[] {
  return existsSync(path) ? parseJudgementLog(readFileSync(path, 'utf8'), path) : [];
}

export function appendJudgements(path: string, entries: readonly JudgementEntry[]): void {
  if (entries.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
}
