// npm run report -- bilateral KZ NG [--format md|html|csv|json] [--out file]
//                   person <id|name> …        organization <id|name> …
// --format pdf --out file.pdf prints the HTML report to PDF with the Chromium the tests use.
import 'dotenv/config';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createReader } from '../../graph/reader.ts';
import { bilateralReport } from '../services/reports/bilateral.ts';
import { organizationReport, personReport } from '../services/reports/dossier.ts';
import type { Report } from '../services/reports/model.ts';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../services/reports/render.ts';
import { runCli, UsageError, withDatabase } from '../../graph/cli.ts';
import { launchChromium } from './chromium.ts';

const USAGE =
  'usage: npm run report -- bilateral <A> <B> | person <id|name> | organization <id|name>  [--format md|html|csv|json|pdf] [--out file]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { format: { type: 'string', default: 'md' }, out: { type: 'string' } },
});

async function toPdf(html: string, out: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    // A long list is folded by year on screen; on paper every year is shown.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.pdf({ path: out, format: 'A4', margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const [kind, a, b] = positionals;
  const format = values.format!;
  if (![...REPORT_FORMATS, 'pdf'].includes(format)) throw new UsageError(`--format: one of ${[...REPORT_FORMATS, 'pdf'].join(', ')}`);
  if (format === 'pdf' && !values.out) throw new UsageError('--format pdf needs --out file.pdf');
  const wellFormed = (kind === 'bilateral' && a && b) || ((kind === 'person' || kind === 'organization') && a);
  if (!wellFormed) throw new UsageError(USAGE);
  const build = (reader: ReturnType<typeof createReader>): Promise<Report> => {
    if (kind === 'bilateral' && a && b) return bilateralReport(reader, a, b);
    if (kind === 'person' && a) return personReport(reader, a);
    if (kind === 'organization' && a) return organizationReport(reader, a);
    throw new UsageError(USAGE);
  };
  const report = await withDatabase(({ driver, database }) => build(createReader(driver, database)));
  if (format === 'pdf') {
    await toPdf(renderReport(report, 'html'), values.out!);
    console.error(`wrote ${values.out}`);
    return 0;
  }
  const text = renderReport(report, format as ReportFormat);
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  return 0;
}

runCli(main);
