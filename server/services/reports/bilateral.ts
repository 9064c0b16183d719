// The bilateral report: what the graph knows about two countries' relations — a dated timeline of
// meetings, visits, calls and forums between their officials; agreements; figures; the institutions
// involved on each side; open threads; sources. Every statement cites the quotes it rests on.
import type { GraphReader } from '../../../graph/reader.ts';
import { read } from '../../../graph/queries/read.ts';
import type { Plain } from '../../../graph/values.ts';
import type { Props } from '../../../graph/queries/columns.ts';
import { parseEvidenceKey } from '../../../domain/source-text.ts';
import { collectEvidence, loadQuoteBook, type Quote } from '../evidence.ts';
import { resolveEntity } from '../search.ts';
import { formatPeriod } from '../../../domain/period.ts';
import { listText } from '../text.ts';
import { cited, citationsFrom, describeParty, isBareCountry, type Report, type ReportSection, type Statement } from './model.ts';

interface Side {
  id: string;
  name: string;
}

interface TitleRow {
  person: string;
  title: string;
  at: Props;
  firstSeen: Plain;
  sources: string[];
  evidence: string[];
}

const KIND_WORD: Record<string, string> = {
  meeting: 'Meeting',
  talks: 'Talks',
  call: 'Call',
  visit: 'Visit',
  forum: 'Forum',
  session: 'Session',
  summit: 'Summit',
  signing: 'Signing',
  exhibition: 'Exhibition',
  mission: 'Mission',
};

const SETTLED = new Set(['signed', 'initialled']);

/**
 * The titles a person held at the time of an event: those the event's own article states, else the
 * one attested closest to the event's date.
 */
export function titlesAtTheTime(titles: readonly TitleRow[], eventSources: readonly string[], eventStart: Plain): TitleRow[] {
  const sameArticle = titles.filter((t) => t.sources.some((s) => eventSources.includes(s)));
  if (sameArticle.length) return [...sameArticle].sort((x, y) => x.title.localeCompare(y.title));
  const target = typeof eventStart === 'string' ? eventStart : '';
  const nearest = [...titles].sort(
    (x, y) => distance(x.firstSeen, target) - distance(y.firstSeen, target) || x.title.localeCompare(y.title),
  )[0];
  return nearest ? [nearest] : [];
}

function distance(seen: Plain, target: string): number {
  if (typeof seen !== 'string' || !target) return Number.MAX_SAFE_INTEGER;
  return Math.abs(Date.parse(seen) - Date.parse(target));
}

function sourcesOfEvidence(keys: readonly string[]): string[] {
  return [...new Set(keys.map((key) => parseEvidenceKey(key)?.sourceId).filter((id): id is string => !!id))];
}

