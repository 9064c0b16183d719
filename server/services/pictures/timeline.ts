// A timeline of events for a person (one lane per counterpart) or for two countries (one lane per
// official of either side), each mark citing the sentences that say who took part.
import { BadInput } from '../../../domain/errors.ts';
import type { TimelineQuery } from '../../contracts/requests.ts';
import type { GraphReader } from '../../../graph/reader.ts';
import type { TimelineAnswer, TimelineItem, TimelineLane } from '../../../domain/pictures.ts';
import type { Quote } from '../evidence.ts';
import { resolveEntity } from '../search.ts';
import {
  eventQuotes,
  pairActivity,
  personActivity,
  present,
  type Activity,
  type ActivityEvent,
  type ActivityParticipant,
} from './activity.ts';

export type { TimelineAnswer, TimelineItem, TimelineLane };

/** The lane an event is drawn in when no counterpart is named. */
export const NO_COUNTERPART = { id: 'none', type: 'none', name: 'no counterpart named' } as const;

const iso = (countryId: string | null) => (countryId ? countryId.replace(/^country:/, '') : null);

interface Mark {
  lane: { id: string; type: string; name: string; country: string | null };
  event: ActivityEvent;
  role: string | null;
  inferred: boolean;
  citations: Quote[];
}

/** A person's counterparts in an event: the other people present, else the bodies or countries present. */
export function counterparts(e: ActivityEvent, subject: string): ActivityParticipant[] {
  const others = present(e).filter((p) => p.id !== subject);
  const people = others.filter((p) => p.type === 'person');
  return people.length ? people : others;
}

function personMarks(activity: Activity, subject: string): Mark[] {
  return activity.events.flatMap((e) => {
    const self = present(e).find((p) => p.id === subject);
    const others = counterparts(e, subject);
    const lanes = others.length
      ? others.map((o) => ({
          lane: { id: o.id, type: o.type, name: o.name, country: iso(o.represents ?? (o.type === 'country' ? o.id : null)) },
          who: o,
        }))
      : [{ lane: { ...NO_COUNTERPART, country: null }, who: undefined }];
    return lanes.map(({ lane, who }) => ({
      lane,
      event: e,
      role: self?.role ?? null,
      inferred: !!(self?.inferred || who?.inferred),
      citations: eventQuotes(activity.book, e, self, who),
    }));
  });
}

function pairMarks(activity: Activity, sides: readonly { id: string; name: string }[]): Mark[] {
  const ids = new Set(sides.map((s) => s.id));
  return activity.events.flatMap((e) => {
    const officials = present(e).filter((p) => p.type === 'person' && p.represents !== null && ids.has(p.represents));
    if (officials.length) {
      return officials.map((o) => ({
        lane: { id: o.id, type: o.type, name: o.name, country: iso(o.represents) },
        event: e,
        role: o.role,
        inferred: o.inferred,
        citations: eventQuotes(activity.book, e, o),
      }));
    }
    // No official named for either side (a delegation, a body): one lane per side taking part.
    const bodies = present(e).filter((p) => ids.has(p.id) || (p.represents !== null && ids.has(p.represents)));
    return bodies.map((p) => {
      const side = sides.find((s) => s.id === p.id || s.id === p.represents)!;
      return {
        lane: { id: `${side.id}#unnamed`, type: 'country', name: `${side.name}: no official named`, country: iso(side.id) },
        event: e,
        role: p.role,
        inferred: p.inferred,
        citations: eventQuotes(activity.book, e, p),
      };
    });
  });
}

/** Groups marks into lanes, busiest first (then earliest), keeping the first `max` lanes. */
export function laneUp(
  marks: readonly Mark[],
  max: number,
): { lanes: TimelineLane[]; items: TimelineItem[]; otherLanes: TimelineAnswer['otherLanes'] } {
  const byLane = new Map<string, { lane: TimelineLane; marks: Mark[] }>();
  for (const mark of marks) {
    const entry = byLane.get(mark.lane.id) ?? { lane: { ...mark.lane, events: 0, first: null }, marks: [] };
    entry.marks.push(mark);
    entry.lane.events += 1;
    if (mark.event.start && (!entry.lane.first || mark.event.start < entry.lane.first)) entry.lane.first = mark.event.start;
    byLane.set(mark.lane.id, entry);
  }
  const ranked = [...byLane.values()].sort(
    (x, y) =>
      y.lane.events - x.lane.events ||
      (x.lane.first ?? '9999').localeCompare(y.lane.first ?? '9999') ||
      x.lane.name.localeCompare(y.lane.name),
  );
  const kept = ranked.slice(0, max);
  const rest = ranked.slice(max);
  return {
    lanes: kept.map((k) => k.lane),
    items: kept.flatMap((k) =>
      k.marks.map((m) => ({
        lane: k.lane.id,
        event: {
          id: m.event.id,
          title: m.event.title,
          kind: m.event.kind,
          status: m.event.status,
          start: m.event.start,
          end: m.event.end,
          datePrecision: m.event.datePrecision,
        },
        place: m.event.place,
        role: m.role,
        inferred: m.inferred,
        citations: m.citations,
      })),
    ),
    otherLanes: { lanes: rest.length, items: rest.reduce((n, r) => n + r.marks.length, 0) },
  };
}

export async function timeline(reader: GraphReader, query: TimelineQuery): Promise<TimelineAnswer> {
  const window = { from: query.from, to: query.to };
  let subject: TimelineAnswer['subject'];
  let activity: Activity;
  let marks: Mark[];
  if (query.person) {
    const person = await resolveEntity(reader, query.person, 'person', 'person');
    subject = { kind: 'person', person: { id: person.id, name: person.name } };
    activity = await personActivity(reader, person.id, window, query.limit);
    marks = personMarks(activity, person.id);
  } else {
    const [a, b] = await Promise.all([resolveEntity(reader, query.a!, 'a', 'country'), resolveEntity(reader, query.b!, 'b', 'country')]);
    if (a.id === b.id) throw new BadInput('b: must be a different country from a', 'b');
    subject = { kind: 'pair', a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name } };
    activity = await pairActivity(reader, a.id, b.id, window, query.limit);
    marks = pairMarks(activity, [subject.a, subject.b]);
  }
  const grouped = laneUp(marks, query.lanes);
  const cited = new Set(grouped.items.flatMap((i) => i.citations.map((c) => c.sourceId)));
  return {
    subject,
    window: { from: query.from ?? null, to: query.to ?? null },
    ...grouped,
    undated: activity.events.filter((e) => !e.start).length,
    events: activity.events.length,
    truncated: activity.truncated,
    sources: activity.book.sources().filter((s) => cited.has(s.id)),
  };
}
