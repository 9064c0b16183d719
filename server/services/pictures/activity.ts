// What the pictures are drawn from: the events a person (or the officials of two countries) took part
// in, each with its participants and the quotes behind them, read once and shared by the timeline, the
// summary card and the dossier's summary.
import type { PictureEvent } from '../../../domain/pictures.ts';
import type { GraphReader } from '../../../graph/reader.ts';
import { read, type RowOf } from '../../../graph/queries/read.ts';
import { periodBound } from '../../../domain/period.ts';
import { collectEvidence, loadQuoteBook, withoutContained, type Quote, type QuoteBook } from '../evidence.ts';

export interface ActivityParticipant {
  id: string;
  type: string;
  name: string;
  role: string;
  represents: string | null;
  delegation: boolean;
  inferred: boolean;
  evidence: string[];
}

export interface ActivityEvent extends PictureEvent {
  place: string | null;
  partOf: { id: string; name: string; kind: string } | null;
  participants: ActivityParticipant[];
  evidence: string[];
}

export interface Activity {
  events: ActivityEvent[];
  /** The event limit cut the list (earliest first). */
  truncated: boolean;
  book: QuoteBook;
}

export interface Window {
  from?: string | undefined;
  to?: string | undefined;
}

function participant(p: RowOf<'meeting-details'>['participants'][number]): ActivityParticipant {
  return {
    id: p.id,
    type: p.type.toLowerCase(),
    name: p.name,
    role: p.role,
    represents: p.represents,
    delegation: p.delegation === true,
    inferred: p.inferred === true,
    evidence: p.evidence ?? [],
  };
}

/** The full record of events by id (cypher/meeting-details.cypher), with the articles they cite. */
export async function eventsById(reader: GraphReader, ids: readonly string[]): Promise<{ events: ActivityEvent[]; book: QuoteBook }> {
  const rows = ids.length ? await read(reader, 'meeting-details', { ids: [...ids] }) : [];
  const book = await loadQuoteBook(reader, collectEvidence(rows));
  const events = rows.map((row): ActivityEvent => {
    const { event: e, partOf } = row;
    return {
      id: e.id,
      title: e.title ?? e.id,
      kind: String(e.kind),
      status: e.status ?? 'held',
      start: e.start,
      end: e.end,
      datePrecision: e.datePrecision,
      place: row.place ? String(row.place.name) : null,
      partOf: partOf ? { id: partOf.id, name: String(partOf.name), kind: String(partOf.kind) } : null,
      participants: row.participants.map(participant),
      evidence: row.evidence ?? [],
    };
  });
  return { events, book };
}

/** The events a person took part in (not merely mentioned), earliest first, undated last. */
export async function personActivity(reader: GraphReader, person: string, window: Window, limit: number): Promise<Activity> {
  const idRows = await read(reader, 'picture-person-events', {
    person,
    from: periodBound(window.from, 'start'),
    to: periodBound(window.to, 'end'),
    limit: limit + 1,
  });
  const ids = idRows.slice(0, limit).map((r) => r.id);
  const { events, book } = await eventsById(reader, ids);
  return { events: inOrder(events, ids), truncated: idRows.length > limit, book };
}

/** Events between officials of two countries (the bilateral report's selection), inside the window. */
export async function pairActivity(reader: GraphReader, a: string, b: string, window: Window, limit: number): Promise<Activity> {
  const idRows = await read(reader, 'report-bilateral-events', { a, b });
  const ids = idRows.map((r) => r.id);
  const { events: all, book } = await eventsById(reader, ids);
  const inside = all.filter((e) => withinWindow(e, window));
  return { events: inOrder(inside, ids).slice(0, limit), truncated: inside.length > limit, book };
}

function inOrder(events: ActivityEvent[], ids: readonly string[]): ActivityEvent[] {
  const rank = new Map(ids.map((id, i) => [id, i]));
  return [...events].sort((x, y) => (rank.get(x.id) ?? 0) - (rank.get(y.id) ?? 0));
}

/** Wholly inside the window, as the API's windows everywhere; undated events are in no window. */
export function withinWindow(e: { start: string | null; end: string | null }, window: Window): boolean {
  if (!window.from && !window.to) return true;
  if (!e.start) return false;
  const from = periodBound(window.from, 'start')?.toString();
  const to = periodBound(window.to, 'end')?.toString();
  return (!from || e.start >= from) && (!to || (e.end ?? e.start) <= to);
}

/** Present participants: the roles of those who took part (a mentioned person did not). */
export const present = (e: ActivityEvent): ActivityParticipant[] => e.participants.filter((p) => p.role !== 'mentioned');

/** The quotes that say a participant took part in an event: the event's own and the participation's. */
export function eventQuotes(book: QuoteBook, e: ActivityEvent, ...who: (ActivityParticipant | undefined)[]): Quote[] {
  return withoutContained(book.quotes([...e.evidence, ...who.flatMap((p) => p?.evidence ?? [])]));
}
