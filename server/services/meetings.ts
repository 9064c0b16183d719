// Who met whom: meetings by person, by pair, by country and by date window, each with its event,
// place, participants (role, country represented, inferred or stated), and the quotes behind it.
import { MEETING_KINDS } from '../../domain/model.ts';
import type { RecordText } from '../../domain/record-text.ts';
import type { MeetingsQuery } from '../contracts/requests.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { read, type RowOf } from '../../graph/queries/read.ts';
import { periodBound } from '../../domain/period.ts';
import type { Props } from '../../graph/queries/columns.ts';
import { collectEvidence, loadQuoteBook, type Quote, type QuoteBook, type SourceSummary } from './evidence.ts';
import { resolveEntity } from './search.ts';

export interface Participant {
  id: string;
  type: string;
  name: string;
  role: string;
  represents: string | null;
  officialRole: string | null;
  delegation: boolean;
  inferred: boolean;
  rule: string | null;
  evidence: Quote[];
}

export interface Meeting {
  event: Props;
  place: Props | null;
  /** Where it was held: its own places, else those of the event it is part of. */
  places: Props[];
  country: Props | null;
  partOf: Props | null;
  participants: Participant[];
  /** People the article names in connection with the meeting who did not take part. */
  mentioned: Participant[];
  inferred: boolean;
  /** The event's quotes (an imported record's column lines left out: `records` shows them). */
  evidence: Quote[];
  /** The imported records behind it (place, dates, prose); empty for articles. */
  records: RecordText[];
}

export interface MeetingsAnswer {
  query: { person: string | null; with: string | null; country: string | null; from: string | null; to: string | null };
  meetings: Meeting[];
  sources: SourceSummary[];
}

type MeetingRow = RowOf<'meeting-details'>;

function participant(p: MeetingRow['participants'][number], book: QuoteBook): Participant {
  return {
    id: p.id,
    type: p.type.toLowerCase(),
    name: p.name,
    role: p.role,
    represents: p.represents,
    officialRole: p.officialRole,
    delegation: p.delegation === true,
    inferred: p.inferred === true,
    rule: p.rule,
    evidence: book.quotes(p.evidence),
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
    ? await read(reader, 'meetings-by-person', { ...common, person, with: other, country })
    : country
      ? await read(reader, 'meetings-by-country', { ...common, country })
      : await read(reader, 'meetings-all', common);
  const details = idRows.length ? await read(reader, 'meeting-details', { ids: idRows.map((r) => r.id) }) : [];
  const book = await loadQuoteBook(reader, collectEvidence(details), details.flatMap((row) => row.sources ?? []));
  const meetings = details.map((row) => meetingOf(row, book));
  return {
    query: { person, with: other, country, from: query.from ?? null, to: query.to ?? null },
    meetings,
    sources: book.sources(),
  };
}

/** A meeting-details row as the API answers it, quotes cut from `book`. */
export function meetingOf(row: MeetingRow, book: QuoteBook): Meeting {
  const participants = row.participants.map((p) => participant(p, book));
  return {
    event: row.event,
    place: row.place,
    places: row.places,
    country: row.country,
    partOf: row.partOf,
    participants,
    mentioned: row.mentioned.map((p) => participant(p, book)),
    inferred: participants.some((p) => p.inferred),
    evidence: book.readable(row.evidence),
    records: (row.sources ?? []).map((id) => book.record(id)).filter((r): r is RecordText => r !== null),
  };
}
