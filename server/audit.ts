// The console's audit log: one JSON line per query — when, what, the parameters' names (never their
// values), the outcome, rows and milliseconds. Nothing from the configuration (no credentials).
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AuditEntry {
  time: string;
  /** The saved query's name, when one was run. */
  saved?: string;
  query: string;
  paramNames: string[];
  outcome: 'ok' | 'refused' | 'bad-input' | 'timeout' | 'failed' | 'unavailable' | 'busy' | 'error';
  reason?: string;
  queryType?: string;
  rows: number;
  truncated: boolean;
  ms: number;
  client?: string;
}

export type Audit = (entry: AuditEntry) => void;

export function fileAudit(path: string): Audit {
  mkdirSync(dirname(path), { recursive: true });
  return (entry) => appendFileSync(path, `${JSON.stringify(entry)}\n`);
}
