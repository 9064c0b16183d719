// What every picture shares: an SVG with a title, a subtitle (window, counts) and a legend of kinds,
// so an exported file says what it shows and where it comes from.
import { select, type Selection } from 'd3-selection';
import { kindColor } from './kinds.ts';

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

export const FONT = 'system-ui, DejaVu Sans, sans-serif';

/** A new SVG of the given size with a heading block; returns it and the y where drawing may start. */
export function frame(width: number, height: number, title: string, subtitle: string, label: string): { svg: Svg; top: number } {
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement)
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'group')
    .attr('aria-label', label)
    .attr('font-family', FONT)
    .attr('font-size', 11);
  svg.append('title').text(label);
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', '#ffffff');
  svg.append('text').attr('x', 8).attr('y', 18).attr('font-size', 14).attr('font-weight', 600).attr('fill', '#0f172a').text(title);
  svg.append('text').attr('x', 8).attr('y', 34).attr('fill', '#475569').text(subtitle);
  return { svg, top: 46 };
}

/** A legend row of coloured swatches, one per kind, plus extra items (e.g. "planned: hollow"). */
export function legend(
  svg: Svg,
  y: number,
  kinds: readonly string[],
  extra: readonly { label: string; draw: (g: Selection<SVGGElement, unknown, null, undefined>) => void }[] = [],
): void {
  const g = svg.append('g').attr('transform', `translate(8,${y})`).attr('class', 'legend');
  let x = 0;
  for (const k of kinds) {
    g.append('rect').attr('x', x).attr('y', -9).attr('width', 10).attr('height', 10).attr('fill', kindColor(k));
    g.append('text')
      .attr('x', x + 14)
      .attr('y', 0)
      .attr('fill', '#1e293b')
      .text(k);
    x += 22 + k.length * 6.5;
  }
  for (const item of extra) {
    const sub = g.append('g').attr('transform', `translate(${x},0)`);
    item.draw(sub);
    sub.append('text').attr('x', 14).attr('y', 0).attr('fill', '#1e293b').text(item.label);
    x += 22 + item.label.length * 6.2;
  }
}

/** The source line printed at the foot of every picture. */
export function footer(svg: Svg, y: number, text: string): void {
  svg.append('text').attr('x', 8).attr('y', y).attr('fill', '#475569').attr('font-size', 10).text(text);
}
