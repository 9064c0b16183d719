// Journeys on the map. The travel records list stops, not journeys (the data has no journey id), so
// a traveller's stops that follow each other within JOURNEY_GAP_DAYS are drawn as one journey. This
// is a way of drawing, stated in the legend, not a fact about the trip.
export const JOURNEY_GAP_DAYS = 3;

export interface Stop {
  traveller: string;
  event: string;
  start: string | null;
  end: string | null;
}

const DAY = 86_400_000;

/** Journey number per stop event, per traveller, counting from 1 in date order; undated stops get none. */
export function groupJourneys(stops: readonly Stop[], gapDays = JOURNEY_GAP_DAYS): Map<string, number> {
  const out = new Map<string, number>();
  const byTraveller = new Map<string, Stop[]>();
  for (const s of stops) if (s.start) byTraveller.set(s.traveller, [...(byTraveller.get(s.traveller) ?? []), s]);
  let next = 1;
  for (const list of byTraveller.values()) {
    list.sort((x, y) => x.start!.localeCompare(y.start!) || x.event.localeCompare(y.event));
    let lastEnd = -Infinity;
    let current = 0;
    for (const s of list) {
      const start = Date.parse(s.start!);
      if (current === 0 || start - lastEnd > gapDays * DAY) current = next++;
      out.set(`${s.traveller} ${s.event}`, current);
      lastEnd = Math.max(lastEnd, Date.parse(s.end ?? s.start!));
    }
  }
  return out;
}
