// The evidence of one drawn line: everything that joins two entities directly — each meeting on a MET
// line with its date, place, kind, source and quote, each title, each participation — in the window.
import type { LinksQuery } from '../contracts/requests.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { read } from '../../graph/queries/read.ts';
import { periodBound } from '../../domain/period.ts';
import { collectEvidence, loadQuoteBook, withoutContained } from './evidence.ts';
import { meetingOf } from './meetings.ts';
import { resolveEntity } from './search.ts';
import type { Link, LinksAnswer } from '../../domain/contracts/entities.ts';

export type { Link, LinksAnswer };

const BOOKKEEPING = new Set(['evidence', 'sources', 'searchText']);

export async function findLinks(reader: GraphReader, query: LinksQuery): Promise<LinksAnswer> {
  const [a, b] = await Promise.all([resolveEntity(reader, query.a, 'a'), resolveEntity(reader, query.b, 'b')]);
  const window = { from: periodBound(query.from, 'start'), to: periodBound(query.to, 'end') };
  const [row] = await read(reader, 'links-between', { a: a.id, b: b.id, ...window, limit: query.limit });
  const rows = row?.links ?? [];
  const eventIds = [...new Set(rows.map((r) => r.event).filter((id): id is string => !!id))];
  const details = eventIds.length ? await read(reader, 'meeting-details', { ids: eventIds }) : [];
  const book = await loadQuoteBook(
    reader,
    [...collectEvidence(rows), ...collectEvidence(details)],
    details.flatMap((d) => d.sources ?? []),
  );
  const events = new Map(details.map((d) => [d.event.id, meetingOf(d, book)]));
  const links = rows.map((r): Link => {
    const { props } = r;
    const event = r.event ? (events.get(r.event) ?? null) : null;
    const own = book.readable(props.evidence);
    const theirs = event?.evidence ?? [];
    return {
      type: r.type,
      from: r.from,
      to: r.to,
      properties: Object.fromEntries(Object.entries(props).filter(([k]) => !BOOKKEEPING.has(k))),
      evidence: withoutContained(
        own.filter((q) => !theirs.some((t) => t.sourceId === q.sourceId && t.span.start <= q.span.start && q.span.end <= t.span.end)),
      ),
      event,
    };
  });
  const ref = (x: { id: string; type: string; name: string }) => ({ id: x.id, type: x.type, name: x.name });
  return {
    a: ref(a),
    b: ref(b),
    query: { from: query.from ?? null, to: query.to ?? null, limit: query.limit },
    total: row?.total ?? 0,
    links,
    sources: book.sources(),
  };
}
