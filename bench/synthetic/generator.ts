// A seeded, deterministic synthetic diplomatic network, produced as the very rows the seed writer
// sends (seeds/plan.ts shapes, cypher/upsert-*.cypher): countries with capitals and ministries,
// officials whose titles change over the years (HOLDS firstSeen/lastSeen), meetings/talks/calls/visits
// with dates and places, agreements concluded at some of them, and press releases (Sources) whose
// sentences are the evidence of every participation. MET rows come in the shape derive-met gives them
// (event, date, mode, inferred, sources, evidence…), for cypher/upsert-met.cypher or derive-met itself.
//
// Participants are drawn with Zipf weights, so a few officials take part in thousands of meetings and
// most in a handful (a heavy tail); meeting sizes are mostly bilateral, sometimes small groups, rarely
// summits. Events come in chunks so a 1M-MET graph never sits in memory at once.
import { CalendarDay, dateRange } from '../../domain/period.ts';
import { type EntityRow, type EventRow, type LinkRow, type ParticipationRow, type TitleRow } from '../../domain/plan.ts';
import { evidenceKey } from '../../domain/source-text.ts';
import { between, mulberry32, pickOne, zipfSampler, type Rand } from './random.ts';

export interface SyntheticOptions {
  /** How many MET relationships derive-met will create (exactly). */
  mets: number;
  seed?: number;
  /** Events per chunk (one write transaction each). */
  chunkEvents?: number;
  /** Zipf exponent of participation. */
  zipf?: number;
}

export interface SyntheticScale {
  mets: number;
  persons: number;
  countries: number;
  seed: number;
  chunkEvents: number;
  zipf: number;
}

export const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };

/** "10k", "100k", "1M" or a plain number of MET relationships. */
export function parseSize(text: string): number {
  const known = SIZES[text.toLowerCase()];
  const value = known ?? Number(text);
  if (!Number.isInteger(value) || value < 10 || value > 200_000_000)
    throw new Error(`--size: expected 10k, 100k, 1M or a whole number of MET relationships, got "${text}"`);
  return value;
}

export function scaleOf(options: SyntheticOptions): SyntheticScale {
  // ~40 MET per official on average (a median official far fewer: the tail carries the rest).
  const persons = Math.max(60, Math.round(options.mets / 20));
  return {
    mets: options.mets,
    persons,
    countries: Math.min(190, Math.max(12, Math.round(persons / 40))),
    seed: options.seed ?? 42,
    chunkEvents: options.chunkEvents ?? 2000,
    zipf: options.zipf ?? 0.9,
  };
}

export interface BaseRows {
  countries: EntityRow[];
  places: EntityRow[];
  organizations: EntityRow[];
  persons: EntityRow[];
  links: { type: 'IN' | 'BASED_IN'; rows: LinkRow[] }[];
  titles: TitleRow[];
}

export interface EventChunk {
  index: number;
  sources: { id: string; props: Record<string, unknown> }[];
  events: EventRow[];
  agreements: EntityRow[];
  links: { type: 'HELD_IN' | 'PARTY_TO' | 'CONCLUDED_AT'; rows: LinkRow[] }[];
  participations: ParticipationRow[];
  eventIds: string[];
  /** The MET relationships derive-met would derive from these events, in its shape (cypher/upsert-met). */
  metRows: MetRow[];
  mets: number;
}

export interface MetRow {
  a: string;
  b: string;
  event: string;
  props: Record<string, unknown>;
}

