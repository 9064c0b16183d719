// Whether a path's hops can be read in time order: hop i is "earlier" when every dated link of it lies
// before the earliest date the hops before it can have reached (so no chain of meetings along the path
// runs forward in time through it); the chain then starts again from that hop. Undated hops neither
// move nor break the chain. Pure: no DOM.
import type { PathHop } from './types.ts';

export type HopOrder = 'ok' | 'earlier' | 'undated';

const day = (d: string | null | undefined) => (d ? d.slice(0, 10) : null);

export function hopOrder(
  hops: readonly (Pick<PathHop, 'date' | 'lastDate'> & { links: readonly Pick<PathHop['links'][number], 'date'>[] })[],
): HopOrder[] {
  let reached: string | null = null;
  return hops.map((hop) => {
    const first = day(hop.date);
    const last = day(hop.lastDate ?? null) ?? first;
    if (!first || !last) return 'undated';
    if (reached && last < reached) {
      // The chain breaks here; it starts again from this hop, so the next hop is judged against this one.
      reached = first;
      return 'earlier';
    }
    // The earliest link of this hop on or after what was reached (the listed ones; else the bound stays).
    const dates = hop.links
      .map((l) => day(l.date ?? null))
      .filter((d): d is string => d !== null)
      .sort();
    const next = reached ? (dates.find((d) => d >= reached!) ?? reached) : first;
    reached = next;
    return 'ok';
  });
}
