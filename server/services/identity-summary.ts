// One line that tells a person from a namesake — "President · Syria · 2000–2011" — and badges that
// say how far the sources identify them. Defined once: search hits, the entity answer, path nodes and
// reports carry the same object (cypher/identity-summaries.cypher + identitySummary below).
import { searchWords } from '../../domain/gazetteer.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { read } from '../../graph/queries/read.ts';

import type { BadgeKind, IdentityBadge, IdentitySummary } from '../../domain/contracts/common.ts';

export type { BadgeKind, IdentityBadge, IdentitySummary };

export interface IdentityFacts {
  name: string;
  note?: string | null;
  titles: { title: string; country: string | null; first: number | null; last: number | null }[];
  eventYears: number[];
  represents: string[];
  linked: boolean;
}

export const BADGE_TEXT: Record<BadgeKind, string> = {
  'surname-only': 'named by surname only in the sources',
  'linked-by-rule': 'identified in some records by a rule (surname, office and date), not by full name',
};

function yearSpan(years: readonly number[]): string | null {
  if (years.length === 0) return null;
  const from = Math.min(...years);
  const to = Math.max(...years);
  return from === to ? String(from) : `${from}–${to}`;
}

/** Pure: the summary of one person from what the graph says about them. */
export function identitySummary(facts: IdentityFacts): IdentitySummary {
  const titles = [...facts.titles].sort(
    (a, b) => (b.last ?? -Infinity) - (a.last ?? -Infinity) || (b.first ?? -Infinity) - (a.first ?? -Infinity),
  );
  const latest = titles[0];
  const country = latest?.country ?? (facts.represents.length === 1 ? facts.represents[0]! : null);
  const titleYears = titles.flatMap((t) => [t.first, t.last]).filter((y): y is number => typeof y === 'number');
  const years = yearSpan(titleYears.length ? titleYears : facts.eventYears);
  const badges: IdentityBadge[] = [];
  if (searchWords(facts.name).length === 1) badges.push({ kind: 'surname-only', text: BADGE_TEXT['surname-only'] });
  if (facts.linked) badges.push({ kind: 'linked-by-rule', text: BADGE_TEXT['linked-by-rule'] });
  return { title: latest?.title ?? null, country, years, label: [latest?.title, country, years].filter(Boolean).join(' · '), badges };
}

/** Summaries of the people among `ids` (other ids are left out), in one round trip. */
export async function identitySummaries(reader: GraphReader, ids: readonly string[]): Promise<Map<string, IdentitySummary>> {
  const people = [...new Set(ids.filter((id) => id.startsWith('person:')))];
  if (people.length === 0) return new Map();
  const rows = await read(reader, 'identity-summaries', { ids: people });
  return new Map(
    rows.map((row) => [
      row.id,
      identitySummary({
        name: row.name,
        note: row.note,
        titles: row.titles,
        eventYears: row.eventYears,
        represents: row.represents,
        linked: row.linked,
      }),
    ]),
  );
}
