// Readable text for the command line: who met whom, paths hop by hop, each with its quotes.
import type { EntityProfile } from '../services/entities.ts';
import { withoutContained, type Quote } from '../services/evidence.ts';
import type { Meeting, MeetingsAnswer } from '../services/meetings.ts';
import type { PathsAnswer } from '../services/paths.ts';
import type { SearchHit } from '../services/search.ts';
import { formatPeriod } from '../../domain/period.ts';

/** Each quote once; a quote lying inside a longer one from the same article is not repeated. */
function quoteLines(quotes: Quote[], indent: string): string[] {
  return withoutContained(quotes).map((q) => `${indent}“${q.quote}” [${q.sourceId.replace(/^source:/, '')}]`);
}

function meetingLines(m: Meeting): string[] {
  const when = formatPeriod(m.event.start, m.event.datePrecision);
  const where = m.place ? ` in ${String(m.place.name)}` : '';
  const lines = [
    `• ${when}${where} — ${String(m.event.title)} (${String(m.event.kind)})${m.inferred ? ' [includes an inferred participant]' : ''}`,
  ];
  for (const p of m.participants) {
    const extra = [
      p.role,
      p.represents?.replace(/^country:/, ''),
      p.officialRole && `as ${p.officialRole}`,
      p.delegation && 'delegation',
      p.inferred && `inferred: ${p.rule}`,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`    ${p.name} (${extra})`);
  }
  if (m.mentioned.length) lines.push(`    only mentioned, not present: ${m.mentioned.map((p) => p.name).join(', ')}`);
  lines.push(...quoteLines([...m.evidence, ...m.participants.flatMap((p) => p.evidence)], '      '));
  return lines;
}

export function formatMeetings(answer: MeetingsAnswer): string {
  if (answer.meetings.length === 0) return 'No meetings found.';
  return [`${answer.meetings.length} meeting(s):`, ...answer.meetings.flatMap(meetingLines)].join('\n');
}

export function formatPaths(answer: PathsAnswer): string {
  const { query } = answer;
  if (answer.paths.length === 0) {
    return `No path from ${query.from} to ${query.to} through ${query.via === 'meetings' ? 'meetings' : 'any relationship'} within ${query.maxHops} hops.`;
  }
  return answer.paths
    .flatMap((path, i) => {
      const names = new Map(path.nodes.map((n) => [n.id, n.name]));
      const lines = [`Path ${i + 1} (${path.length} hop${path.length === 1 ? '' : 's'}): ${path.nodes.map((n) => n.name).join(' → ')}`];
      path.hops.forEach((hop, h) => {
        const when = hop.date ? formatPeriod(hop.date, hop.datePrecision) : 'undated';
        const count =
          hop.linkCount > 1
            ? ` (${hop.linkCount} links${hop.linkCount > hop.links.length ? `, the first ${hop.links.length} quoted` : ''})`
            : '';
        lines.push(
          `  ${h + 1}. ${names.get(hop.from)} —${hop.type}${hop.inferred ? ' (inferred)' : ''}, ${when}→ ${names.get(hop.to)}${count}`,
        );
        lines.push(...quoteLines(hop.evidence, '       '));
      });
      return lines;
    })
    .join('\n');
}

export function formatSearch(results: SearchHit[]): string {
  if (results.length === 0) return 'Nothing found.';
  return results.map((r) => `${r.name}  (${r.type}, ${r.id})${r.aliases.length ? `  aka ${r.aliases.join(', ')}` : ''}`).join('\n');
}

export function formatEntity(profile: EntityProfile): string {
  const lines = [`${profile.entity.name} (${profile.entity.type}, ${profile.entity.id})`];
  if (typeof profile.entity.note === 'string') lines.push(`  note: ${profile.entity.note}`);
  for (const t of profile.titles)
    lines.push(
      `  ${t.title}, ${t.at.name} (attested ${formatPeriod(t.firstSeen, 'day')}${t.lastSeen !== t.firstSeen ? ` – ${formatPeriod(t.lastSeen, 'day')}` : ''})`,
    );
  for (const e of profile.events)
    lines.push(
      `  ${formatPeriod(e.event.start, e.event.datePrecision)}: ${String(e.event.name)} — ${String(e.role)}${e.inferred ? ' (inferred)' : ''}`,
    );
  if (profile.met.length) lines.push(`  met: ${profile.met.map((m) => `${m.person.name} ×${m.count}`).join(', ')}`);
  lines.push(`  sources: ${profile.sources.map((s) => `${s.title ?? s.id} (${s.published ?? 'undated'})`).join('; ')}`);
  return lines.join('\n');
}
