// Renders a report as Markdown, HTML (printable, with numbered footnotes showing each quote and its
// article), CSV (one row per fact and citation) or JSON. Citations are numbered once per report.
import { escapeHtml } from '../../../domain/html.ts';
import { formatPeriod } from '../../../domain/period.ts';
import { csvText, type CsvCell } from '../../csv.ts';
import type { Citation, Report, Statement } from './model.ts';

/** The report page's only style; server/http/security.ts allows exactly this block by its hash. */
export const REPORT_CSS = `body{font:15px/1.55 Georgia,'DejaVu Serif',serif;color:#1b1f24;max-width:52rem;margin:2rem auto;padding:0 1.2rem}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #c9d1d9;padding-bottom:.2rem;margin-top:2rem}
.subtitle{color:#444;font-style:italic}.note{color:#555;font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #c9d1d9;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6}sup.cite a{text-decoration:none;color:#0b5cad;padding:0 .1rem}
ol.footnotes{font-size:.85rem;color:#333}ul.by-source{list-style:none;padding:0}li.source-notes{margin:.4rem 0}details.year summary{cursor:pointer;font-weight:600}details.year .n{font-weight:normal;color:#555}q{font-style:italic}footer{margin-top:2rem;color:#666;font-size:.8rem}
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

/** The Markdown report as lines (each with its newline): the HTTP route writes them one by one. */
export function markdownPieces(report: Report): string[] {
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
      out.push(
        `| ${[...section.table.columns, 'Sources'].join(' | ')} |`,
        `|${[...section.table.columns, 'Sources'].map(() => '---').join('|')}|`,
      );
      section.table.rows.forEach((row, i) => out.push(`| ${row.map(mdEscape).join(' | ')} | ${refs(section.statements[i]!)} |`));
      out.push('');
    } else if (section.foldByYear) {
      for (const [year, list] of byYear(section.statements))
        out.push(`### ${mdEscape(year)} (${list.length})`, '', ...list.map((s) => `- ${mdEscape(s.text)} ${refs(s)}`), '');
    } else {
      out.push(...section.statements.map((s) => `- ${mdEscape(s.text)} ${refs(s)}`), '');
    }
  }
  out.push('## Sources', '');
  for (const s of report.sources)
    out.push(`- ${mdEscape(sourceLine({ ...s, sourceId: s.id }))}${s.publisher ? ` — ${mdEscape(s.publisher)}` : ''} (\`${s.id}\`)`);
  out.push('');
  for (const c of all) out.push(`[^${numberOf(c)}]: “${mdEscape(c.quote)}” — ${mdEscape(sourceLine(c))}`);
  out.push('', `_Generated ${report.generatedAt.slice(0, 10)} from the diplomatic knowledge graph._`, '');
  return out.map((line, i) => (i < out.length - 1 ? `${line}\n` : line));
}

export const toMarkdown = (report: Report): string => markdownPieces(report).join('');

