// Accepting a reviewed draft, as a request can afford it: the facts are validated once (schema and
// caps), planned once in memory (each quote located once), and checked and written in one transaction
// that reads only what the draft names — the entities it declares or refers to, the participations it
// states, the people at its meetings — never the whole graph. What it would change of what exists is
// reported (PropertyChange) and written only as the reviewer chosen; nothing of a refused draft is
// written anywhere. Once everything is checked, the article and its facts are kept under
// DATA_DIR/accepted (accepted-store.ts) inside the transaction, so a graph write never lacks its files.
import { join } from 'node:path';
import {
  applyChoices,
  findChanges,
  participationKey,
  type Choice,
  type ExistingEntity,
  type ExistingParticipation,
  type PropertyChange,
} from '../../domain/accept-changes.ts';
import { FactFileError, type FactProblem } from '../../domain/fact-errors.ts';
import { capProblems, DRAFT_CAPS, newMeetings } from '../../domain/fact-caps.ts';
import { parseFactFile, pathToString } from '../../domain/fact-file.ts';
import { factFileSchema, type FactFile } from '../../domain/fact-schema.ts';
import { foldName, Gazetteer, type KnownEntity } from '../../domain/gazetteer.ts';
import { ID_PATTERN, sourceIdOf } from '../../domain/model.ts';
import { declaredEntities, planFactFile } from '../../domain/plan.ts';
import { cleanSourceText } from '../../domain/source-text.ts';
import {
  readEntitiesById,
  readNameCandidates,
  readParticipations,
  readPresentPeople,
  sourceExists,
  type ManagedTransaction,
} from '../../graph/accept.ts';
import { inWriteTransaction, type Driver } from '../../graph/store.ts';
import { emptyCounts, writePlan, type WriteCounts } from '../../graph/writer.ts';
import { FACTS_DIR } from '../loader.ts';
import { readTextFile } from '../text-file.ts';
import { dropAccepted, keepAccepted, nameSlug, nextName, type AcceptedStore } from './accepted-store.ts';

export { acceptedStore, type AcceptedStore } from './accepted-store.ts';
export type { Choice, PropertyChange } from '../../domain/accept-changes.ts';

export interface AcceptInput {
  facts: unknown;
  /** The article as it will be stored (with its " date YYYY-MM-DD" header, if any). */
  raw: string;
  choices?: readonly Choice[] | undefined;
}

export interface AcceptOptions {
  /** Where the accepted files go; unset: the graph only. */
  store?: AcceptedStore | undefined;
  /** What to do with a change no decision covers: report it (nothing written) or keep the graph's value. */
  undecided?: 'ask' | 'keep';
  /** Load under this name as it is (an accepted file loaded again at start-up); default: a new name. */
  name?: string | undefined;
  /** Longest cleaned article text; default: no limit. */
  maxTextChars?: number | undefined;
}

export type AcceptResult =
  | {
      ok: true;
      source: string;
      counts: WriteCounts;
      kept: { factFile: string; source: string } | null;
      replaced: PropertyChange[];
      keptAsIs: PropertyChange[];
    }
  | { ok: false; problems: FactProblem[] }
  | { ok: false; undecided: PropertyChange[] };

