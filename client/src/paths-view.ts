// The path finder's answer: each path as a list of hops, each hop with its links and their quotes; the
// hop names the meeting, its place and date (never a raw event id) and says when it runs back in time.
import { h } from './dom.ts';
import { formatDate } from './dates.ts';
import { identityLine } from './identity.ts';
import { hopOrder } from './path-order.ts';
import { quotesDisclosure, type SourceLookup } from './quotes.ts';
import { PATH_COLORS } from './style.ts';
import type { PathHop, PathsAnswer } from './types.ts';

export function renderPaths(answer: PathsAnswer, show: (i: number) => void, open: (id: string) => void, source: SourceLookup): HTMLElement {
  return h(
    'ol.paths',
    {},
    answer.paths.map((path, i) => {
      const name = new Map(path.nodes.map((n) => [n.id, n.name]));
      const summary = new Map(path.nodes.map((n) => [n.id, n.summary]));
      const ends = [path.nodes[0], path.nodes.at(-1)].filter((n) => n?.summary);
      const order = hopOrder(path.hops);
      return h(
        'li.path',
        { class: i === 0 ? 'active' : '', 'data-index': i },
        h('span.path-swatch', { style: `background:${PATH_COLORS[i % PATH_COLORS.length]}`, 'aria-hidden': 'true' }),
        h(
          'button.path-title',
          { type: 'button', onclick: () => show(i), 'aria-label': `Highlight path ${i + 1}` },
          `${path.length} hop${path.length === 1 ? '' : 's'}: `,
          path.nodes.map((n) => n.name).join(' → '),
        ),
        ends.length
          ? h(
              'ul.path-ends',
              {},
              ends.map((n) => h('li', {}, h('span.name', {}, n!.name), ' ', identityLine(n!.summary))),
            )
          : null,
        h(
          'ol.hops',
          {},
          path.hops.map((hop, k) =>
            h(
              'li.hop',
              { class: order[k] === 'earlier' ? 'out-of-order' : '' },
              h('button.link', { type: 'button', onclick: () => open(hop.from) }, name.get(hop.from) ?? hop.from),
              identityLine(summary.get(hop.from)),
              h('span.hop-type', {}, ` ${hop.type === 'MET' ? 'met' : hop.type.toLowerCase().replace(/_/g, ' ')} `),
              h('button.link', { type: 'button', onclick: () => open(hop.to) }, name.get(hop.to) ?? hop.to),
              identityLine(summary.get(hop.to)),
              order[k] === 'earlier'
                ? h(
                    'span.tag.order-tag',
                    { title: 'Every meeting of this hop is before the hops that lead to it' },
                    '⟲ earlier than the previous hop',
                  )
                : null,
              h('div.hop-meta', {}, hopMeta(hop)),
              quotesDisclosure(
                [...hop.links.flatMap((l) => l.evidence), ...(hop.evidence ?? [])].filter(
                  (e, j, all) => all.findIndex((x) => x.quote === e.quote) === j,
                ),
                source,
              ),
            ),
          ),
        ),
      );
    }),
  );
}

/** Where a link happened: its places and country, else its event's name. */
export function linkPlace(link: PathHop['links'][number]): string {
  const info = link.eventInfo;
  if (!info) return '';
  const places = info.places.join(', ');
  return places && info.country ? `${places} (${info.country})` : places || info.country || '';
}

/** The dates and places of a hop's links; a busy pair's hop lists the first few and says how many more there are. */
export function hopMeta(hop: PathHop): string {
  const listed = hop.links
    .map((l) => {
      const place = linkPlace(l);
      return `${formatDate(l.date ?? null, l.datePrecision ?? 'unknown')}${place ? `, ${place}` : ''}${l.inferred ? ' (inferred)' : ''}`;
    })
    .join('; ');
  const more = (hop.linkCount ?? hop.links.length) - hop.links.length;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}
