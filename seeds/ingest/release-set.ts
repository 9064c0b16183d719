// Scores the drafter on a set of releases in the releases schema (a folder with articles/NNN.txt and
// gold.json, see ../shared/data/releases/README.md, "How to score"): people who took part, held
// meeting pairs (unordered; call vs in person), pairs with the exact date, planned pairs, agreements
// with their status and countries — precision, recall and F1, micro-averaged — and the misses per
// article. A crash of the drafter on one article is counted and reported, never thrown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MEETING_KINDS } from '../../domain/model.ts';
import { emptyFactFile, type FactFile } from '../../domain/fact-schema.ts';
import { locateQuote } from '../../domain/source-text.ts';
import { countryTable } from '../countries.ts';
import type { Draft } from './draft.ts';
import type { CategoryResult } from './evaluate.ts';

const pairSchema = z
  .object({ a: z.string(), b: z.string(), date: z.string().nullable(), mode: z.enum(['in_person', 'call']), quote: z.string() })
  .passthrough();

const goldSchema = z.array(
  z
    .object({
      file: z.string().regex(/^[\w.-]+\.txt$/),
      published: z.string().nullable(),
      persons: z.array(z.object({ name: z.string(), aliases: z.array(z.string()), mention: z.string() }).passthrough()),
      countries: z.array(z.string()),
      meetings_pairs: z.array(pairSchema),
      meetings_pairs_planned: z.array(pairSchema),
      meetings_pairs_uncertain: z.array(pairSchema).default([]),
      agreements: z.array(
        z
          .object({
            title: z.string(),
            kind: z.string(),
            status: z.enum(['signed', 'initialled', 'planned', 'discussed']),
            quote: z.string(),
          })
          .passthrough(),
      ),
    })
    .passthrough(),
);
export type GoldRecord = z.infer<typeof goldSchema>[number];

export const SET_CATEGORIES = ['people', 'held pairs', 'pairs with date', 'planned pairs', 'agreements', 'countries'] as const;
export type SetCategory = (typeof SET_CATEGORIES)[number];

/** Counts and the facts behind them, as the seed evaluation keeps them. */
export type Tally = CategoryResult;
export type SetComparison = Record<SetCategory, Tally> & { modeRight: number; modeMatched: number };

export function readReleaseSet(dir: string): { records: GoldRecord[]; text: (file: string) => string } {
  const path = join(dir, 'gold.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read it as JSON (${(error as Error).message})`);
  }
  const parsed = goldSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `  - [${i.path.join('.')}] ${i.message}`);
    throw new Error(`${path} is not in the releases schema:\n${first.join('\n')}`);
  }
  return { records: parsed.data, text: (file) => readFileSync(join(dir, 'articles', file), 'utf8') };
}

const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** What the draft says, in the terms of the releases schema. */
export interface Predicted {
  /** Drafted people who take part in at least one event (held or planned), with their names. */
  participants: { name: string; aliases: string[] }[];
  held: (PredictedPair & { event: number })[];
  planned: (PredictedPair & { event: number })[];
  agreements: { status: string; quotes: string[]; title: string }[];
  countries: Set<string>;
}
interface PredictedPair {
  a: string;
  b: string;
  date: string | null;
  mode: 'in_person' | 'call';
}

const AGREEMENT_STATUS: Record<string, string> = {
  signed: 'signed',
  initialled: 'initialled',
  'agreed-to-sign': 'planned',
  planned: 'planned',
  discussed: 'discussed',
};

/** Pairs of people present at the meetings of one status, each with the event that makes it. */
export function predictedPairs(facts: FactFile, status: 'held' | 'planned'): (PredictedPair & { event: number })[] {
  const people = new Map(facts.people.map((p) => [p.id, p]));
  const meetingKinds: readonly string[] = MEETING_KINDS;
  const seen = new Map<string, PredictedPair & { event: number }>();
  facts.events.forEach((e, index) => {
    if (e.status !== status || !meetingKinds.includes(e.kind)) return;
    const ids = presentAt(e, people).sort();
    // The gold's convention: at a meeting of more than two, people on the same side (acting for
    // the same country) are not a pair; two compatriots meeting alone are.
    const side = new Map(e.participants.map((p) => [p.who, p.represents]));
    const sameSide = (a: string, b: string) => ids.length > 2 && side.get(a) !== undefined && side.get(a) === side.get(b);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (sameSide(ids[i]!, ids[j]!)) continue;
        const key = `${ids[i]} ${ids[j]}`;
        const pair = {
          a: people.get(ids[i]!)!.name,
          b: people.get(ids[j]!)!.name,
          date: e.date?.value ?? null,
          mode: e.kind === 'call' ? ('call' as const) : ('in_person' as const),
          event: index,
        };
        // The gold keeps one record per pair: the dated encounter wins.
        const had = seen.get(key);
        if (!had || (!had.date && pair.date)) seen.set(key, pair);
      }
    }
  });
  return [...seen.values()];
}