// ---------- names ----------
const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'ta',
  'vi',
  'dor',
  'an',
  'sel',
  'ru',
  'bek',
  'no',
  'zar',
  'il',
  'os',
  'fen',
  'da',
  'mi',
  'gor',
  'le',
  'tu',
  'sha',
  'ven',
  'ob',
  'qi',
  'pra',
  'hel',
  'us',
  'mon',
  'ri',
  'cas',
];
const FIRST = [
  'Amina',
  'Bolat',
  'Chen',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiroshi',
  'Ines',
  'Jomo',
  'Karim',
  'Lena',
  'Marta',
  'Nuno',
  'Olga',
  'Pavel',
  'Qadir',
  'Rosa',
  'Sanjar',
  'Tomas',
  'Ulla',
  'Victor',
  'Wanjiru',
  'Ximena',
  'Yusuf',
  'Zhanna',
  'Adel',
  'Beatriz',
  'Cyril',
  'Dana',
];
const TITLES = [
  ['Director of the Department of Bilateral Relations', 'Deputy Minister of Foreign Affairs', 'Minister of Foreign Affairs'],
  ['Ambassador', 'Deputy Minister of Foreign Affairs', 'Ambassador'],
  ['Trade Representative', 'Deputy Minister of Trade', 'Minister of Trade'],
  ['Adviser to the President', 'Head of the Presidential Administration', 'Prime Minister'],
];
const MINISTRIES = [
  { key: 'mfa', name: 'Ministry of Foreign Affairs', kind: 'ministry' },
  { key: 'trade', name: 'Ministry of Trade', kind: 'ministry' },
  { key: 'office', name: 'Office of the President', kind: 'government' },
];
const TOPICS = [
  'trade',
  'visa facilitation',
  'energy',
  'transport corridors',
  'education',
  'health',
  'investment protection',
  'culture',
  'water resources',
  'digital cooperation',
];

const capitalise = (word: string) => word[0]!.toUpperCase() + word.slice(1);
function coined(rand: Rand, parts: number): string {
  let word = '';
  for (let i = 0; i < parts; i++) word += pickOne(rand, SYLLABLES);
  return capitalise(word);
}

/** Two distinct letters per country: AA, AB, … (synthetic codes; the graph holds no real country). */
const iso2Of = (i: number) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26));
export const personId = (i: number) => `person:syn-${i}`;
const countryId = (i: number) => `country:${iso2Of(i)}`;
const orgId = (c: number, key: string) => `org:syn-${iso2Of(c).toLowerCase()}-${key}`;
const placeId = (c: number) => `place:syn-capital-${iso2Of(c).toLowerCase()}`;

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2000, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2025, 11, 31) / DAY_MS;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const noEvidence = () => ({ sources: [] as string[], evidence: [] as string[] });

/** Country of each person, shared by base rows and events (its own stream, so both agree). */
function personCountries(scale: SyntheticScale): Int32Array {
  const rand = mulberry32(scale.seed * 7 + 1);
  return Int32Array.from({ length: scale.persons }, () => Math.floor(rand() * scale.countries));
}

function personName(rand: Rand): string {
  return `${pickOne(rand, FIRST)} ${coined(rand, 2 + Math.floor(rand() * 2))}`;
}

/** Names are drawn from their own stream so events can name people without rebuilding base rows. */
function personNames(scale: SyntheticScale): string[] {
  const rand = mulberry32(scale.seed * 7 + 2);
  return Array.from({ length: scale.persons }, () => personName(rand));
}

function countryNames(scale: SyntheticScale): string[] {
  const rand = mulberry32(scale.seed * 7 + 3);
  const names = new Set<string>();
  while (names.size < scale.countries) names.add(`${coined(rand, 2)}${pickOne(rand, ['ia', 'stan', 'land', 'ovia', 'ar'])}`);
  return [...names];
}

