// Accepting a reviewed draft: validate it (schema, then the loader's own checks: verbatim quotes,
// references) and load it through loadFactFiles from a scratch directory, so a refused draft writes
// nothing anywhere; only once it has loaded are the article and the fact file kept (seeds/sources +
// seeds/facts, or wherever the caller says), under the next free number so they load after the rest.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from '../../graph/store.ts';
import { stringify } from 'yaml';
import type { FactProblem } from '../../domain/fact-errors.ts';
import { pathToString } from '../../domain/fact-file.ts';
import { loadFactFiles, type FileOutcome } from '../loader.ts';
import { factFileSchema, type FactFile } from '../../domain/fact-schema.ts';
import { readTextFile } from '../text-file.ts';

export interface AcceptInput {
  facts: unknown;
  /** The article as it will be stored (with its " date YYYY-MM-DD" header, if any). */
  raw: string;
}

export interface KeepDirs {
  factsDir: string;
  sourcesDir: string;
}

export type AcceptResult =
  | { ok: true; outcome: FileOutcome; kept?: { factFile: string; source: string } }
  | { ok: false; problems: FactProblem[] };

/** "005_" when seeds/facts has 000–004: accepted files load after the curated ones. */
export function nextNumber(factsDir: string): string {
  const numbers = existsSync(factsDir) ? readdirSync(factsDir).map((f) => /^(\d+)_/.exec(f)?.[1]).filter(Boolean).map(Number) : [];
  return String(numbers.length ? Math.max(...numbers) + 1 : 0).padStart(3, '0');
}

export async function acceptDraft(driver: Driver, database: string | undefined, input: AcceptInput, keep?: KeepDirs): Promise<AcceptResult> {
  const parsed = factFileSchema.safeParse(input.facts);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        file: 'draft',
        path: pathToString(issue.path),
        message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
      })),
    };
  }
  let facts: FactFile = parsed.data;
  const base = facts.source.file.replace(/\.txt$/, '');
  if (keep) {
    // Numbered like the curated files so seeds/startup.ts loads it after them.
    const numbered = /^\d{3}_/.test(base) ? base : `${nextNumber(keep.factsDir)}_${base}`;
    facts = { ...facts, source: { ...facts.source, file: `${numbered}.txt` } };
    if (existsSync(join(keep.sourcesDir, facts.source.file)) || existsSync(join(keep.factsDir, `${numbered}.yaml`))) {
      return { ok: false, problems: [{ file: 'draft', path: 'source.file', message: `${facts.source.file} already exists; choose another name` }] };
    }
  }
  const scratch = mkdtempSync(join(tmpdir(), 'kg-accept-'));
  try {
    const factPath = join(scratch, facts.source.file.replace(/\.txt$/, '.yaml'));
    writeFileSync(factPath, stringify(facts));
    writeFileSync(join(scratch, facts.source.file), input.raw);
    const summary = await loadFactFiles({ driver, database, files: [factPath], sourcesDir: scratch });
    const outcome = summary.files[0]!;
    if (!outcome.loaded) return { ok: false, problems: outcome.problems };
    if (!keep) return { ok: true, outcome };
    const kept = { factFile: join(keep.factsDir, factPath.split('/').pop()!), source: join(keep.sourcesDir, facts.source.file) };
    copyFileSync(join(scratch, facts.source.file), kept.source);
    copyFileSync(factPath, kept.factFile);
    return { ok: true, outcome, kept };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Reads a draft from the inbox: the article and the reviewed YAML beside it. */
export function readInbox(inboxDir: string, name: string): { raw: string; yamlText: string } {
  const raw = readTextFile(join(inboxDir, `${name}.txt`));
  const yamlText = readTextFile(join(inboxDir, `${name}.draft.yaml`));
  return { raw, yamlText };
}
