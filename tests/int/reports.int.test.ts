import { expect } from 'chai';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml } from 'parse5';
import { chromium } from 'playwright-core';
import { z } from 'zod';
import type { Report } from '../../server/services/reports/model.ts';
import { seededApp } from '../support/app.ts';
import { rows, seededGraph } from '../support/seeded.ts';

async function fetchReport(path: string, format: string): Promise<{ status: number; type: string; text: string }> {
  const { base } = await seededApp();
  const res = await fetch(`${base}${path}${path.includes('?') ? '&' : '?'}format=${format}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}
const json = async (path: string) => JSON.parse((await fetchReport(path, 'json')).text) as Report;
const ids = (report: Report, section: string, key: string) =>
  report.sections.find((s) => s.id === section)!.statements.map((s) => s.data[key]);

/** The articles' texts, to check that every quote is verbatim in its source at its span. */
async function sourceTexts(): Promise<Map<string, string>> {
  const { driver } = await seededGraph();
  return new Map((await rows(driver, 'MATCH (s:Source) RETURN s.id AS id, s.text AS text')).map((r) => [r.id as string, r.text as string]));
}

const citation = z.object({
  sourceId: z.string(),
  quote: z.string().min(3),
  span: z.object({ start: z.number(), end: z.number() }),
  title: z.string().nullable(),
  published: z.string().nullable(),
});
const reportSchema = z.object({
  kind: z.enum(['bilateral', 'person', 'organization']),
  title: z.string(),
  subtitle: z.string(),
  generatedAt: z.string().datetime(),
  notes: z.array(z.string()),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      emptyNote: z.string(),
      statements: z.array(z.object({ text: z.string(), citations: z.array(citation).min(1), data: z.record(z.unknown()) })),
    }),
  ),
  sources: z.array(
    z.object({ id: z.string(), title: z.string().nullable(), publisher: z.string().nullable(), published: z.string().nullable() }),
  ),
});

describe('reports where every statement cites its source (real Neo4j)', () => {
  describe('bilateral Kazakhstan–Nigeria', () => {
    it('has every meeting, visit and forum the articles state between them, and nothing else', async () => {
      const report = await json('/api/reports/bilateral?a=KZ&b=NG');
      expect(ids(report, 'timeline', 'eventId')).to.have.members([
        'event:2025-01-14-tokayev-tinubu-talks',
        'event:2025-02-kz-delegation-visit-ng',
        'event:kuantyrov-ahmed-talks',
        'event:kuantyrov-lokpobiri-meeting',
        'event:kuantyrov-rimi-meeting',
        'event:kz-delegation-ekpo-talks',
        'event:kz-delegation-nexim-meeting',
        'event:kazakhstan-africa-new-frontiers-session',
        'event:kuantyrov-adesoji-meeting',
        'event:tinubu-official-visit-kz',
      ]);
      expect(ids(report, 'agreements', 'status')).to.deep.equal(['agreed-to-sign']);
      expect(ids(report, 'figures', 'figureId')).to.have.members([
        'figure:kz-ng-trade-routes-under-evaluation',
        'figure:kz-export-product-categories-for-ng',
      ]);
      expect(ids(report, 'open-threads', 'status')).to.have.members(['planned', 'agreed-to-sign']);
      expect(ids(report, 'institutions-b', 'organizationId')).to.include.members(['org:ng-nexim', 'org:ng-ministry-petroleum-resources']);
    });

    it('writes dates with their real precision and marks inferred meetings', async () => {
      const { text } = await fetchReport('/api/reports/bilateral?a=KZ&b=NG', 'md');
      expect(text).to.contain('| 14 January 2025 |');
      expect(text).to.contain('| February 2025 |');
      expect(text).to.contain('| date not given |');
      expect(text).to.not.match(/\b1 February 2025\b/);
      expect(text).to.match(/Ekperikpe Ekpo[^\n]*|inferred: the text names the delegation, which this person led/);
      expect(text).to.contain('the Managing Director of NEXIM Nigeria (not named)');
    });
  });

  describe('bilateral Kazakhstan–Benin and Kazakhstan–Afghanistan', () => {
    it('Benin: the visit and the meeting, the signed MoU, the trade figure; Tokayev only mentioned', async () => {
      const report = await json('/api/reports/bilateral?a=KZ&b=BJ');
      expect(ids(report, 'timeline', 'eventId')).to.have.members([
        'event:2025-04-18-bakari-working-visit-kz',
        'event:nurtleu-bakari-meeting',
      ]);
      expect(ids(report, 'agreements', 'status')).to.deep.equal(['signed']);
      expect(ids(report, 'figures', 'value')).to.deep.equal([700000000]);
      const timeline = report.sections
        .find((s) => s.id === 'timeline')!
        .statements.map((s) => s.text)
        .join('\n');
      expect(timeline).to.not.match(/Taking part:(?:(?!Mentioned)[^\n])*Tokayev/);
      expect(timeline).to.match(/Mentioned but not present: Kassym-Jomart Tokayev/);
    });

    it('Afghanistan: the Shymkent forum and the talks inside it, the trade figures, no agreements', async () => {
      const report = await json('/api/reports/bilateral?a=KZ&b=AF');
      expect(ids(report, 'timeline', 'eventId')).to.have.members([
        'event:2025-10-28-kz-af-business-forum',
        'event:zhumangarin-azizi-talks',
      ]);
      expect(ids(report, 'agreements', 'status')).to.deep.equal([]);
      expect(ids(report, 'figures', 'figureId')).to.include.members(['figure:kz-af-trade-2024', 'figure:kz-af-trade-2025-01-08']);
      const forum = report.sections.find((s) => s.id === 'timeline')!.statements[0]!.text;
      expect(forum).to.match(/^28 October 2025 — Forum in Shymkent/);
      expect(forum).to.contain('Serik Zhumangarin (Deputy Prime Minister and Minister of National Economy');
    });

    it('says plainly when a pair has nothing in common', async () => {
      const report = await json('/api/reports/bilateral?a=BJ&b=AF');
      expect(report.notes[0]).to.equal('The sources in the graph record no meetings, agreements or figures between Benin and Afghanistan.');
      expect(report.sections.every((s) => s.statements.length === 0)).to.equal(true);
      const { text } = await fetchReport('/api/reports/bilateral?a=BJ&b=AF', 'md');
      expect(text).to.contain('_No agreements between Benin and Afghanistan are recorded._');
    });
  });

  describe('honesty: every statement cites, every quote is verbatim', () => {
    const paths = [
      '/api/reports/bilateral?a=KZ&b=NG',
      '/api/reports/bilateral?a=KZ&b=BJ',
      '/api/reports/bilateral?a=KZ&b=AF',
      '/api/reports/person/person:alibek-kuantyrov',
      '/api/reports/person/person:kassym-jomart-tokayev',
      '/api/reports/organization/org:kz-mfa',
    ];
    for (const path of paths) {
      it(`${path}: JSON matches the schema and each citation is the text at its span`, async () => {
        const texts = await sourceTexts();
        const report = reportSchema.parse(await json(path));
        for (const statement of report.sections.flatMap((s) => s.statements)) {
          for (const c of statement.citations)
            expect(texts.get(c.sourceId)!.slice(c.span.start, c.span.end), statement.text).to.equal(c.quote);
        }
      });

      it(`${path}: in Markdown each fact line carries a footnote whose quote is in its article`, async () => {
        const texts = [...(await sourceTexts()).values()];
        const { text } = await fetchReport(path, 'md');
        const lines = text.split('\n');
        const facts = lines.filter(
          (l) =>
            (l.startsWith('- ') && !l.includes('(`source:')) || (l.startsWith('| ') && !l.startsWith('| Date') && !l.startsWith('|---')),
        );
        for (const line of facts) expect(line, line).to.match(/\[\^\d+\]/);
        const notes = lines.filter((l) => /^\[\^\d+\]: /.test(l));
        for (const line of lines.filter((l) => /\[\^\d+\]/.test(l) && !/^\[\^/.test(l))) {
          for (const [, n] of line.matchAll(/\[\^(\d+)\]/g))
            expect(
              notes.some((note) => note.startsWith(`[^${n}]: `)),
              `footnote ${n}`,
            ).to.equal(true);
        }
        for (const note of notes) {
          const quote = /“(.*)” — /.exec(note)![1]!.replace(/\\([\\`*_[\]|<>])/g, '$1');
          expect(
            texts.some((t) => t.includes(quote)),
            quote,
          ).to.equal(true);
        }
      });
    }

    it('the person dossier never reports a mentioned-only person as having met anyone', async () => {
      const report = await json('/api/reports/person/person:kassym-jomart-tokayev');
      const met = report.sections.find((s) => s.id === 'met')!.statements.map((s) => s.data.personId);
      expect(met).to.deep.equal(['person:bola-ahmed-tinubu']);
      const events = report.sections
        .find((s) => s.id === 'events')!
        .statements.map((s) => s.text)
        .join('\n');
      expect(events).to.match(/Meeting of Murat Nurtleu and Olushegun Adjadi Bakari in Astana: only mentioned, not present\./);
      expect(events).to.not.match(/only mentioned, not present\. With/);
    });
  });

  describe('formats', () => {
    it('CSV parses with a CSV parser: one row per fact and citation', async () => {
      const { text, type } = await fetchReport('/api/reports/bilateral?a=KZ&b=BJ', 'csv');
      expect(type).to.match(/^text\/csv/);
      const records = parseCsv(text, { columns: true }) as Record<string, string>[];
      const report = await json('/api/reports/bilateral?a=KZ&b=BJ');
      expect(records).to.have.length(report.sections.flatMap((s) => s.statements).reduce((n, s) => n + s.citations.length, 0));
      expect(records.find((r) => r.section === 'agreements')).to.deep.include({
        status: 'signed',
        source_id: 'source:004_4b454a64f8a9302c',
      });
      for (const r of records) expect(r.quote?.length).to.be.greaterThan(2);
    });

    it('HTML is well-formed, has numbered footnotes (quote) grouped under their source (title, date), and renders in Chromium', async () => {
      const { text, type } = await fetchReport('/api/reports/bilateral?a=KZ&b=BJ', 'html');
      expect(type).to.match(/^text\/html/);
      const errors: string[] = [];
      parseHtml(text, { onParseError: (e) => errors.push(e.code) });
      expect(errors).to.deep.equal([]);
      const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      });
      try {
        const page = await browser.newPage();
        const consoleErrors: string[] = [];
        page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
        await page.setContent(text, { waitUntil: 'load' });
        const facts = await page.$$eval('li.fact, tr.fact', (els) => els.map((el) => el.querySelectorAll('sup.cite a').length));
        expect(facts.length).to.be.greaterThan(3);
        expect(facts.every((n) => n > 0)).to.equal(true);
        // Footnotes are grouped under their source: the quote in #fn1, the article's title and date on its group.
        const footnote = await page.$eval('#fn1', (el) => [
          el.querySelector('q')?.textContent ?? '',
          el.closest('li.source-notes')?.querySelector('cite')?.textContent ?? '',
          el.closest('li.source-notes')?.childNodes[1]?.textContent ?? '',
        ]);
        expect(footnote[0]).to.have.length.greaterThan(10);
        expect(footnote[1]).to.have.length.greaterThan(5);
        expect(footnote[2]).to.equal(', 19 April 2025');
        const title = await page.title();
        expect(title).to.equal('Kazakhstan – Benin: relations on record');
        expect(consoleErrors).to.deep.equal([]);
      } finally {
        await browser.close();
      }
    });

    it('refuses a bad format or the same country twice', async () => {
      expect((await fetchReport('/api/reports/bilateral?a=KZ&b=NG', 'docx')).status).to.equal(400);
      expect((await fetchReport('/api/reports/bilateral?a=KZ&b=kz', 'json')).status).to.equal(400);
      expect((await fetchReport('/api/reports/person/org:kz-mfa', 'json')).status).to.equal(400);
      expect((await fetchReport('/api/reports/person/person:nobody', 'json')).status).to.equal(404);
    });
  });
});
