// The console's audit log: one JSON line per query — when, what, the parameters' names (never their
// values), the outcome, rows and milliseconds. Nothing from the configuration (no credentials).
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
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

/** Size-based rotation: at most `files` files of about `maxBytes` each (path, path.1, … path.{files-1}). */
export interface Rotation {
  maxBytes: number;
  files: number;
}

export const DEFAULT_ROTATION: Rotation = { maxBytes: 10 * 1024 * 1024, files: 5 };

/**
 * Appends one JSON line per entry to `path`. When the next line would take the file past maxBytes it
 * becomes path.1 (path.1 becomes path.2, …) and the oldest is deleted, so the log never holds more than
 * files × maxBytes (plus one line) however long the server runs or however hard it is flooded.
 */
export function jsonLinesLog<T>(path: string, rotation: Rotation = DEFAULT_ROTATION): (entry: T) => void {
  mkdirSync(dirname(path), { recursive: true });
  let size = (() => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  })();
  const rotate = () => {
    rmSync(`${path}.${rotation.files - 1}`, { force: true });
    for (let i = rotation.files - 2; i >= 1; i--) {
      try {
        renameSync(`${path}.${i}`, `${path}.${i + 1}`);
      } catch {
        // that generation does not exist yet
      }
    }
    if (rotation.files > 1) renameSync(path, `${path}.1`);
    else rmSync(path, { force: true });
    size = 0;
  };
  return (entry) => {
    const line = `${JSON.stringify(entry)}\n`;
    const bytes = Buffer.byteLength(line);
    if (size > 0 && size + bytes > rotation.maxBytes) rotate();
    appendFileSync(path, line);
    size += bytes;
  };
}

export function fileAudit(path: string, rotation: Rotation = DEFAULT_ROTATION): Audit {
  return jsonLinesLog<AuditEntry>(path, rotation);
}

/**
 * Who tried what at the access-control and write boundaries: failed authentications (never the key
 * presented, nor a hash of it) and accepted articles (which file, what it changed).
 */
export type AccessEvent =
  | { time: string; event: 'auth-failed'; reason: 'missing' | 'invalid'; method: string; path: string; client: string; limited: boolean }
  | {
      time: string;
      event: 'ingest-accepted';
      source: string;
      client: string;
      counts: Record<string, number>;
      replaced: { id: string; property: string }[];
      kept: { id: string; property: string }[];
    };

export type AccessAudit = (event: AccessEvent) => void;