/** Countries, capitals, ministries, officials and their titles over time. */
export function baseRows(scale: SyntheticScale): BaseRows {
  const rand = mulberry32(scale.seed * 7 + 4);
  const names = countryNames(scale);
  const countries: EntityRow[] = names.map((name, c) => ({
    id: countryId(c),
    name,
    props: { iso2: iso2Of(c) },
    aliases: [iso2Of(c)],
    ...noEvidence(),
  }));
  const places: EntityRow[] = names.map((name, c) => ({
    id: placeId(c),
    name: `${name} City`,
    props: { kind: 'city' },
    aliases: [],
    ...noEvidence(),
  }));
  const organizations: EntityRow[] = names.flatMap((name, c) =>
    MINISTRIES.map((m) => ({ id: orgId(c, m.key), name: `${m.name} of ${name}`, props: { kind: m.kind }, aliases: [], ...noEvidence() })),
  );
  const links: BaseRows['links'] = [
    { type: 'IN', rows: names.map((_, c) => ({ from: placeId(c), to: countryId(c), props: {}, ...noEvidence() })) },
    {
      type: 'BASED_IN',
      rows: names.flatMap((_, c) => MINISTRIES.map((m) => ({ from: orgId(c, m.key), to: countryId(c), props: {}, ...noEvidence() }))),
    },
  ];
  const home = personCountries(scale);
  const persons: EntityRow[] = personNames(scale).map((name, i) => ({ id: personId(i), name, props: {}, aliases: [], ...noEvidence() }));
  // Each official climbs a career ladder: one to three titles, each attested at two publication dates.
  const titles: TitleRow[] = [];
  for (let i = 0; i < scale.persons; i++) {
    const ladder = pickOne(rand, TITLES);
    const steps = between(rand, 1, 3);
    let day = between(rand, FIRST_DAY, LAST_DAY - 800);
    const at = orgId(home[i]!, ladder[0]!.includes('Trade') ? 'trade' : ladder[0]!.includes('President') ? 'office' : 'mfa');
    for (let s = 0; s < steps && day < LAST_DAY; s++) {
      const last = Math.min(LAST_DAY, day + between(rand, 60, 1500));
      for (const asOf of [day, last])
        titles.push({ person: personId(i), at, title: ladder[s]!, asOf: CalendarDay.fromIso(isoDay(asOf)), ...noEvidence() });
      day = last + between(rand, 30, 400);
    }
  }
  return { countries, places, organizations, persons, links, titles };
}

const KINDS: { kind: string; weight: number }[] = [
  { kind: 'meeting', weight: 45 },
  { kind: 'talks', weight: 22 },
  { kind: 'call', weight: 14 },
  { kind: 'session', weight: 8 },
  { kind: 'signing', weight: 5 },
  { kind: 'visit', weight: 6 },
];
const MEETING_LIKE = new Set(['meeting', 'talks', 'call', 'session', 'signing']);
const KIND_TOTAL = KINDS.reduce((s, k) => s + k.weight, 0);

function eventKind(rand: Rand): string {
  let x = rand() * KIND_TOTAL;
  for (const k of KINDS) if ((x -= k.weight) < 0) return k.kind;
  return 'meeting';
}

/** People present: mostly two, sometimes a small group, rarely a summit of dozens. */
function meetingSize(rand: Rand): number {
  const x = rand();
  if (x < 0.7) return 2;
  if (x < 0.92) return between(rand, 3, 6);
  if (x < 0.99) return between(rand, 7, 12);
  return between(rand, 15, 30);
}

const pairsOf = (n: number) => (n * (n - 1)) / 2;

