// Renders a report as Markdown, HTML (printable, with numbered footnotes showing each quote and its
// article), CSV (one row per fact and citation) or JSON. Citations are numbered once per report.
import { escapeHtml } from '../../../domain/html.ts';
import { formatPeriod } from '../../../domain/period.ts';
import type { Citation, Report, Statement } from './model.ts';

/** The report page's only style; server/http/security.ts allows exactly this block by its hash. */
export const REPORT_CSS = `body{font:15px/1.55 Georgia,'DejaVu Serif',serif;color:#1b1f24;max-width:52rem;margin:2rem auto;padding:0 1.2rem}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #c9d1d9;padding-bottom:.2rem;margin-top:2rem}
.subtitle{color:#444;font-style:italic}.note{color:#555;font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #c9d1d9;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6}sup.cite a{text-decoration:none;color:#0b5cad;padding:0 .1rem}
ol.footnotes{font-size:.85rem;color:#333}q{font-style:italic}footer{margin-top:2rem;color:#666;font-size:.8rem}
@media print{body{margin:0;max-width:none}a{color:inherit}section{break-inside:avoid-page}}
`;

export const REPORT_FORMATS = ['json', 'md', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** Numbers each distinct citation (article + span) in order of first use. */
export function numberCitations(report: Report): { numberOf(c: Citation): number; all: Citation[] } {
  const numbers = new Map<string, number>();
  const all: Citation[] = [];
  const key = (c: Citation) => `${c.sourceId}#${c.span.start}-${c.span.end}`;
  for (const section of report.sections) {
    for (const statement of section.statements) {
      for (const c of statement.citations) {
        if (!numbers.has(key(c))) {
          numbers.set(key(c), all.length + 1);
          all.push(c);
        }
      }
    }
  }
  return { numberOf: (c) => numbers.get(key(c))!, all };
}

function sourceLine(c: Pick<Citation, 'title' | 'published' | 'sourceId'>): string {
  return `${c.title ?? c.sourceId}, ${c.published ? formatPeriod(c.published, 'day') : 'publication date not given'}`;
}

const mdEscape = (text: string) => text.replace(/([\\`*_[\]|<>])/g, '\\$1');

export function toMarkdown(report: Report): string {
  const { numberOf, all } = numberCitations(report);
  const refs = (s: Statement) => s.citations.map((c) => `[^${numberOf(c)}]`).join('');
  const out: string[] = [`# ${mdEscape(report.title)}`, '', `_${mdEscape(report.subtitle)}_`, ''];
  for (const note of report.notes) out.push(`> ${mdEscape(note)}`, '');
  for (const section of report.sections) {
    out.push(`## ${mdEscape(section.title)}`, '');
    if (section.statements.length === 0) {
      out.push(`_${mdEscape(section.emptyNote)}_`, '');
      continue;
    }
    if (section.table) {
      out.push(`| ${[...section.table.columns, 'Sources'].join(' | ')} |`, `|${[...section.table.columns, 'Sources'].map(() => '---').join('|')}|`);
      section.table.rows.forEach((row, i) => out.push(`| ${row.map(mdEscape).join(' | ')} | ${refs(section.statements[i]!)} |`));
      out.push('');
    } else {
      out.push(...section.statements.map((s) => `- ${mdEscape(s.text)} ${refs(s)}`), '');
    }
  }
  out.push('## Sources', '');
  for (const s of report.sources) out.push(`- ${mdEscape(sourceLine({ ...s, sourceId: s.id }))}${s.publisher ? ` — ${mdEscape(s.publisher)}` : ''} (\`${s.id}\`)`);
  out.push('');
  for (const c of all) out.push(`[^${numberOf(c)}]: “${mdEscape(c.quote)}” — ${mdEscape(sourceLine(c))}`);
  out.push('', `_Generated ${report.generatedAt.slice(0, 10)} from the diplomatic knowledge graph._`, '');
  return out.join('\n');
}

const esc = escapeHtml;

export function toHtml(report: Report): string {
  const { numberOf, all } = numberCitations(report);
  const refs = (s: Statement) =>
    s.citations.map((c) => `<sup class="cite"><a href="#fn${numberOf(c)}">${numberOf(c)}</a></sup>`).join('');
  const sections = report.sections.map((section) => {
    if (section.statements.length === 0) return `<section id="${esc(section.id)}"><h2>${esc(section.title)}</h2><p class="note">${esc(section.emptyNote)}</p></section>`;
    const body = section.table
      ? `<table><thead><tr>${[...section.table.columns, 'Sources'].map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${section.table.rows
          .map((row, i) => `<tr class="fact">${row.map((cell) => `<td>${esc(cell)}</td>`).join('')}<td>${refs(section.statements[i]!)}</td></tr>`)
          .join('')}</tbody></table>`
      : `<ul>${section.statements.map((s) => `<li class="fact">${esc(s.text)} ${refs(s)}</li>`).join('')}</ul>`;
    return `<section id="${esc(section.id)}"><h2>${esc(section.title)}</h2>${body}</section>`;
  });
  const footnotes = all.map((c) => `<li id="fn${numberOf(c)}"><q>${esc(c.quote)}</q> — <cite>${esc(c.title ?? c.sourceId)}</cite>, ${esc(c.published ? formatPeriod(c.published, 'day') : 'publication date not given')}</li>`);
  const sources = report.sources.map((s) => `<li><cite>${esc(s.title ?? s.id)}</cite>${s.publisher ? `, ${esc(s.publisher)}` : ''}, ${esc(s.published ? formatPeriod(s.published, 'day') : 'publication date not given')} <code>${esc(s.id)}</code></li>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${esc(report.title)}</h1><p class="subtitle">${esc(report.subtitle)}</p>${report.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}</header>
<main>
${sections.join('\n')}
<section id="sources"><h2>Sources</h2><ul>${sources.join('')}</ul></section>
<section id="citations"><h2>Citations</h2><ol class="footnotes">${footnotes.join('')}</ol></section>
</main>
<footer>Generated ${esc(report.generatedAt.slice(0, 10))} from the diplomatic knowledge graph. Every statement cites the sentence it rests on.</footer>
</body>
</html>
`;
}

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(report: Report): string {
  const header = ['section', 'statement', 'date', 'kind', 'status', 'source_id', 'source_title', 'published', 'quote', 'span_start', 'span_end'];
  const lines = [header.join(',')];
  for (const section of report.sections) {
    for (const s of section.statements) {
      for (const c of s.citations) {
        lines.push(
          [section.id, s.text, s.data.date ?? '', s.data.kind ?? '', s.data.status ?? '', c.sourceId, c.title ?? '', c.published ?? '', c.quote, c.span.start, c.span.end]
            .map(csvCell)
            .join(','),
        );
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function renderReport(report: Report, format: ReportFormat): string {
  switch (format) {
    case 'md': return toMarkdown(report);
    case 'html': return toHtml(report);
    case 'csv': return toCsv(report);
    default: return `${JSON.stringify(report, null, 2)}\n`;
  }
}
