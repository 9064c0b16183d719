// Person dossiers and organisation reports, built on the entity profile: titles over time, events with
// role and counterparts, whom they met, agreements, sources — each statement with its citations.
import { periodBound } from '../../../domain/period.ts';
import type { GraphReader } from '../../../graph/reader.ts';
import { read } from '../../../graph/queries/read.ts';
import { textProp } from '../../../graph/queries/columns.ts';
import type { Plain } from '../../../graph/values.ts';
import { getEntityProfile, type EntityProfile } from '../entities.ts';
import { collectEvidence, loadQuoteBook, type Quote } from '../evidence.ts';
import { personSummary, type PersonSummary } from '../pictures/summary.ts';
import { resolveEntity } from '../search.ts';
import { formatPeriod } from '../../../domain/period.ts';
import { listText } from '../text.ts';
import {
  citationsFrom,
  cited,
  describeParty,
  isBareCountry,
  sourceLookup,
  type Report,
  type ReportSection,
  type Statement,
} from './model.ts';

function attested(first: Plain, last: Plain): string {
  if (typeof first !== 'string') return 'in an undated source';
  return first === last || typeof last !== 'string'
    ? `in a source of ${formatPeriod(first, 'day')}`
    : `in sources from ${formatPeriod(first, 'day')} to ${formatPeriod(last, 'day')}`;
}

function section(id: string, title: string, statements: Statement[], emptyNote: string): ReportSection {
  return { id, title, statements: cited(statements), emptyNote };
}