const presentAt = (e: FactFile['events'][number], people: Map<string, unknown>) => [
  ...new Set(e.participants.filter((p) => p.role !== 'mentioned' && people.has(p.who)).map((p) => p.who)),
];

export function predictedOf(facts: FactFile): Predicted {
  const people = new Map(facts.people.map((p) => [p.id, p]));
  const takingPart = new Set(facts.events.flatMap((e) => presentAt(e, people)));
  const table = countryTable();
  return {
    participants: facts.people.filter((p) => takingPart.has(p.id)).map((p) => ({ name: p.name, aliases: p.aliases })),
    held: predictedPairs(facts, 'held'),
    planned: predictedPairs(facts, 'planned'),
    agreements: facts.agreements.map((a) => ({
      status: AGREEMENT_STATUS[a.status] ?? a.status,
      quotes: Array.isArray(a.quote) ? a.quote : [a.quote],
      title: a.title,
    })),
    // Named in the text: a country the drafter adds for a city ("Not named; implied by …") is not.
    countries: new Set(
      facts.countries.filter((c) => !c.note?.startsWith('Not named')).map((c) => table.byCode(c.id.replace(/^country:/, ''))?.iso ?? c.id),
    ),
  };
}

/** The gold person a drafted name (or, failing that, one of its full aliases) is; -1 if none. */
export function goldPersonIndex(gold: GoldRecord): (name: string, aliases?: readonly string[]) => number {
  const goldNames = gold.persons.map((p) => new Set([p.name, ...p.aliases].map(norm)));
  return (name, aliases = []) => {
    const direct = goldNames.findIndex((names) => names.has(norm(name)));
    if (direct >= 0) return direct;
    return goldNames.findIndex((names) => aliases.some((a) => /\s/.test(a.trim()) && names.has(norm(a))));
  };
}

/** Drafted agreements (by index) that match a gold one: quotes that overlap, and the same status. */
export function matchAgreements(text: string, gold: GoldRecord, facts: FactFile): Map<number, number> {
  const drafted = predictedOf(facts).agreements;
  const matched = new Map<number, number>();
  gold.agreements.forEach((g, gi) => {
    const gs = locateQuote(text, g.quote);
    if (!gs) return;
    const index = drafted.findIndex(
      (d, i) =>
        !matched.has(i) &&
        d.status === g.status &&
        d.quotes.some((q) => {
          const ds = locateQuote(text, q);
          return ds !== null && ds.start < gs.end && gs.start < ds.end;
        }),
    );
    if (index >= 0) matched.set(index, gi);
  });
  return matched;
}

function tally(): Tally {
  return { tp: 0, fp: 0, fn: 0, misses: [], falsePositives: [] };
}

