// Who met whom: meetings by person, by pair, by country and by date window, each with its event,
// place, participants (role, country represented, inferred or stated), and the quotes behind it.
import { MEETING_KINDS } from '../../domain/model.ts';
import type { RecordText } from '../../domain/record-text.ts';
import type { MeetingsQuery } from '../contracts/requests.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { periodBound } from '../../domain/period.ts';
import type { Plain } from '../../graph/values.ts';
import { collectEvidence, loadQuoteBook, type Quote, type QuoteBook } from './evidence.ts';
import { resolveEntity } from './search.ts';
import type { Meeting, MeetingsAnswer, Participant } from '../../domain/contracts/entities.ts';

type Props = Record<string, Plain>;

export type { Meeting, MeetingsAnswer, Participant };

function participant(p: Props, quotes: (keys: Plain | undefined) => Quote[]): Participant {
  return {
    id: p.id as string,
    type: String(p.type).toLowerCase(),
    name: p.name as string,
    role: p.role as string,
    represents: (p.represents as string | null) ?? null,
    officialRole: (p.officialRole as string | null) ?? null,
    delegation: p.delegation === true,
    inferred: p.inferred === true,
    rule: (p.rule as string | null) ?? null,
    evidence: quotes(p.evidence),
  };
}

export async function findMeetings(reader: GraphReader, query: MeetingsQuery): Promise<MeetingsAnswer> {
  const resolveId = async (ref: string | undefined, param: string, type: 'person' | 'country') => (ref ? (await resolveEntity(reader, ref, param, type)).id : null);
  const [person, other, country] = await Promise.all([
    resolveId(query.person, 'person', 'person'),
    resolveId(query.with, 'with', 'person'),
    resolveId(query.country, 'country', 'country'),
  ]);
  const window = { from: periodBound(query.from, 'start'), to: periodBound(query.to, 'end') };
  const common = { ...window, meetingKinds: [...MEETING_KINDS], limit: query.limit };
  const idRows = person
    ? await reader.rows('meetings-by-person', { ...common, person, with: other, country })
    : country
      ? await reader.rows('meetings-by-country', { ...common, country })
      : await reader.rows('meetings-all', common);
  const details = idRows.length ? await reader.rows('meeting-details', { ids: idRows.map((r) => r.id) }) : [];
  const book = await loadQuoteBook(reader, collectEvidence(details), details.flatMap((row) => (row.sources as string[] | null) ?? []));
  const meetings = details.map((row) => meetingOf(row, book));
  return {
    query: { person, with: other, country, from: query.from ?? null, to: query.to ?? null },
    meetings,
    sources: book.sources(),
  };
}

/** A meeting-details row as the API answers it, quotes cut from `book`. */
export function meetingOf(row: Props, book: QuoteBook): Meeting {
  const quotes = (keys: Plain | undefined) => book.quotes(keys as string[] | null);
  const participants = (row.participants as Props[]).map((p) => participant(p, quotes));
  return {
    event: row.event as Meeting['event'],
    place: (row.place as Meeting['place']) ?? null,
    places: (row.places as Meeting['places'] | null) ?? [],
    country: (row.country as Meeting['country']) ?? null,
    partOf: (row.partOf as Meeting['partOf']) ?? null,
    participants,
    mentioned: (row.mentioned as Props[]).map((p) => participant(p, quotes)),
    inferred: participants.some((p) => p.inferred),
    evidence: book.readable(row.evidence as string[] | null),
    records: ((row.sources as string[] | null) ?? []).map((id) => book.record(id)).filter((r): r is RecordText => r !== null),
  };
}
