// The evidence of one drawn line: everything that joins two entities directly — each meeting on a MET
// line with its date, place, kind, source and quote, each title, each participation — in the window.
import type { LinksQuery } from '../contracts/requests.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { periodBound } from '../../domain/period.ts';
import type { Plain } from '../../graph/values.ts';
import { collectEvidence, loadQuoteBook, withoutContained } from './evidence.ts';
import { meetingOf } from './meetings.ts';
import { resolveEntity } from './search.ts';
import type { Link, LinksAnswer } from '../../domain/contracts/entities.ts';

type Props = Record<string, Plain>;

export type { Link, LinksAnswer };

const BOOKKEEPING = new Set(['evidence', 'sources', 'searchText']);

export async function findLinks(reader: GraphReader, query: LinksQuery): Promise<LinksAnswer> {
  const [a, b] = await Promise.all([resolveEntity(reader, query.a, 'a'), resolveEntity(reader, query.b, 'b')]);
  const window = { from: periodBound(query.from, 'start'), to: periodBound(query.to, 'end') };
  const [row] = await reader.rows('links-between', { a: a.id, b: b.id, ...window, limit: query.limit });
  const rows = (row?.links as Props[] | undefined) ?? [];
  const eventIds = [...new Set(rows.map((r) => r.event as string | null).filter((id): id is string => !!id))];
  const details = eventIds.length ? await reader.rows('meeting-details', { ids: eventIds }) : [];
  const book = await loadQuoteBook(reader, [...collectEvidence(rows), ...collectEvidence(details)], details.flatMap((d) => (d.sources as string[] | null) ?? []));
  const events = new Map(details.map((d) => [(d.event as Props).id as string, meetingOf(d, book)]));
  const links = rows.map((r): Link => {
    const props = r.props as Props;
    const event = r.event ? (events.get(r.event as string) ?? null) : null;
    const own = book.readable(props.evidence as string[] | null);
    const theirs = event?.evidence ?? [];
    return {
      type: r.type as string,
      from: r.from as string,
      to: r.to as string,
      properties: Object.fromEntries(Object.entries(props).filter(([k]) => !BOOKKEEPING.has(k))),
      evidence: withoutContained(own.filter((q) => !theirs.some((t) => t.sourceId === q.sourceId && t.span.start <= q.span.start && q.span.end <= t.span.end))),
      event,
    };
  });
  const ref = (x: { id: string; type: string; name: string }) => ({ id: x.id, type: x.type, name: x.name });
  return { a: ref(a), b: ref(b), query: { from: query.from ?? null, to: query.to ?? null, limit: query.limit }, total: (row?.total as number | undefined) ?? 0, links, sources: book.sources() };
}