/** Compares one article's draft with its gold record. */
export function compareWithGold(text: string, gold: GoldRecord, facts: FactFile): SetComparison {
  const predicted = predictedOf(facts);
  const result = Object.fromEntries(SET_CATEGORIES.map((c) => [c, tally()])) as unknown as SetComparison;
  result.modeRight = 0;
  result.modeMatched = 0;

  const personOf = goldPersonIndex(gold);
  const aliasesOf = new Map(facts.people.map((p) => [p.name, p.aliases]));
  const people = result.people;
  const participants = new Set(gold.persons.flatMap((p, i) => (p.mention === 'participant' ? [i] : [])));
  const found = new Set<number>();
  for (const p of predicted.participants) {
    const i = personOf(p.name, p.aliases);
    if (i >= 0 && participants.has(i) && !found.has(i)) {
      found.add(i);
      people.tp++;
    } else if (!(i >= 0 && found.has(i))) {
      people.fp++;
      people.falsePositives.push(i >= 0 ? `${p.name} (${gold.persons[i]!.mention})` : p.name);
    }
  }
  for (const i of participants) {
    if (!found.has(i)) {
      people.fn++;
      people.misses.push(gold.persons[i]!.name);
    }
  }

  // Pairs: unordered, by gold person; uncertain gold pairs are neither credited nor penalised.
  const keyOf = (a: number, b: number) => (a < b ? `${a}+${b}` : `${b}+${a}`);
  const goldKey = (p: { a: string; b: string }) => keyOf(personOf(p.a), personOf(p.b));
  const uncertain = new Set(gold.meetings_pairs_uncertain.map(goldKey));
  const label = (p: { a: string; b: string; date?: string | null }) =>
    `${p.a} + ${p.b}${p.date !== undefined ? ` (${p.date ?? 'undated'})` : ''}`;
  const scorePairs = (goldPairs: GoldRecord['meetings_pairs'], draft: PredictedPair[], into: Tally, dated?: Tally) => {
    const wanted = new Map(goldPairs.map((p) => [goldKey(p), p]));
    const matched = new Set<string>();
    for (const d of draft) {
      const a = personOf(d.a, aliasesOf.get(d.a));
      const b = personOf(d.b, aliasesOf.get(d.b));
      const key = a >= 0 && b >= 0 ? keyOf(a, b) : undefined;
      if (key && uncertain.has(key) && !wanted.has(key)) continue;
      const g = key ? wanted.get(key) : undefined;
      if (g && key && !matched.has(key)) {
        matched.add(key);
        into.tp++;
        if (dated) {
          result.modeMatched++;
          if (g.mode === d.mode) result.modeRight++;
          if (g.date === d.date) dated.tp++;
          else {
            dated.fp++;
            dated.falsePositives.push(`${label(d)} [gold: ${g.date ?? 'undated'}]`);
            dated.fn++;
            dated.misses.push(label(g));
          }
        }
      } else {
        into.fp++;
        into.falsePositives.push(label(d));
        if (dated) {
          dated.fp++;
          dated.falsePositives.push(label(d));
        }
      }
    }
    for (const [key, g] of wanted) {
      if (matched.has(key)) continue;
      into.fn++;
      into.misses.push(label({ a: g.a, b: g.b }));
      if (dated) {
        dated.fn++;
        dated.misses.push(label(g));
      }
    }
  };
  scorePairs(gold.meetings_pairs, predicted.held, result['held pairs'], result['pairs with date']);
  scorePairs(gold.meetings_pairs_planned, predicted.planned, result['planned pairs']);

  // Agreements: the drafted quote overlaps the gold quote, and the status is the same.
  const agreements = result.agreements;
  const matched = matchAgreements(text, gold, facts);
  const matchedGold = new Set(matched.values());
  gold.agreements.forEach((g, gi) => {
    if (matchedGold.has(gi)) agreements.tp++;
    else {
      agreements.fn++;
      agreements.misses.push(`${g.title} (${g.status})`);
    }
  });
  predicted.agreements.forEach((d, i) => {
    if (matched.has(i)) return;
    agreements.fp++;
    agreements.falsePositives.push(`${d.title} (${d.status})`);
  });

  // Countries, by ISO code through the country table.
  const table = countryTable();
  const goldCountries = new Map<string, string>();
  for (const name of gold.countries) goldCountries.set(table.byName(name)?.iso ?? `?${name}`, name);
  const countries = result.countries;
  for (const [iso, name] of goldCountries) {
    if (predicted.countries.has(iso)) countries.tp++;
    else {
      countries.fn++;
      countries.misses.push(name);
    }
  }
  for (const iso of predicted.countries) {
    if (goldCountries.has(iso)) continue;
    countries.fp++;
    countries.falsePositives.push(table.byCode(iso)?.name ?? iso);
  }
  return result;
}

const EMPTY: FactFile = emptyFactFile({ file: 'none.txt', title: 'none', published: null, junk: [] });

export interface SetRun {
  articles: { file: string; result?: SetComparison; crash?: string; seconds: number }[];
  totals: SetComparison;
}

/** Drafts every article of the set with `draft` and scores it. */
export function runReleaseSet(dir: string, draft: (text: string, record: GoldRecord) => Draft): SetRun {
  const { records, text } = readReleaseSet(dir);
  const totals = Object.fromEntries(SET_CATEGORIES.map((c) => [c, tally()])) as unknown as SetComparison;
  totals.modeRight = 0;
  totals.modeMatched = 0;
  const articles: SetRun['articles'] = [];
  for (const record of records) {
    const started = performance.now();
    const add = (result: SetComparison) => {
      for (const c of SET_CATEGORIES) {
        totals[c].tp += result[c].tp;
        totals[c].fp += result[c].fp;
        totals[c].fn += result[c].fn;
      }
      totals.modeRight += result.modeRight;
      totals.modeMatched += result.modeMatched;
    };
    try {
      const d = draft(text(record.file), record);
      const result = compareWithGold(d.article.text, record, d.facts);
      add(result);
      articles.push({ file: record.file, result, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      // A crash drafts nothing: every gold fact of the article is a miss.
      add(compareWithGold(text(record.file), record, EMPTY));
      articles.push({ file: record.file, crash: (error as Error).message.split('\n')[0]!, seconds: (performance.now() - started) / 1000 });
    }
  }
  return { articles, totals };
}
