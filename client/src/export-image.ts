// PNG and SVG of the graph at twice the screen's resolution, framed as a figure: a title, the date
// window, a legend of what is drawn, and the sources it rests on. The graph itself comes from
// Cytoscape (png) and cytoscape-svg (svg, vector: every node, line and label an SVG element).
import cytoscape, { type Core } from 'cytoscape';
import svgExport from 'cytoscape-svg';

cytoscape.use(svgExport);

export interface FigureMeta {
  title: string;
  /** "All dates", or the window. */
  window: string;
  legend: { color: string; label: string; line?: boolean }[];
  /** One line per source or group of sources. */
  sources: string[];
}

const SCALE = 2;
const PAD = 16 * SCALE;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The figure's text lines and their heights (at 2×), above and below the graph. */
function frame(meta: FigureMeta, width: number) {
  const maxChars = Math.max(40, Math.floor(width / (6.5 * SCALE)));
  const wrap = (text: string) => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      if ((line + ' ' + word).trim().length > maxChars && line) {
        lines.push(line);
        line = word;
      } else line = `${line} ${word}`.trim();
    }
    if (line) lines.push(line);
    return lines;
  };
  const sourceLines = meta.sources.slice(0, 12).flatMap(wrap);
  if (meta.sources.length > 12) sourceLines.push(`and ${meta.sources.length - 12} more sources`);
  const head = 22 * SCALE + 18 * SCALE + 24 * SCALE;
  const foot = (sourceLines.length + 1) * 14 * SCALE + PAD;
  return { sourceLines, head: PAD + head, foot };
}

function legendLayout(meta: FigureMeta): { x: number; item: FigureMeta['legend'][number] }[] {
  let x = PAD;
  return meta.legend.map((item) => {
    const at = x;
    x += (item.label.length * 7 + 30) * SCALE;
    return { x: at, item };
  });
}

/** The graph as a PNG figure (a Blob). */
export async function figurePng(cy: Core, meta: FigureMeta): Promise<Blob> {
  const graph = cy.png({ full: true, scale: SCALE, bg: '#ffffff', output: 'blob-promise' }) as unknown as Promise<Blob>;
  const image = await createImageBitmap(await graph);
  const width = Math.max(image.width + 2 * PAD, 900 * SCALE);
  const { sourceLines, head, foot } = frame(meta, width);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = head + image.height + foot;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#0f172a';
  ctx.font = `600 ${20 * SCALE}px ${FONT}`;
  ctx.fillText(meta.title, PAD, PAD + 20 * SCALE);
  ctx.font = `${13 * SCALE}px ${FONT}`;
  ctx.fillStyle = '#475569';
  ctx.fillText(meta.window, PAD, PAD + 40 * SCALE);
  for (const { x, item } of legendLayout(meta)) {
    const y = PAD + 58 * SCALE;
    ctx.fillStyle = item.color;
    if (item.line) ctx.fillRect(x, y - 5 * SCALE, 18 * SCALE, 3 * SCALE);
    else {
      ctx.beginPath();
      ctx.arc(x + 6 * SCALE, y - 4 * SCALE, 6 * SCALE, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.fillStyle = '#0f172a';
    ctx.fillText(item.label, x + 22 * SCALE, y);
  }
  ctx.drawImage(image, (width - image.width) / 2, head);
  ctx.fillStyle = '#475569';
  ctx.font = `${11 * SCALE}px ${FONT}`;
  let y = head + image.height + 16 * SCALE;
  ctx.fillText('Sources', PAD, y);
  for (const line of sourceLines) ctx.fillText(line, PAD, (y += 14 * SCALE));
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The graph as an SVG figure (text). */
export function figureSvg(cy: Core, meta: FigureMeta): string {
  const inner = (cy as Core & { svg(o: object): string }).svg({ full: true, scale: SCALE, bg: '#ffffff' });
  const doc = new DOMParser().parseFromString(inner, 'image/svg+xml');
  const root = doc.documentElement;
  const gw = Math.ceil(Number(root.getAttribute('width')) || 800);
  const gh = Math.ceil(Number(root.getAttribute('height')) || 600);
  const width = Math.max(gw + 2 * PAD, 900 * SCALE);
  const { sourceLines, head, foot } = frame(meta, width);
  const height = head + gh + foot;
  root.setAttribute('x', String((width - gw) / 2));
  root.setAttribute('y', String(head));
  const graph = new XMLSerializer().serializeToString(root);
  const text = (x: number, y: number, size: number, fill: string, body: string, weight = 'normal') =>
    `<text x="${x}" y="${y}" font-family="${escapeXml(FONT)}" font-size="${size * SCALE}" font-weight="${weight}" fill="${fill}">${escapeXml(body)}</text>`;
  const legend = legendLayout(meta)
    .map(({ x, item }) => {
      const y = PAD + 58 * SCALE;
      const mark = item.line
        ? `<rect x="${x}" y="${y - 5 * SCALE}" width="${18 * SCALE}" height="${3 * SCALE}" fill="${item.color}"/>`
        : `<circle cx="${x + 6 * SCALE}" cy="${y - 4 * SCALE}" r="${6 * SCALE}" fill="${item.color}"/>`;
      return mark + text(x + 22 * SCALE, y, 13, '#0f172a', item.label);
    })
    .join('');
  let y = head + gh + 16 * SCALE;
  const foot2 = [
    text(PAD, y, 11, '#475569', 'Sources'),
    ...sourceLines.map((line) => text(PAD, (y += 14 * SCALE), 11, '#475569', line)),
  ].join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${escapeXml(meta.title)}</title><rect width="100%" height="100%" fill="#ffffff"/>` +
    text(PAD, PAD + 20 * SCALE, 20, '#0f172a', meta.title, '600') +
    text(PAD, PAD + 40 * SCALE, 13, '#475569', meta.window) +
    legend +
    graph +
    foot2 +
    '</svg>\n'
  );
}