export async function bilateralReport(reader: GraphReader, refA: string, refB: string, now = new Date()): Promise<Report> {
  const a = await resolveEntity(reader, refA, 'a', 'country');
  const b = await resolveEntity(reader, refB, 'b', 'country');
  const sideA: Side = { id: a.id, name: a.name };
  const sideB: Side = { id: b.id, name: b.name };
  const params = { a: a.id, b: b.id };

  const eventIds = (await read(reader, 'report-bilateral-events', params)).map((r) => r.id);
  const [events, agreements, figures] = await Promise.all([
    eventIds.length ? read(reader, 'meeting-details', { ids: eventIds }) : Promise.resolve([]),
    read(reader, 'report-bilateral-agreements', params),
    read(reader, 'report-bilateral-figures', params),
  ]);
  const personIds = [...new Set(events.flatMap((e) => e.participants.filter((p) => p.type === 'Person').map((p) => p.id)))];
  const titleRows = personIds.length ? await read(reader, 'titles-of-people', { ids: personIds }) : [];
  const titles: TitleRow[] = titleRows.map((t) => ({ ...t, sources: t.sources ?? [], evidence: t.evidence ?? [] }));
  const orgIds = [
    ...new Set([
      ...events.flatMap((e) => e.participants.filter((p) => p.type === 'Organization').map((p) => p.id)),
      ...titles.filter((t) => t.at.type === 'Organization').map((t) => t.at.id),
      ...agreements.flatMap((g) => [...g.partiesA, ...g.partiesB].map((p) => p.id)).filter((id) => id.startsWith('org:')),
    ]),
  ];
  const orgs = orgIds.length ? await read(reader, 'countries-of-organizations', { ids: orgIds }) : [];
  const book = await loadQuoteBook(reader, [
    ...collectEvidence(events),
    ...collectEvidence(agreements),
    ...collectEvidence(figures),
    ...collectEvidence(titles),
  ]);
  const cite = (keys: readonly string[] | null): Quote[] => book.quotes(keys);
  const statement = (text: string, quotes: Quote[], data: Statement['data']): Statement => ({
    text,
    citations: citationsFrom(quotes, book),
    data,
  });
  const titlesOf = (id: string) => titles.filter((t) => t.person === id);
  const countryName = new Map([sideA, sideB].map((side) => [side.id, side.name]));

  // Timeline: one row per event, who acted for which side, with their title at the time.
  const timeline = events.map((row) => {
    const { event } = row;
    const eventSources = sourcesOfEvidence(row.evidence ?? []);
    const quotes = [...cite(row.evidence)];
    const people = row.participants
      .filter((p) => !isBareCountry(p))
      .map((p) => {
        quotes.push(...cite(p.evidence));
        const represents = p.represents ? (countryName.get(p.represents) ?? p.represents.replace('country:', '')) : null;
        if (p.type !== 'Person') {
          return `${describeParty(p)}${p.role && p.role !== 'participant' ? `, ${p.role.replace(/_/g, ' ')}` : ''}`;
        }
        const held = titlesAtTheTime(titlesOf(p.id), eventSources, event.start);
        for (const title of held) {
          // Cite the title from the event's own article when it states it there.
          const own = title.evidence.filter((key) => eventSources.includes(parseEvidenceKey(key)?.sourceId ?? ''));
          quotes.push(...cite(own.length ? own : title.evidence));
        }
        const office = held.length
          ? held.map((t) => `${t.title}${t.at.type === 'Organization' ? `, ${String(t.at.name)}` : ''}`).join(' and ')
          : null;
        const detail = [
          office,
          represents && !office?.includes(represents) ? represents : null,
          p.role !== 'participant' ? p.role.replace(/_/g, ' ') : null,
        ]
          .filter(Boolean)
          .join('; ');
        return `${String(p.name)}${detail ? ` (${detail})` : ''}${p.inferred ? ` — inferred: ${p.rule === 'delegation-head' ? 'the text names the delegation, which this person led' : String(p.rule)}` : ''}`;
      });
    const mentioned = row.mentioned.map((p) => p.name);
    const when = formatPeriod(event.start, event.datePrecision);
    const place = row.place ? ` in ${String(row.place.name)}` : '';
    const status = event.status === 'planned' ? ' (planned)' : '';
    const kind = (event.kind && KIND_WORD[event.kind]) ?? String(event.kind);
    const within = row.partOf ? `, part of ${String(row.partOf.name)}` : '';
    const text =
      `${when} — ${kind}${status}${place}${within}: ${String(event.title)}. ` +
      (people.length ? `Taking part: ${listText(people)}.` : '') +
      (mentioned.length ? ` Mentioned but not present: ${listText(mentioned)}.` : '');
    return {
      statement: statement(text, quotes, {
        eventId: event.id,
        date: when,
        datePrecision: event.datePrecision,
        kind: event.kind,
        status: event.status,
        place: row.place ? row.place.name : null,
        inferred: row.participants.some((p) => p.inferred === true),
      }),
      row: [when, `${kind}${status}: ${String(event.title)}`, row.place ? String(row.place.name) : '—', people.join('; ') || '—'],
      planned: event.status === 'planned',
    };
  });

  const agreementStatements = agreements.map((g) => {
    const { agreement: ag, concludedAt: at } = g;
    const parties = [...g.partiesA, ...g.partiesB].map((p) => String(p.name));
    const status = ag.status.replace(/-/g, ' ');
    const when = at ? `, at ${String(at.name)} (${formatPeriod(at.start, at.datePrecision)})` : '';
    return statement(`${String(ag.name)} — ${status}; parties: ${listText(parties)}${when}.`, cite(g.evidence), {
      agreementId: ag.id,
      kind: ag.kind,
      status: ag.status,
      date: at ? formatPeriod(at.start, at.datePrecision) : null,
    });
  });

  const figureStatements = figures.map((f) => {
    const fig = f.figure;
    const amount = formatAmount(fig.value, fig.unit);
    const qualifier = fig.qualifier && fig.qualifier !== 'exactly' ? `${String(fig.qualifier)} ` : '';
    const period = fig.period ? ` (${String(fig.period)})` : '';
    const change = fig.change ? `; change: ${String(fig.change)}` : '';
    return statement(`${String(fig.name)}${period}: ${qualifier}${amount}${change}.`, cite(f.evidence), {
      figureId: fig.id,
      value: fig.value,
      unit: fig.unit,
      period: fig.period,
    });
  });

  // Institutions per side: organisations taking part, employing participants, or party to agreements.
  const institutions = (side: Side): Statement[] =>
    orgs
      .filter((o) => o.country === side.id)
      .map((o) => {
        const roles: string[] = [];
        const quotes: Quote[] = [];
        for (const e of events) {
          const direct = e.participants.find((p) => p.id === o.id);
          if (direct) {
            roles.push(`took part in ${String(e.event.title)}`);
            quotes.push(...cite(direct.evidence));
          }
        }
        for (const t of titles.filter((t) => t.at.id === o.id)) {
          const name = events.flatMap((e) => e.participants).find((p) => p.id === t.person)?.name;
          roles.push(`${String(name)} is its ${t.title}`);
          quotes.push(...cite(t.evidence));
        }
        for (const g of agreements) {
          if ([...g.partiesA, ...g.partiesB].some((p) => p.id === o.id)) {
            roles.push(`party to ${g.agreement.name}`);
            quotes.push(...cite(g.evidence));
          }
        }
        return statement(`${String(o.name)}: ${listText([...new Set(roles)])}.`, quotes, { organizationId: o.id, country: side.id });
      });

  const openThreads = [
    ...timeline.filter((t) => t.planned).map((t) => t.statement),
    ...agreementStatements.filter((s) => !SETTLED.has(String(s.data.status))),
  ];

  const section = (
    id: string,
    title: string,
    statements: Statement[],
    emptyNote: string,
    table?: ReportSection['table'],
  ): ReportSection => {
    const kept = cited(statements);
    return { id, title, statements: kept, emptyNote, ...(table && kept.length ? { table } : {}) };
  };
  const pair = `${sideA.name} and ${sideB.name}`;
  const timelineKept = timeline.filter((t) => t.statement.citations.length > 0);
  const nothing = timelineKept.length + agreementStatements.length + figureStatements.length === 0;
  return {
    kind: 'bilateral',
    title: `${sideA.name} – ${sideB.name}: relations on record`,
    subtitle: `Meetings, visits, agreements and figures between ${pair}, as the sources state them.`,
    generatedAt: now.toISOString(),
    notes: [
      nothing
        ? `The sources in the graph record no meetings, agreements or figures between ${pair}.`
        : 'Dates are as precise as the sources give them; "date not given" means the article does not say. Every statement cites the sentences it rests on.',
    ],
    sections: [
      section(
        'timeline',
        'Timeline',
        timelineKept.map((t) => t.statement),
        `No meetings, visits, calls or forums between officials of ${pair} are recorded.`,
        {
          columns: ['Date', 'Event', 'Place', 'Who took part'],
          rows: timelineKept.map((t) => t.row),
        },
      ),
      section('agreements', 'Agreements', agreementStatements, `No agreements between ${pair} are recorded.`),
      section('figures', 'Figures', figureStatements, `No figures (trade, investment) about ${pair} together are recorded.`),
      section(
        'institutions-a',
        `Institutions involved: ${sideA.name}`,
        institutions(sideA),
        `No ${sideA.name} institutions are recorded in these exchanges.`,
      ),
      section(
        'institutions-b',
        `Institutions involved: ${sideB.name}`,
        institutions(sideB),
        `No ${sideB.name} institutions are recorded in these exchanges.`,
      ),
      section('open-threads', 'Open threads', openThreads, 'No planned visits or unsigned agreements are recorded.'),
    ],
    sources: book.sources(),
  };
}

export function formatAmount(value: number, unit: string): string {
  if (unit === 'USD') {
    if (value >= 1e9) return `$${trim(value / 1e9)} billion`;
    if (value >= 1e6) return `$${trim(value / 1e6)} million`;
    return `$${value.toLocaleString('en-US')}`;
  }
  if (unit === 't' && value >= 1e6) return `${trim(value / 1e6)} million tonnes`;
  return `${value.toLocaleString('en-US')} ${unit}`;
}

function trim(n: number): string {
  return String(Math.round(n * 10) / 10);
}