const problemsOf = (issues: { path: (string | number)[]; message: string; code: string; keys?: string[] }[]): FactProblem[] =>
  issues.map((issue) => ({
    file: 'draft',
    path: pathToString(issue.path),
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys!.join(', ')}` : issue.message,
  }));

/** Every reference the facts make to another entity (ids, ISO codes or names). */
export function referencesOf(facts: FactFile): string[] {
  const refs = [
    ...facts.organizations.flatMap((o) => [o.country, o.partOf]),
    ...facts.places.map((p) => p.country),
    ...facts.titles.flatMap((t) => [t.person, t.at]),
    ...facts.events.flatMap((e) => [e.place, e.partOf, ...e.participants.flatMap((p) => [p.who, p.represents])]),
    ...facts.agreements.flatMap((a) => [a.concludedAt, ...a.parties]),
    ...facts.figures.flatMap((f) => f.about),
    ...facts.memberships.flatMap((m) => [m.member, m.of]),
  ];
  return [...new Set(refs.filter((r): r is string => typeof r === 'string' && r.length > 0))];
}

/** The Lucene text for a name: its folded tokens (letters and digits only, so nothing is Lucene syntax). */
const nameQuery = (name: string) =>
  foldName(name)
    .split(' ')
    .filter(Boolean)
    .slice(0, 12)
    .map((t) => `"${t}"`)
    .join(' AND ');

/** A value that the next attempt with another name may fix. */
class NameTaken extends Error {}

interface Checked {
  plan: ReturnType<typeof planFactFile>;
  changes: PropertyChange[];
  entities: Map<string, ExistingEntity>;
  participations: Map<string, ExistingParticipation>;
}

/** Reads what the draft touches, resolves its references and plans it; throws FactFileError. */
async function check(tx: ManagedTransaction, facts: FactFile, text: string, headerDate: string | null): Promise<Checked> {
  const refs = referencesOf(facts);
  const declared = declaredEntities({ file: 'draft', facts, lineAt: () => undefined });
  const ids = new Set(declared.map((e) => e.id));
  const names: string[] = [];
  for (const ref of refs) {
    if (ID_PATTERN.test(ref)) ids.add(ref);
    else if (/^[A-Z]{2}$/.test(ref)) ids.add(`country:${ref}`);
    else if (!declared.some((e) => foldName(e.name) === foldName(ref))) names.push(ref);
  }
  const entities = new Map((await readEntitiesById(tx, [...ids])).map((e) => [e.id, e]));
  const gazetteer = new Gazetteer();
  for (const e of entities.values()) gazetteer.add({ id: e.id, label: e.label as KnownEntity['label'], name: e.name, aliases: e.aliases });
  const lookups = names.map((name) => ({ name, query: nameQuery(name) })).filter((n) => n.query);
  for (const { ref, ...candidate } of await readNameCandidates(tx, lookups)) {
    const folded = foldName(ref);
    if ([candidate.name, ...candidate.aliases].some((n) => foldName(n) === folded) && !gazetteer.has(candidate.id))
      gazetteer.add(candidate);
  }
  const plan = planFactFile({ file: 'draft', facts, lineAt: () => undefined }, { text, headerDate }, gazetteer);
  const pairs = plan.participations.filter((p) => entities.has(p.event)).map((p) => ({ who: p.who, event: p.event }));
  const participations = new Map((await readParticipations(tx, pairs)).map((p) => [participationKey(p.who, p.event), p]));
  return { plan, changes: findChanges(plan, entities, participations), entities, participations };
}

async function meetingsAdded(tx: ManagedTransaction, plan: Checked['plan'], entities: Map<string, ExistingEntity>): Promise<number> {
  const existing = plan.events.filter((e) => entities.has(e.id)).map((e) => e.id);
  const present = await readPresentPeople(tx, existing);
  const held = new Set(existing.filter((id) => entities.get(id)!.props.status === 'held'));
  return newMeetings(plan, present, held);
}

/** Validates, checks and loads one reviewed draft (see the top of this file). */
export async function acceptFacts(
  driver: Driver,
  database: string | undefined,
  input: AcceptInput,
  options: AcceptOptions = {},
): Promise<AcceptResult> {
  const parsed = factFileSchema.safeParse(input.facts);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error.issues as never) };
  const capped = capProblems(parsed.data);
  if (capped.length) return { ok: false, problems: capped };
  const clean = cleanSourceText(input.raw, parsed.data.source.junk);
  if (options.maxTextChars !== undefined && clean.text.length > options.maxTextChars) {
    return {
      ok: false,
      problems: [
        {
          file: 'draft',
          path: 'text',
          message: `the article has ${clean.text.length} characters of text; at most ${options.maxTextChars} are accepted at once`,
        },
      ],
    };
  }
  const choices = input.choices ?? [];
  const slug = nameSlug(parsed.data.source.file);
  const store = options.store;

  for (let attempt = 0; attempt < 20; attempt++) {
    const name = options.name ?? nextName(store ? [store.curatedDir, store.factsDir, store.sourcesDir] : [FACTS_DIR], slug, attempt);
    const facts: FactFile = { ...parsed.data, source: { ...parsed.data.source, file: `${name}.txt` } };
    let written: { factFile: string; source: string } | null = null;
    try {
      return await inWriteTransaction(driver, database, async (tx): Promise<AcceptResult> => {
        if (!options.name && (await sourceExists(tx, sourceIdOf(facts.source.file)))) throw new NameTaken();
        let checked: Checked;
        try {
          checked = await check(tx, facts, clean.text, clean.headerDate);
        } catch (error) {
          if (error instanceof FactFileError) return { ok: false, problems: error.problems };
          throw error;
        }
        const chosen = applyChoices(
          checked.plan,
          checked.changes,
          choices,
          options.undecided ?? 'ask',
          checked.entities,
          checked.participations,
        );
        if (chosen.undecided.length) return { ok: false, undecided: chosen.undecided };
        const added = await meetingsAdded(tx, chosen.plan, checked.entities);
        if (added > DRAFT_CAPS.newMeetings) {
          return {
            ok: false,
            problems: [
              {
                file: 'draft',
                path: 'events',
                message: `the held meetings would add ${added} MET relationships (every pair of people present); at most ${DRAFT_CAPS.newMeetings} per article`,
              },
            ],
          };
        }
        if (store && !options.name) {
          const applied = [
            ...chosen.replaced.map((c) => ({ id: c.id, property: c.property, choice: 'replace' as const })),
            ...chosen.kept.map((c) => ({ id: c.id, property: c.property, choice: 'keep' as const })),
          ];
          written = keepAccepted(store, name, facts, input.raw, applied);
        }
        const counts = await writePlan(tx, chosen.plan);
        return { ok: true, source: facts.source.file, counts, kept: written, replaced: chosen.replaced, keptAsIs: chosen.kept };
      });
    } catch (error) {
      if (written && store) dropAccepted(store, name);
      if (error instanceof NameTaken && !options.name) continue;
      throw error;
    }
  }
  throw new Error('no free name for the accepted article after 20 tries');
}

/** Loads the accepted files again (start-up), each with its choices; an undecided change keeps the graph's value. */
export async function loadAccepted(
  driver: Driver,
  database: string | undefined,
  store: AcceptedStore,
  files: readonly string[],
  readChoices: (name: string) => Choice[],
  log: (line: string) => void,
): Promise<{ loaded: number; refused: number; counts: WriteCounts }> {
  const counts = emptyCounts();
  let loaded = 0;
  let refused = 0;
  for (const path of files) {
    const name = path
      .split('/')
      .pop()!
      .replace(/\.yaml$/, '');
    try {
      const { facts } = parseFactFile(readTextFile(path), `${name}.yaml`);
      const raw = readTextFile(join(store.sourcesDir, facts.source.file));
      const result = await acceptFacts(driver, database, { facts, raw, choices: readChoices(name) }, { name, undecided: 'keep' });
      if (!result.ok) throw new FactFileError(`${name}.yaml`, 'problems' in result ? result.problems : []);
      for (const key of Object.keys(counts) as (keyof WriteCounts)[]) counts[key] += result.counts[key];
      if (result.keptAsIs.length)
        log(`  ${name}: kept the graph's value of ${result.keptAsIs.map((c) => `${c.id} ${c.property}`).join(', ')}`);
      loaded++;
    } catch (error) {
      refused++;
      log(
        `REFUSED accepted ${name}: ${error instanceof FactFileError ? error.problems.map((p) => `${p.path} ${p.message}`).join('; ') : (error as Error).message}`,
      );
    }
  }
  return { loaded, refused, counts };
}

/** Where `npm run ingest` puts drafts under review: runtime output, so under DATA_DIR, never in the code tree. */
export function inboxDir(dataDir: string): string {
  return join(dataDir, 'ingest', 'inbox');
}

/** Reads a draft from the inbox: the article and the reviewed YAML beside it. */
export function readInbox(inboxDir: string, name: string): { raw: string; yamlText: string } {
  const raw = readTextFile(join(inboxDir, `${name}.txt`));
  const yamlText = readTextFile(join(inboxDir, `${name}.draft.yaml`));
  return { raw, yamlText };
}