/** The HTML report in pieces: head, each section, sources, citations, footer. */
export function htmlPieces(report: Report): string[] {
  const { numberOf, all } = numberCitations(report);
  const refs = (s: Statement) => s.citations.map((c) => `<sup class="cite"><a href="#fn${numberOf(c)}">${numberOf(c)}</a></sup>`).join('');
  const sections = report.sections.map((section) => {
    if (section.statements.length === 0)
      return `<section id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.title)}</h2><p class="note">${escapeHtml(section.emptyNote)}</p></section>`;
    const body = section.table
      ? `<table><thead><tr>${[...section.table.columns, 'Sources'].map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${section.table.rows
          .map(
            (row, i) =>
              `<tr class="fact">${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}<td>${refs(section.statements[i]!)}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : section.foldByYear
        ? [...byYear(section.statements)]
            .map(
              ([year, list], i, all) =>
                `<details class="year"${i === all.length - 1 ? ' open' : ''}><summary>${escapeHtml(year)} <span class="n">(${list.length})</span></summary><ul>${list.map((s) => `<li class="fact">${escapeHtml(s.text)} ${refs(s)}</li>`).join('')}</ul></details>`,
            )
            .join('')
        : `<ul>${section.statements.map((s) => `<li class="fact">${escapeHtml(s.text)} ${refs(s)}</li>`).join('')}</ul>`;
    return `<section id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.title)}</h2>${body}</section>`;
  });
  // Footnotes grouped per source: the article once, then its quotes with their numbers.
  const bySource = new Map<string, Citation[]>();
  for (const c of all) bySource.set(c.sourceId, [...(bySource.get(c.sourceId) ?? []), c]);
  const footnotes = [...bySource.values()].map(
    (list) =>
      `<li class="source-notes"><cite>${escapeHtml(list[0]!.title ?? list[0]!.sourceId)}</cite>, ${escapeHtml(list[0]!.published ? formatPeriod(list[0]!.published, 'day') : 'publication date not given')}<ol class="footnotes">${list.map((c) => `<li id="fn${numberOf(c)}" value="${numberOf(c)}"><q>${escapeHtml(c.quote)}</q></li>`).join('')}</ol></li>`,
  );
  const sources = report.sources.map(
    (s) =>
      `<li><cite>${escapeHtml(s.title ?? s.id)}</cite>${s.publisher ? `, ${escapeHtml(s.publisher)}` : ''}, ${escapeHtml(s.published ? formatPeriod(s.published, 'day') : 'publication date not given')} <code>${escapeHtml(s.id)}</code></li>`,
  );
  return [
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(report.title)}</h1><p class="subtitle">${escapeHtml(report.subtitle)}</p>${report.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}</header>
<main>
`,
    ...sections.map((section, i) => (i ? `\n${section}` : section)),
    `
<section id="sources"><h2>Sources</h2><ul>`,
    ...sources,
    `</ul></section>
<section id="citations"><h2>Citations</h2><p class="note">${all.length} quotes from ${bySource.size} sources, grouped by source.</p><ul class="by-source">`,
    ...footnotes,
    `</ul></section>
</main>
<footer>Generated ${escapeHtml(report.generatedAt.slice(0, 10))} from the diplomatic knowledge graph. Every statement cites the sentence it rests on.</footer>
</body>
</html>
`,
  ];
}

export const toHtml = (report: Report): string => htmlPieces(report).join('');

/** One row per fact and citation, through the one CSV writer (formula-like cells neutralised), a line per piece. */
export function csvPieces(report: Report): string[] {
  const header = [
    'section',
    'statement',
    'date',
    'kind',
    'status',
    'source_id',
    'source_title',
    'published',
    'quote',
    'span_start',
    'span_end',
  ];
  const rows: CsvCell[][] = [header];
  for (const section of report.sections) {
    for (const s of section.statements) {
      for (const c of s.citations) {
        rows.push([
          section.id,
          s.text,
          s.data.date ?? '',
          s.data.kind ?? '',
          s.data.status ?? '',
          c.sourceId,
          c.title ?? '',
          c.published ?? '',
          c.quote,
          c.span.start,
          c.span.end,
        ]);
      }
    }
  }
  return rows.map((row) => csvText([row]));
}

/** Statements by `data.year` ("date not given" last), in the order they come. */
function byYear(statements: readonly Statement[]): Map<string, Statement[]> {
  const out = new Map<string, Statement[]>();
  for (const s of statements) {
    const year = typeof s.data.year === 'string' || typeof s.data.year === 'number' ? String(s.data.year) : 'Date not given';
    out.set(year, [...(out.get(year) ?? []), s]);
  }
  const undated = out.get('Date not given');
  if (undated) {
    out.delete('Date not given');
    out.set('Date not given', undated);
  }
  return out;
}

export const toCsv = (report: Report): string => csvPieces(report).join('');

/** JSON.stringify(report, null, 2) and a newline, written a top-level list item at a time. */
export function jsonPieces(report: Report): string[] {
  const entries = Object.entries(report);
  const pieces = ['{\n'];
  entries.forEach(([key, value], i) => {
    pieces.push(`  ${JSON.stringify(key)}: `);
    if (Array.isArray(value) && value.length) {
      pieces.push(
        '[\n',
        ...value.map((item, j) => `    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}${j < value.length - 1 ? ',' : ''}\n`),
        '  ]',
      );
    } else {
      pieces.push(JSON.stringify(value, null, 2).replace(/\n/g, '\n  '));
    }
    pieces.push(i < entries.length - 1 ? ',\n' : '\n');
  });
  pieces.push('}\n');
  return pieces;
}

/** The report in `format`, in pieces that together are the document (the route writes them with backpressure). */
export function reportPieces(report: Report, format: ReportFormat): string[] {
  switch (format) {
    case 'md':
      return markdownPieces(report);
    case 'html':
      return htmlPieces(report);
    case 'csv':
      return csvPieces(report);
    default:
      return jsonPieces(report);
  }
}

export const renderReport = (report: Report, format: ReportFormat): string => reportPieces(report, format).join('');
