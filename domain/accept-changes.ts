// What a reviewed draft would change in the graph, and the reviewer's choices about it. Accepting
// an article adds — its article, sources and evidence, aliases, titles, relationships — but a value
// the graph already holds for an entity, event or participation (a kind, a note, a status, a date, a
// role) is only replaced when someone chosen so: each such difference is a change, listed with the
// current and the proposed value, and "keep" makes the write leave the current value as it is. Pure:
// the current state comes in as data (plain values: dates as their ISO text).
import { CalendarDay } from './period.ts';
import type { EventRow, WritePlan } from './plan.ts';
import type { PropertyChange } from './contracts/common.ts';

/** One property of something in the graph that the draft would set to another value (the API's contract). */
export type { PropertyChange };

export interface Choice {
  id: string;
  property: string;
  choice: 'keep' | 'replace';
}

/** An entity or event as the graph has it now (see cypher/accept-entities.cypher). */
export interface ExistingEntity {
  id: string;
  label: string;
  name: string;
  aliases: string[];
  props: Record<string, unknown>;
}

export interface ExistingParticipation {
  who: string;
  event: string;
  role: string | null;
  represents: string | null;
  officialRole: string | null;
  delegation: boolean;
}

export const participationKey = (who: string, event: string) => `${who} → ${event}`;
const choiceKey = (id: string, property: string) => `${id}#${property}`;

/** Values as plain JSON (a day as its ISO text), so the graph's and the plan's compare and serialise. */
function plain(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof CalendarDay) return value.iso;
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(plain(a)) === JSON.stringify(plain(b));

const RANK: Record<string, number> = { day: 3, month: 2, year: 1 };

/** The date upsert-events would write over the event's current one, if any (the rule of that query). */
function dateReplaced(row: EventRow, current: Record<string, unknown>): boolean {
  if (!row.date) return false;
  const known = RANK[String(current.datePrecision ?? 'unknown')] ?? 0;
  const proposed = RANK[row.date.precision] ?? 0;
  const replaces = proposed > known || (current.dateBasis === 'inherited' && proposed > 0);
  return replaces && !(same(current.dateText, row.date.text) && same(current.datePrecision, row.date.precision));
}

/** Every property the plan would change on what already exists. */
export function findChanges(
  plan: WritePlan,
  entities: ReadonlyMap<string, ExistingEntity>,
  participations: ReadonlyMap<string, ExistingParticipation>,
): PropertyChange[] {
  const changes: PropertyChange[] = [];
  for (const [label, rows] of plan.entities) {
    for (const row of rows) {
      const current = entities.get(row.id);
      if (!current) continue;
      for (const [property, proposed] of Object.entries(row.props)) {
        if (!same(current.props[property], proposed))
          changes.push({ id: row.id, label, property, current: plain(current.props[property]), proposed: plain(proposed) });
      }
    }
  }
  for (const row of plan.events) {
    const current = entities.get(row.id);
    if (!current) continue;
    for (const [property, proposed] of Object.entries(row.props)) {
      if (!same(current.props[property], proposed))
        changes.push({ id: row.id, label: 'Event', property, current: plain(current.props[property]), proposed: plain(proposed) });
    }
    // held wins over planned (a later report of a planned event), so only planned → held is a change.
    if (current.props.status !== 'held' && row.status === 'held' && !same(current.props.status, row.status)) {
      changes.push({ id: row.id, label: 'Event', property: 'status', current: plain(current.props.status), proposed: row.status });
    }
    if (dateReplaced(row, current.props)) {
      changes.push({ id: row.id, label: 'Event', property: 'date', current: plain(current.props.dateText), proposed: row.date!.text });
    }
  }
  for (const row of plan.participations) {
    const current = participations.get(participationKey(row.who, row.event));
    if (!current) continue;
    const proposed = { role: row.role, represents: row.represents, officialRole: row.officialRole, delegation: row.delegation };
    for (const [property, value] of Object.entries(proposed)) {
      const now = current[property as keyof typeof proposed];
      if (!same(now, value))
        changes.push({
          id: participationKey(row.who, row.event),
          label: 'PARTICIPATED_IN',
          property,
          current: plain(now),
          proposed: value,
        });
    }
  }
  return changes;
}

export interface Chosen {
  plan: WritePlan;
  replaced: PropertyChange[];
  kept: PropertyChange[];
  /** Changes no decision covers (left as they are in the plan: the caller must not write it). */
  undecided: PropertyChange[];
}

/**
 * Applies the choices to the plan: "keep" makes each row carry the graph's current value (or drop the
 * property when the graph has none), so the upserts leave it as it is; "replace" leaves the draft's.
 * `otherwise` decides what no decision covers ("ask": reported as undecided).
 */
export function applyChoices(
  plan: WritePlan,
  changes: readonly PropertyChange[],
  choices: readonly Choice[],
  otherwise: 'ask' | 'keep',
  entities: ReadonlyMap<string, ExistingEntity>,
  participations: ReadonlyMap<string, ExistingParticipation>,
): Chosen {
  const chosen = new Map(choices.map((d) => [choiceKey(d.id, d.property), d.choice]));
  const out: Chosen = { plan: copyPlan(plan), replaced: [], kept: [], undecided: [] };
  for (const change of changes) {
    const choice = chosen.get(choiceKey(change.id, change.property)) ?? (otherwise === 'keep' ? 'keep' : undefined);
    if (choice === 'replace') out.replaced.push(change);
    else if (choice === 'keep') {
      out.kept.push(change);
      keep(out.plan, change, entities, participations);
    } else out.undecided.push(change);
  }
  return out;
}

function keep(
  plan: WritePlan,
  change: PropertyChange,
  entities: ReadonlyMap<string, ExistingEntity>,
  participations: ReadonlyMap<string, ExistingParticipation>,
): void {
  if (change.label === 'PARTICIPATED_IN') {
    const row = plan.participations.find((p) => participationKey(p.who, p.event) === change.id)!;
    const current = participations.get(change.id)!;
    const property = change.property as 'role' | 'represents' | 'officialRole' | 'delegation';
    (row as unknown as Record<string, unknown>)[property] = current[property];
    return;
  }
  const current = entities.get(change.id)!;
  const row =
    change.label === 'Event'
      ? plan.events.find((e) => e.id === change.id)
      : plan.entities.get(change.label as never)?.find((e) => e.id === change.id);
  if (!row) return;
  if (change.label === 'Event' && change.property === 'status') (row as EventRow).status = String(current.props.status);
  else if (change.label === 'Event' && change.property === 'date') (row as EventRow).date = null;
  else if (current.props[change.property] === null || current.props[change.property] === undefined) delete row.props[change.property];
  else row.props[change.property] = current.props[change.property];
}

/** A copy of the plan whose rows can be changed without touching the original. */
function copyPlan(plan: WritePlan): WritePlan {
  const rows = <T extends object>(list: readonly T[]) =>
    list.map((row) => ({ ...row, ...('props' in row ? { props: { ...(row as { props: object }).props } } : {}) }));
  return {
    ...plan,
    entities: new Map([...plan.entities].map(([label, list]) => [label, rows(list)])),
    events: rows(plan.events),
    links: new Map([...plan.links].map(([type, list]) => [type, rows(list)])),
    titles: rows(plan.titles),
    participations: rows(plan.participations),
  };
}
