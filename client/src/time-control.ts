// The time control: a histogram of the entity's dated activity with a two-handle slider over it.
// Moving a handle and letting go sets the date window, which the explorer sends to the server; the
// control also says what the window hides.
import { clear, h } from './dom.ts';
import { binsOf, binsOfWindow, windowOf, type ActivityBucket, type Bins } from './time-bins.ts';

const SVG = 'http://www.w3.org/2000/svg';

export interface TimeHooks {
  change(window: { from?: string; to?: string }): void;
}

export class TimeControl {
  private bins: Bins | null = null;
  private readonly chart: SVGSVGElement;
  private readonly lo: HTMLInputElement;
  private readonly hi: HTMLInputElement;
  private readonly label: HTMLElement;

  constructor(
    private readonly host: HTMLElement,
    private readonly hooks: TimeHooks,
  ) {
    this.chart = document.createElementNS(SVG, 'svg');
    this.chart.setAttribute('class', 'histogram');
    this.chart.setAttribute('role', 'img');
    this.lo = h('input', { type: 'range', min: '0', max: '0', value: '0', 'aria-label': 'Window starts', id: 'time-lo' });
    this.hi = h('input', { type: 'range', min: '0', max: '0', value: '0', 'aria-label': 'Window ends', id: 'time-hi' });
    this.label = h('p.hint.time-label', { 'aria-live': 'polite' });
    clear(host, this.chart, h('div.sliders', {}, this.lo, this.hi), this.label);
    host.hidden = true;
    for (const input of [this.lo, this.hi]) {
      input.addEventListener('input', () => this.paint());
      input.addEventListener('change', () => this.commit());
    }
  }

  /** Draws the histogram of an entity's activity (all time); the handles go to the window. */
  setActivity(activity: readonly ActivityBucket[], window: { from?: string; to?: string }): void {
    this.bins = binsOf(activity);
    this.host.hidden = !this.bins || this.bins.labels.length < 2;
    if (!this.bins || this.host.hidden) return;
    const max = String(this.bins.labels.length - 1);
    this.lo.max = max;
    this.hi.max = max;
    this.setWindow(window);
  }

  setWindow(window: { from?: string; to?: string }): void {
    if (!this.bins) return;
    const [i, j] = binsOfWindow(this.bins, window.from, window.to);
    this.lo.value = String(i);
    this.hi.value = String(j);
    this.paint();
  }

  private range(): [number, number] {
    const a = Number(this.lo.value);
    const b = Number(this.hi.value);
    return a <= b ? [a, b] : [b, a];
  }

  private commit(): void {
    if (!this.bins) return;
    const [i, j] = this.range();
    this.hooks.change(windowOf(this.bins, i, j));
  }

  private paint(): void {
    const bins = this.bins;
    if (!bins) return;
    const [i, j] = this.range();
    const n = bins.labels.length;
    const width = 276;
    const height = 54;
    const most = Math.max(1, ...bins.events);
    const w = width / n;
    const bars: SVGElement[] = [];
    bins.labels.forEach((label, k) => {
      const inside = k >= i && k <= j;
      const all = (bins.events[k]! / most) * (height - 4);
      const met = (bins.meetings[k]! / most) * (height - 4);
      const rect = (y: number, hgt: number, cls: string) => {
        const r = document.createElementNS(SVG, 'rect');
        r.setAttribute('x', String(k * w + 0.5));
        r.setAttribute('y', String(y));
        r.setAttribute('width', String(Math.max(w - 1, 1)));
        r.setAttribute('height', String(Math.max(hgt, 0)));
        r.setAttribute('class', `${cls}${inside ? '' : ' out'}`);
        const title = document.createElementNS(SVG, 'title');
        title.textContent = `${label}: ${bins.events[k]} events, ${bins.meetings[k]} meetings`;
        r.append(title);
        return r;
      };
      bars.push(rect(height - all, all - met, 'bar-events'), rect(height - met, met, 'bar-meetings'));
    });
    this.chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.chart.setAttribute('aria-label', `Activity per ${bins.unit}, ${bins.labels[0]} to ${bins.labels.at(-1)}`);
    this.chart.replaceChildren(...bars);
    const whole = i === 0 && j === n - 1;
    this.label.textContent = whole
      ? `All dates (${bins.labels[0]} – ${bins.labels.at(-1)}); drag the handles to narrow`
      : `Window ${bins.labels[i]} – ${bins.labels[j]}`;
  }
}
