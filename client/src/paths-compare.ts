// The k paths side by side in a wide panel: each path drawn left to right, people as boxes, each hop
// with its date and place (and "+N more" for busy pairs), hops out of time order marked, each path in
// the colour it has on the graph.
import { h } from './dom.ts';
import { formatDate } from './dates.ts';
import { hopOrder } from './path-order.ts';
import { linkPlace } from './paths-view.ts';
import { PATH_COLORS } from './style.ts';
import type { PathsAnswer } from './types.ts';

export interface CompareActions {
  show(i: number): void;
  open(id: string): void;
  exclude(id: string, name: string): void;
}

export function renderCompare(answer: PathsAnswer, active: number, actions: CompareActions): HTMLElement {
  return h(
    'div.compare',
    {},
    answer.paths.map((path, i) => {
      const order = hopOrder(path.hops);
      const earlier = order.filter((o) => o === 'earlier').length;
      return h(
        'section.compare-path',
        { class: i === active ? 'active' : '', 'data-index': i },
        h(
          'header.compare-head',
          {},
          h('span.path-swatch', { style: `background:${PATH_COLORS[i % PATH_COLORS.length]}`, 'aria-hidden': 'true' }),
          h(
            'button.link',
            { type: 'button', onclick: () => actions.show(i), 'aria-label': `Highlight path ${i + 1}` },
            `Path ${i + 1}: ${path.length} hop${path.length === 1 ? '' : 's'}`,
          ),
          earlier
            ? h('span.tag.order-tag', {}, `${earlier} hop${earlier === 1 ? '' : 's'} out of time order`)
            : h('span.hint', {}, ' in time order where dated'),
        ),
        h(
          'ol.chain',
          {},
          path.nodes.flatMap((node, k) => {
            const box = h(
              'li.chain-node',
              { 'data-type': node.type },
              h('button.link', { type: 'button', onclick: () => actions.open(node.id) }, node.name),
              k > 0 && k < path.nodes.length - 1 && node.type === 'person'
                ? h(
                    'button.exclude',
                    {
                      type: 'button',
                      title: `Find paths that avoid ${node.name}`,
                      'aria-label': `Exclude ${node.name}`,
                      onclick: () => actions.exclude(node.id, node.name),
                    },
                    '⊘',
                  )
                : null,
            );
            const hop = path.hops[k];
            if (!hop) return [box];
            const first = hop.links[0];
            const more = (hop.linkCount ?? hop.links.length) - 1;
            const place = first ? linkPlace(first) : '';
            return [
              box,
              h(
                'li.chain-hop',
                { class: order[k] === 'earlier' ? 'out-of-order' : order[k] === 'undated' ? 'undated' : '' },
                h('span.hop-arrow', { 'aria-hidden': 'true' }, '→'),
                h('span.hop-date', {}, first ? formatDate(first.date ?? null, first.datePrecision ?? 'unknown') : ''),
                place ? h('span.hop-place', {}, place) : null,
                more > 0 ? h('span.hop-more', {}, `+${more} more`) : null,
                order[k] === 'earlier'
                  ? h('span.hop-flag', { title: 'Every meeting of this hop is before the hops that lead to it' }, '⟲ earlier')
                  : null,
              ),
            ];
          }),
        ),
      );
    }),
  );
}
