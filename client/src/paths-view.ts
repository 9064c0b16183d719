// The path finder's answer: each path as a list of hops, each hop with its links and their quotes.
import { h } from './dom.ts';
import { formatDate } from './dates.ts';
import { identityLine } from './identity.ts';
import { quotesDisclosure, type SourceLookup } from './quotes.ts';
import type { PathHop, PathsAnswer } from './types.ts';

export function renderPaths(answer: PathsAnswer, show: (i: number) => void, open: (id: string) => void, source: SourceLookup): HTMLElement {
  return h(
    'ol.paths',
    {},
    answer.paths.map((path, i) => {
      const name = new Map(path.nodes.map((n) => [n.id, n.name]));
      const summary = new Map(path.nodes.map((n) => [n.id, n.summary]));
      const ends = [path.nodes[0], path.nodes.at(-1)].filter((n) => n?.summary);
      return h(
        'li.path',
        { class: i === 0 ? 'active' : '', 'data-index': i },
        h('button.path-title', { type: 'button', onclick: () => show(i), 'aria-label': `Highlight path ${i + 1}` }, `${path.length} hop${path.length === 1 ? '' : 's'}: `, path.nodes.map((n) => n.name).join(' → ')),
        ends.length ? h('ul.path-ends', {}, ends.map((n) => h('li', {}, h('span.name', {}, n!.name), ' ', identityLine(n!.summary)))) : null,
        h(
          'ol.hops',
          {},
          path.hops.map((hop) =>
            h(
              'li.hop',
              {},
              h('button.link', { type: 'button', onclick: () => open(hop.from) }, name.get(hop.from) ?? hop.from),
              identityLine(summary.get(hop.from)),
              h('span.hop-type', {}, ` ${hop.type === 'MET' ? 'met' : hop.type.toLowerCase().replace(/_/g, ' ')} `),
              h('button.link', { type: 'button', onclick: () => open(hop.to) }, name.get(hop.to) ?? hop.to),
              identityLine(summary.get(hop.to)),
              h('div.hop-meta', {}, hopMeta(hop)),
              quotesDisclosure([...hop.links.flatMap((l) => l.evidence), ...(hop.evidence ?? [])].filter((e, k, all) => all.findIndex((x) => x.quote === e.quote) === k), source),
            ),
          ),
        ),
      );
    }),
  );
}

/** The dates of a hop's links; a busy pair's hop lists the first few and says how many more there are. */
export function hopMeta(hop: PathHop): string {
  const listed = hop.links.map((l) => `${formatDate(l.date ?? null, l.datePrecision ?? 'unknown')}${l.inferred ? ' (inferred)' : ''}${l.event ? ` · ${l.event.replace(/^event:/, '')}` : ''}`).join('; ');
  const more = (hop.linkCount ?? hop.links.length) - hop.links.length;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}
