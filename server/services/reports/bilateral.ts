// The bilateral report: what the graph knows about two countries' relations — a dated timeline of
// meetings, visits, calls and forums between their officials; agreements; figures; the institutions
// involved on each side; open threads; sources. Every statement cites the quotes it rests on.
import type { GraphReader, Row } from '../../../graph/reader.ts';
import type { Plain } from '../../../graph/values.ts';
import { parseEvidenceKey } from '../../../domain/source-text.ts';
import { collectEvidence, loadQuoteBook, type Quote } from '../evidence.ts';
import { resolveEntity } from '../search.ts';
import { formatPeriod } from '../../../domain/period.ts';
import { listText } from '../text.ts';
import { cited, citationsFrom, describeParty, isBareCountry, type Report, type ReportSection, type Statement } from './model.ts';

type Props = Record<string, Plain>;

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
  meeting: 'Meeting', talks: 'Talks', call: 'Call', visit: 'Visit', forum: 'Forum', session: 'Session',
  summit: 'Summit', signing: 'Signing', exhibition: 'Exhibition', mission: 'Mission',
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
  const nearest = [...titles].sort((x, y) => distance(x.firstSeen, target) - distance(y.firstSeen, target) || x.title.localeCompare(y.title))[0];
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

  const eventIds = (await reader.rows('report-bilateral-events', params)).map((r) => r.id as string);
  const [events, agreements, figures] = await Promise.all([
    eventIds.length ? reader.rows('meeting-details', { ids: eventIds }) : Promise.resolve([] as Row[]),
    reader.rows('report-bilateral-agreements', params),
    reader.rows('report-bilateral-figures', params),
  ]);
  const personIds = [...new Set(events.flatMap((e) => (e.participants as Props[]).filter((p) => p.type === 'Person').map((p) => p.id as string)))];
  const titles = personIds.length ? ((await reader.rows('titles-of-people', { ids: personIds })) as unknown as TitleRow[]) : [];
  const orgIds = [
    ...new Set([
      ...events.flatMap((e) => (e.participants as Props[]).filter((p) => p.type === 'Organization').map((p) => p.id as string)),
      ...titles.filter((t) => t.at.type === 'Organization').map((t) => t.at.id as string),
      ...agreements.flatMap((g) => [...(g.partiesA as Props[]), ...(g.partiesB as Props[])].map((p) => p.id as string)).filter((id) => id.startsWith('org:')),
    ]),
  ];
  const orgs = orgIds.length ? await reader.rows('countries-of-organizations', { ids: orgIds }) : [];
  const book = await loadQuoteBook(reader, [...collectEvidence(events), ...collectEvidence(agreements), ...collectEvidence(figures), ...collectEvidence(titles)]);
  const cite = (keys: Plain | undefined): Quote[] => book.quotes(keys as string[] | null);
  const statement = (text: string, quotes: Quote[], data: Statement['data']): Statement => ({ text, citations: citationsFrom(quotes, book), data });
  const titlesOf = (id: string) => titles.filter((t) => t.person === id);
  const countryName = new Map([sideA, sideB].map((side) => [side.id, side.name]));

  // Timeline: one row per event, who acted for which side, with their title at the time.
  const timeline = events.map((row) => {
    const event = row.event as Props;
    const eventSources = sourcesOfEvidence((row.evidence as string[] | null) ?? []);
    const quotes = [...cite(row.evidence)];
    const people = (row.participants as Props[]).filter((p) => !isBareCountry(p)).map((p) => {
      quotes.push(...cite(p.evidence));
      const represents = countryName.get(p.represents as string) ?? (p.represents ? String(p.represents).replace('country:', '') : null);
      if (p.type !== 'Person') {
        return `${describeParty(p)}${p.role && p.role !== 'participant' ? `, ${String(p.role).replace(/_/g, ' ')}` : ''}`;
      }
      const held = titlesAtTheTime(titlesOf(p.id as string), eventSources, event.start ?? null);
      for (const title of held) {
        // Cite the title from the event's own article when it states it there.
        const own = title.evidence.filter((key) => eventSources.includes(parseEvidenceKey(key)?.sourceId ?? ''));
        quotes.push(...cite(own.length ? own : title.evidence));
      }
      const office = held.length ? held.map((t) => `${t.title}${t.at.type === 'Organization' ? `, ${String(t.at.name)}` : ''}`).join(' and ') : null;
      const detail = [office, represents && !office?.includes(represents) ? represents : null, p.role !== 'participant' ? String(p.role).replace(/_/g, ' ') : null]
        .filter(Boolean)
        .join('; ');
      return `${String(p.name)}${detail ? ` (${detail})` : ''}${p.inferred ? ` — inferred: ${p.rule === 'delegation-head' ? 'the text names the delegation, which this person led' : String(p.rule)}` : ''}`;
    });
    const mentioned = (row.mentioned as Props[]).map((p) => String(p.name));
    const when = formatPeriod(event.start, event.datePrecision);
    const place = row.place ? ` in ${String((row.place as Props).name)}` : '';
    const status = event.status === 'planned' ? ' (planned)' : '';
    const kind = KIND_WORD[event.kind as string] ?? String(event.kind);
    const within = row.partOf ? `, part of ${String((row.partOf as Props).name)}` : '';
    const text =
      `${when} — ${kind}${status}${place}${within}: ${String(event.title)}. ` +
      (people.length ? `Taking part: ${listText(people)}.` : '') +
      (mentioned.length ? ` Mentioned but not present: ${listText(mentioned)}.` : '');
    return {
      statement: statement(text, quotes, {
        eventId: event.id as string,
        date: when,
        datePrecision: event.datePrecision as string,
        kind: event.kind as string,
        status: event.status as string,
        place: row.place ? ((row.place as Props).name as string) : null,
        inferred: (row.participants as Props[]).some((p) => p.inferred === true),
      }),
      row: [when, `${kind}${status}: ${String(event.title)}`, row.place ? String((row.place as Props).name) : '—', people.join('; ') || '—'],
      planned: event.status === 'planned',
    };
  });

  const agreementStatements = agreements.map((g) => {
    const ag = g.agreement as Props;
    const parties = [...(g.partiesA as Props[]), ...(g.partiesB as Props[])].map((p) => String(p.name));
    const at = g.concludedAt as Props | null;
    const status = String(ag.status).replace(/-/g, ' ');
    const when = at ? `, at ${String(at.name)} (${formatPeriod(at.start, at.datePrecision)})` : '';
    return statement(`${String(ag.name)} — ${status}; parties: ${listText(parties)}${when}.`, cite(g.evidence), {
      agreementId: ag.id as string,
      kind: ag.kind as string,
      status: ag.status as string,
      date: at ? formatPeriod(at.start, at.datePrecision) : null,
    });
  });

  const figureStatements = figures.map((f) => {
    const fig = f.figure as Props;
    const amount = formatAmount(fig.value as number, fig.unit as string);
    const qualifier = fig.qualifier && fig.qualifier !== 'exactly' ? `${String(fig.qualifier)} ` : '';
    const period = fig.period ? ` (${String(fig.period)})` : '';
    const change = fig.change ? `; change: ${String(fig.change)}` : '';
    return statement(`${String(fig.name)}${period}: ${qualifier}${amount}${change}.`, cite(f.evidence), {
      figureId: fig.id as string,
      value: fig.value as number,
      unit: fig.unit as string,
      period: (fig.period as string | null) ?? null,
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
          const direct = (e.participants as Props[]).find((p) => p.id === o.id);
          if (direct) {
            roles.push(`took part in ${String((e.event as Props).title)}`);
            quotes.push(...cite(direct.evidence));
          }
        }
        for (const t of titles.filter((t) => t.at.id === o.id)) {
          const name = events.flatMap((e) => e.participants as Props[]).find((p) => p.id === t.person)?.name;
          roles.push(`${String(name)} is its ${t.title}`);
          quotes.push(...cite(t.evidence));
        }
        for (const g of agreements) {
          if ([...(g.partiesA as Props[]), ...(g.partiesB as Props[])].some((p) => p.id === o.id)) {
            roles.push(`party to ${String((g.agreement as Props).name)}`);
            quotes.push(...cite(g.evidence));
          }
        }
        return statement(`${String(o.name)}: ${listText([...new Set(roles)])}.`, quotes, { organizationId: o.id as string, country: side.id });
      });

  const openThreads = [
    ...timeline.filter((t) => t.planned).map((t) => t.statement),
    ...agreementStatements.filter((s) => !SETTLED.has(String(s.data.status))),
  ];

  const section = (id: string, title: string, statements: Statement[], emptyNote: string, table?: ReportSection['table']): ReportSection => {
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
      section('timeline', 'Timeline', timelineKept.map((t) => t.statement), `No meetings, visits, calls or forums between officials of ${pair} are recorded.`, {
        columns: ['Date', 'Event', 'Place', 'Who took part'],
        rows: timelineKept.map((t) => t.row),
      }),
      section('agreements', 'Agreements', agreementStatements, `No agreements between ${pair} are recorded.`),
      section('figures', 'Figures', figureStatements, `No figures (trade, investment) about ${pair} together are recorded.`),
      section('institutions-a', `Institutions involved: ${sideA.name}`, institutions(sideA), `No ${sideA.name} institutions are recorded in these exchanges.`),
      section('institutions-b', `Institutions involved: ${sideB.name}`, institutions(sideB), `No ${sideB.name} institutions are recorded in these exchanges.`),
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

