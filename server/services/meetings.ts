// Who met whom: meetings by person, by pair, by country and by date window, each with its event,
// place, participants (role, country represented, inferred or stated), and the quotes behind it.
import { MEETING_KINDS } from '../../domain/model.ts';
import type { RecordText } from '../../domain/record-text.ts';
import type { MeetingsQuery } from '../contracts/requests.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { read, type RowOf } from '../../graph/queries/read.ts';
import { periodBound } from '../../domain/period.ts';
import { collectEvidence, loadQuoteBook, type QuoteBook } from './evidence.ts';
import { resolveEntity } from './search.ts';
import type { Meeting, MeetingsAnswer, Participant } from '../../domain/contracts/entities.ts';

export type { Meeting, MeetingsAnswer, Participant };

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
  const resolveId = async (ref: string | undefined, param: string, type: 'person' | 'country') =>
    ref ? (await resolveEntity(reader, ref, param, type)).id : null;
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
  const book = await loadQuoteBook(
    reader,
    collectEvidence(details),
    details.flatMap((row) => row.sources ?? []),
  );
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