/** Events in chunks until derive-met would create exactly `scale.mets` MET relationships. */
export function* eventChunks(scale: SyntheticScale): Generator<EventChunk> {
  const rand = mulberry32(scale.seed * 7 + 5);
  const pick = zipfSampler(mulberry32(scale.seed * 7 + 6), scale.persons, scale.zipf);
  const home = personCountries(scale);
  const names = personNames(scale);
  const countries = countryNames(scale);
  let mets = 0;
  let eventNo = 0;
  let sourceNo = 0;
  for (let index = 0; mets < scale.mets; index++) {
    const chunk: EventChunk = {
      index,
      sources: [],
      events: [],
      agreements: [],
      links: [
        { type: 'HELD_IN', rows: [] },
        { type: 'PARTY_TO', rows: [] },
        { type: 'CONCLUDED_AT', rows: [] },
      ],
      participations: [],
      eventIds: [],
      metRows: [],
      mets: 0,
    };
    const [heldIn, partyTo, concludedAt] = chunk.links as [EventChunk['links'][0], EventChunk['links'][0], EventChunk['links'][0]];
    // One press release per ten events: its sentences are the quotes behind each participation.
    let text = '';
    let sourceId = '';
    let sourceDay = 0;
    let sourcePublisher = '';
    const closeSource = () => {
      if (!sourceId) return;
      chunk.sources.push({
        id: sourceId,
        props: {
          file: `${sourceId.slice('source:'.length)}.txt`,
          title: `Press release ${sourceNo}`,
          publisher: sourcePublisher,
          published: CalendarDay.fromIso(isoDay(sourceDay)),
          text,
        },
      });
      sourceId = '';
    };
    for (let e = 0; e < scale.chunkEvents && mets < scale.mets; e++, eventNo++) {
      const kind = eventKind(rand);
      const meetingLike = MEETING_LIKE.has(kind);
      let size = kind === 'visit' ? between(rand, 1, 2) : kind === 'call' ? 2 : meetingSize(rand);
      if (meetingLike) while (pairsOf(size) > scale.mets - mets) size--;
      const present = new Set<number>();
      while (present.size < size) present.add(pick());
      const people = [...present];
      const hostCountry = home[people[0]!]!;
      const day = between(rand, FIRST_DAY, LAST_DAY);
      const id = `event:syn-${eventNo}`;
      if (e % 10 === 0) {
        closeSource();
        sourceNo++;
        sourceId = `source:syn-${sourceNo}`;
        text = '';
        sourceDay = day;
        sourcePublisher = `Ministry of Foreign Affairs of ${countries[hostCountry]}`;
      }
      const sentence = `On ${isoDay(day)} ${people.map((p) => names[p]).join(', ')} held ${kind === 'visit' ? 'a visit' : kind} in ${countries[hostCountry]} City.`;
      const span = { start: text.length, end: text.length + sentence.length };
      text += sentence + ' ';
      const evidence = { sources: [sourceId], evidence: [evidenceKey(sourceId, span)] };
      const date = dateRange(isoDay(day));
      chunk.events.push({
        id,
        name: `${capitalise(kind)} in ${countries[hostCountry]} City, ${isoDay(day)}`,
        status: 'held',
        props: { kind },
        date: { ...date, text: isoDay(day), basis: 'stated' },
        ...evidence,
      });
      chunk.eventIds.push(id);
      heldIn.rows.push({ from: id, to: placeId(hostCountry), props: {}, ...evidence });
      people.forEach((p, i) =>
        chunk.participations.push({
          who: personId(p),
          event: id,
          role: i === 0 ? 'host' : 'guest',
          represents: countryId(home[p]!),
          officialRole: null,
          delegation: false,
          ...evidence,
        }),
      );
      const parties = [...new Set(people.map((p) => home[p]!))];
      if (parties.length >= 2 && rand() < 0.04) {
        const agreement = `agreement:syn-${eventNo}`;
        chunk.agreements.push({
          id: agreement,
          name: `Agreement on ${pickOne(rand, TOPICS)} between ${parties.map((c) => countries[c]).join(' and ')}`,
          props: { kind: 'memorandum', status: 'signed', date: isoDay(day) },
          aliases: [],
          ...evidence,
        });
        for (const c of parties) partyTo.rows.push({ from: countryId(c), to: agreement, props: {}, ...evidence });
        concludedAt.rows.push({ from: agreement, to: id, props: {}, ...evidence });
      }
      if (meetingLike) {
        // As derive-met: one MET per pair, directed from the smaller id, dated by the event.
        const ids = people.map(personId).sort();
        const props = {
          date: date.start,
          end: date.end,
          datePrecision: date.precision,
          dateText: isoDay(day),
          eventKind: kind,
          mode: kind === 'call' ? 'call' : 'in_person',
          inferred: false,
          sources: evidence.sources,
          evidence: evidence.evidence,
        };
        for (let x = 0; x < ids.length; x++)
          for (let y = x + 1; y < ids.length; y++) chunk.metRows.push({ a: ids[x]!, b: ids[y]!, event: id, props });
        mets += pairsOf(size);
        chunk.mets += pairsOf(size);
      }
    }
    closeSource();
    yield chunk;
  }
}

/** How many events each person takes part in (distribution checks). */
export function participationDegrees(scale: SyntheticScale): Int32Array {
  const degree = new Int32Array(scale.persons);
  for (const chunk of eventChunks(scale)) for (const p of chunk.participations) degree[Number(p.who.slice('person:syn-'.length))]!++;
  return degree;
}
