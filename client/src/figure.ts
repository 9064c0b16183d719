// What a figure of the graph says besides the picture: its sources, one line each, or grouped by
// publisher when there are many (an imported dataset's hundreds of records are one line). Pure.
import { formatDate } from './dates.ts';
import type { SourceInfo } from './types.ts';

/** Above this many sources, a publisher's sources are one line with their count and date range. */
const LIST_UP_TO = 8;

export function sourceLines(sources: readonly SourceInfo[]): string[] {
  const unique = [...new Map(sources.map((s) => [s.id, s])).values()];
  if (unique.length <= LIST_UP_TO)
    return unique.map(
      (s) => `${s.title ?? s.id}${s.publisher ? ` — ${s.publisher}` : ''}${s.published ? `, ${formatDate(s.published, 'day')}` : ''}`,
    );
  const byPublisher = new Map<string, SourceInfo[]>();
  for (const s of unique)
    byPublisher.set(s.publisher ?? 'Unknown publisher', [...(byPublisher.get(s.publisher ?? 'Unknown publisher') ?? []), s]);
  return [...byPublisher.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([publisher, list]) => {
      const dates = list
        .map((s) => s.published)
        .filter((d): d is string => !!d)
        .sort();
      const range = dates.length ? `, ${formatDate(dates[0], 'day')} – ${formatDate(dates.at(-1), 'day')}` : '';
      if (list.length === 1) return `${list[0]!.title ?? list[0]!.id} — ${publisher}${range}`;
      return `${publisher}: ${list.length} sources${range}`;
    });
}
