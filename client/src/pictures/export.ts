// Saving a picture: the drawn SVG as .svg (self-contained: colours are attributes, fonts named), as a
// PNG at twice its size, and its data as CSV or JSON.
import { download, h } from '../dom.ts';

export type CsvRow = (string | number | boolean | null | undefined)[];

const cell = (v: CsvRow[number]) => {
  const text = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV text. Pure. */
export function toCsv(header: string[], rows: CsvRow[]): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('font-family', 'system-ui, DejaVu Sans, sans-serif');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The SVG drawn onto a white canvas at `scale`× and encoded as PNG. */
export async function svgPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the picture could not be rendered'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export interface Exportable {
  /** File name without extension. */
  stem: string;
  svg(): SVGSVGElement | null;
  csv(): { header: string[]; rows: CsvRow[] };
  json(): unknown;
}

/** The row of export buttons under a picture. */
export function exportButtons(what: string, x: Exportable): HTMLElement {
  const save = (ext: string, make: () => Blob | Promise<Blob>) => async () => download(`${x.stem}.${ext}`, await make());
  const svgBlob = () => {
    const svg = x.svg();
    if (!svg) throw new Error('nothing drawn');
    return new Blob([svgText(svg)], { type: 'image/svg+xml' });
  };
  return h(
    'div.picture-exports',
    { role: 'group', 'aria-label': `Save the ${what}` },
    'Save: ',
    h('button', { type: 'button', 'data-export': 'png', onclick: save('png', () => svgPng(x.svg()!)) }, 'PNG'),
    h('button', { type: 'button', 'data-export': 'svg', onclick: save('svg', svgBlob) }, 'SVG'),
    h(
      'button',
      {
        type: 'button',
        'data-export': 'csv',
        onclick: save('csv', () => {
          const { header, rows } = x.csv();
          return new Blob([toCsv(header, rows)], { type: 'text/csv' });
        }),
      },
      'CSV',
    ),
    h(
      'button',
      {
        type: 'button',
        'data-export': 'json',
        onclick: save('json', () => new Blob([JSON.stringify(x.json(), null, 2)], { type: 'application/json' })),
      },
      'JSON',
    ),
  );
}