export interface ReportWindow {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The profile kept to a date window: events wholly inside it (undated ones cannot be shown to be) and
 * the meetings among them; `left` counts what it leaves out. Titles and agreements are kept.
 */
export function keptToWindow(profile: EntityProfile, window: ReportWindow): { profile: EntityProfile; left: number; note: string | null } {
  if (!window.from && !window.to) return { profile, left: 0, note: null };
  const lo = periodBound(window.from, 'start')?.toString();
  const hi = periodBound(window.to, 'end')?.toString();
  const inside = (start: Plain, end: Plain) =>
    typeof start === 'string' && (!lo || start >= lo) && (!hi || (typeof end === 'string' ? end : start) <= hi);
  const events = profile.events.filter((e) => inside(e.event.start ?? null, e.event.end ?? null));
  const kept = new Set(events.map((e) => String(e.event.id)));
  const met = profile.met
    .map((m) => ({ ...m, meetings: m.meetings.filter((x) => kept.has(x.event)) }))
    .filter((m) => m.meetings.length > 0)
    .map((m) => ({ ...m, count: m.meetings.length }));
  const left = profile.events.length - events.length;
  const span = `${window.from ?? 'the earliest'} – ${window.to ?? 'the latest'}`;
  return {
    profile: { ...profile, events, met },
    left,
    note: `Kept to ${span}: ${left} event${left === 1 ? '' : 's'} outside it or undated ${left === 1 ? 'is' : 'are'} not listed.`,
  };
}

/** Counterparts of each event the profile lists (present participants other than the subject). */
async function counterpartsOf(reader: GraphReader, profile: EntityProfile) {
  const ids = profile.events.map((e) => String(e.event.id));
  const rows = ids.length ? await read(reader, 'meeting-details', { ids }) : [];
  const book = await loadQuoteBook(reader, collectEvidence(rows));
  const byEvent = new Map<string, { names: string[]; quotes: Quote[]; place: string | null }>();
  for (const row of rows) {
    const others = row.participants.filter((p) => p.id !== profile.entity.id && !isBareCountry(p));
    byEvent.set(row.event.id, {
      names: others.map((p) => `${p.type === 'Person' ? p.name : describeParty(p)}${p.inferred ? ' (inferred)' : ''}`),
      quotes: others.flatMap((p) => book.quotes(p.evidence)),
      place: row.place ? row.place.name : null,
    });
  }
  return { byEvent, sources: book.sources() };
}

/** The dossier's opening: the summary card as cited statements. */
export function summaryStatements(
  s: PersonSummary,
  st: (text: string, quotes: Quote[], data: Statement['data']) => Statement,
): Statement[] {
  const out: Statement[] = [];
  const first = s.firstContact;
  const last = s.lastContact;
  if (first && last) {
    out.push(
      st(
        `Took part in ${s.events} events on record (${s.meetings} meetings, ${s.visits} visits), from ${formatPeriod(first.start, first.datePrecision)} to ${formatPeriod(last.start, last.datePrecision)}.`,
        [...first.citations, ...last.citations],
        { events: s.events, meetings: s.meetings, visits: s.visits },
      ),
    );
    out.push(
      st(`First contact: ${formatPeriod(first.start, first.datePrecision)} — ${first.title}.`, first.citations, {
        eventId: first.id,
        date: first.start,
      }),
    );
    out.push(
      st(`Last contact: ${formatPeriod(last.start, last.datePrecision)} — ${last.title}.`, last.citations, {
        eventId: last.id,
        date: last.start,
      }),
    );
  }
  const span = (c: { first: string | null; last: string | null }) =>
    c.first
      ? c.last && c.last.slice(0, 4) !== c.first.slice(0, 4)
        ? `${c.first.slice(0, 4)}–${c.last.slice(0, 4)}`
        : c.first.slice(0, 4)
      : 'undated';
  if (s.counterparts.top.length) {
    out.push(
      ...s.counterparts.top.map((c) =>
        st(
          `Met ${c.name}${c.country ? ` (${c.country})` : ''}: ${c.events} meeting${c.events === 1 ? '' : 's'}, ${span(c)} (the first cited).`,
          c.citations,
          { personId: c.id, meetings: c.events },
        ),
      ),
    );
  }
  if (s.countries.top.length) {
    out.push(
      ...s.countries.top.map((c) =>
        st(`${c.name}: ${c.events} event${c.events === 1 ? '' : 's'}, ${span(c)} (the first cited).`, c.citations, {
          countryId: c.id,
          events: c.events,
        }),
      ),
    );
  }
  return out;
}

export async function personReport(reader: GraphReader, ref: string, now = new Date(), window: ReportWindow = {}): Promise<Report> {
  const person = await resolveEntity(reader, ref, 'id', 'person');
  const [whole, summary] = await Promise.all([getEntityProfile(reader, person.id), personSummary(reader, person.id, window)]);
  const { profile, note: windowNote } = keptToWindow(whole, window);
  const { byEvent, sources: extra } = await counterpartsOf(reader, profile);
  const sources = mergeSources(profile.sources, extra, summary.sources);
  const st = (text: string, quotes: Quote[], data: Statement['data']): Statement => ({
    text,
    citations: citationsFrom(quotes, sourceLookup(sources)),
    data,
  });
  const name = profile.entity.name;

  const titles = profile.titles.map((t) =>
    st(`${t.title}, ${t.at.name} — attested ${attested(t.firstSeen, t.lastSeen)}.`, t.evidence, {
      title: t.title,
      at: t.at.id,
      firstSeen: textProp(t.firstSeen),
      lastSeen: textProp(t.lastSeen),
    }),
  );
  const events = profile.events.map((e) => {
    const info = byEvent.get(String(e.event.id));
    const when = formatPeriod(e.event.start, e.event.datePrecision);
    const role = e.role === 'mentioned' ? 'only mentioned, not present' : String(e.role).replace(/_/g, ' ');
    const withWhom = info?.names.length && e.role !== 'mentioned' ? ` With ${listText(info.names)}.` : '';
    const status = e.event.status === 'planned' ? ' (planned)' : '';
    const inferred = e.inferred ? ' Inferred: the text names the delegation this person led.' : '';
    const place = info?.place && !String(e.event.name).includes(info.place) ? `, ${info.place}` : '';
    return st(
      `${when} — ${String(e.event.name)}${status}${place}: ${role}.${withWhom}${inferred}`,
      [...e.evidence, ...(e.role === 'mentioned' ? [] : (info?.quotes ?? []))],
      {
        eventId: textProp(e.event.id),
        date: when,
        year: typeof e.event.start === 'string' ? e.event.start.slice(0, 4) : null,
        role: textProp(e.role),
        inferred: e.inferred,
      },
    );
  });
  const met = profile.met.map((m) => {
    const dates = m.meetings.map((x) => formatPeriod(x.date, x.datePrecision) + (x.inferred ? ' (inferred)' : ''));
    return st(
      `${m.person.name}: ${m.count} meeting${m.count === 1 ? '' : 's'} (${listText(dates)}).`,
      m.meetings.flatMap((x) => x.evidence),
      { personId: m.person.id, meetings: m.count },
    );
  });
  const agreements = profile.agreements.map((g) =>
    st(`${String(g.agreement.name)} — ${String(g.agreement.status).replace(/-/g, ' ')}; ${g.via}.`, g.evidence, {
      agreementId: textProp(g.agreement.id),
      status: textProp(g.agreement.status),
    }),
  );
  return {
    kind: 'person',
    title: `${name}${profile.summary?.label ? ` (${profile.summary.label})` : ''}: dossier`,
    subtitle: `Titles, events, meetings and agreements of ${name}, as the sources state them.`,
    generatedAt: now.toISOString(),
    notes: [
      typeof profile.entity.note === 'string'
        ? `Note on this record: ${profile.entity.note}`
        : 'Dates are as precise as the sources give them. Every statement cites the sentences it rests on.',
      ...(windowNote ? [windowNote] : []),
      ...(profile.summary?.badges ?? []).map((b) => `Identity: ${b.text}.`),
    ],
    sections: [
      section('summary', 'Summary', summaryStatements(summary, st), 'No dated events with a counterpart are recorded.'),
      section('titles', 'Titles over time', titles, 'No titles are recorded.'),
      { ...section('events', 'Events', events, 'No events are recorded.'), foldByYear: events.length > 12 },
      section('met', 'Whom they met', met, `No meetings of ${name} are recorded.`),
      section('agreements', 'Agreements', agreements, 'No agreements are recorded.'),
    ],
    sources,
  };
}

export async function organizationReport(reader: GraphReader, ref: string, now = new Date(), window: ReportWindow = {}): Promise<Report> {
  const org = await resolveEntity(reader, ref, 'id', 'organization');
  const { profile, note: windowNote } = keptToWindow(await getEntityProfile(reader, org.id), window);
  const sources = profile.sources;
  const st = (text: string, quotes: Quote[], data: Statement['data']): Statement => ({
    text,
    citations: citationsFrom(quotes, sourceLookup(sources)),
    data,
  });
  const name = profile.entity.name;
  const people = profile.holders.map((h) =>
    st(`${h.person.name} — ${h.title}, attested ${attested(h.firstSeen, h.lastSeen)}.`, h.evidence, {
      personId: h.person.id,
      title: h.title,
    }),
  );
  const events = profile.events.map((e) => {
    const when = formatPeriod(e.event.start, e.event.datePrecision);
    const as = e.officialRole
      ? ` through its ${String(e.officialRole)} (not named)`
      : e.role
        ? ` as ${String(e.role).replace(/_/g, ' ')}`
        : '';
    return st(`${when} — ${String(e.event.name)}: took part${as}.`, e.evidence, { eventId: textProp(e.event.id), date: when });
  });
  const agreements = profile.agreements.map((g) =>
    st(`${String(g.agreement.name)} — ${String(g.agreement.status).replace(/-/g, ' ')}.`, g.evidence, {
      agreementId: textProp(g.agreement.id),
      status: textProp(g.agreement.status),
    }),
  );
  return {
    kind: 'organization',
    title: `${name}: organisation report`,
    subtitle: `People, events and agreements of ${name}, as the sources state them.`,
    generatedAt: now.toISOString(),
    notes: [
      'Dates are as precise as the sources give them. Every statement cites the sentences it rests on.',
      ...(windowNote ? [windowNote] : []),
    ],
    sections: [
      section('people', 'People and their titles', people, 'No officials of this organisation are named.'),
      section('events', 'Events', events, 'No events are recorded.'),
      section('agreements', 'Agreements', agreements, 'No agreements are recorded.'),
    ],
    sources,
  };
}

function mergeSources<T extends { id: string }>(...lists: T[][]): T[] {
  const byId = new Map<string, T>();
  for (const list of lists) for (const s of list) byId.set(s.id, s);
  return [...byId.values()].sort((x, y) => x.id.localeCompare(y.id));
}
