import { expect } from 'chai';
import { formatAmount, titlesAtTheTime } from '../../server/services/reports/bilateral.ts';
import { citationsFrom, cited, type Report } from '../../server/services/reports/model.ts';
import { numberCitations, renderReport, reportPieces, toCsv, toHtml, toMarkdown } from '../../server/services/reports/render.ts';

const source = { id: 'source:x', title: 'An article', publisher: null, published: '2025-02-28' };
const book = { source: (id: string) => (id === 'source:x' ? source : undefined) };
const quote = (start: number, end: number, text: string) => ({ sourceId: 'source:x', quote: text, span: { start, end } });

function sample(): Report {
  const c1 = citationsFrom([quote(0, 20, 'the ministers signed')], book);
  const c2 = citationsFrom([quote(30, 50, 'trade surpassed $700')], book);
  return {
    kind: 'bilateral',
    title: 'A – B',
    subtitle: 'sub',
    generatedAt: '2026-11-25T00:00:00.000Z',
    notes: ['How to read'],
    sections: [
      {
        id: 'agreements',
        title: 'Agreements',
        emptyNote: 'none',
        statements: [{ text: 'MoU — signed.', citations: c1, data: { status: 'signed' } }],
      },
      {
        id: 'figures',
        title: 'Figures',
        emptyNote: 'none',
        statements: [{ text: 'Trade: over $700 million.', citations: [...c2, ...c1], data: {} }],
      },
      { id: 'open', title: 'Open threads', emptyNote: 'No planned visits are recorded.', statements: [] },
    ],
    sources: [source],
  };
}

describe('reports (no database)', () => {
  it('drops a quote lying inside a longer one, and statements without citations', () => {
    const cites = citationsFrom([quote(0, 40, 'a long sentence'), quote(5, 10, 'inner'), quote(50, 60, 'other')], book);
    expect(cites.map((c) => c.span.start)).to.deep.equal([0, 50]);
    expect(cites[0]).to.deep.include({ title: 'An article', published: '2025-02-28' });
    expect(cited([{ text: 'x', citations: [], data: {} }])).to.deep.equal([]);
  });

  it('numbers each citation once, in order of first use', () => {
    const { all, numberOf } = numberCitations(sample());
    expect(all.map((c) => c.quote)).to.deep.equal(['the ministers signed', 'trade surpassed $700']);
    expect(numberOf(all[1]!)).to.equal(2);
  });

  it('renders Markdown with footnotes and notes for empty sections', () => {
    const md = toMarkdown(sample());
    expect(md).to.contain('- MoU — signed. [^1]');
    expect(md).to.contain('- Trade: over $700 million. [^2][^1]');
    expect(md).to.contain('[^1]: “the ministers signed” — An article, 28 February 2025');
    expect(md).to.contain('_No planned visits are recorded._');
  });

  it('renders CSV with one row per fact and citation, and HTML with footnotes', () => {
    const csv = toCsv(sample()).trim().split('\r\n');
    expect(csv).to.have.length(1 + 3);
    expect(csv[1]).to.match(/^agreements,MoU — signed\.,,,signed,source:x,An article,2025-02-28,the ministers signed,0,20$/);
    const html = toHtml(sample());
    // Footnotes grouped per source: the article once, its quotes numbered under it.
    expect(html).to.contain(
      '<li class="source-notes"><cite>An article</cite>, 28 February 2025<ol class="footnotes"><li id="fn1" value="1"><q>the ministers signed</q></li><li id="fn2" value="2"><q>trade surpassed $700</q></li></ol></li>',
    );
    expect(html).to.contain('2 quotes from 1 sources, grouped by source.');
    expect(html).to.contain('<p class="note">No planned visits are recorded.</p>');
  });

  it('folds a long list by year: details per year in HTML (the latest open), a heading per year in Markdown', () => {
    const report = sample();
    const statement = (text: string, year: string | null) => ({
      text,
      citations: report.sections[0]!.statements[0]!.citations,
      data: { year },
    });
    report.sections.unshift({
      id: 'events',
      title: 'Events',
      emptyNote: '',
      foldByYear: true,
      statements: [statement('A.', '2024'), statement('B.', '2024'), statement('C.', null), statement('D.', '2025')],
    });
    const html = toHtml(report);
    expect(html).to.match(
      /<details class="year"><summary>2024 <span class="n">\(2\)<\/span><\/summary><ul><li class="fact">A\. .*<li class="fact">B\. /,
    );
    expect(html).to.contain('<details class="year" open><summary>Date not given <span class="n">(1)</span></summary>');
    expect(toMarkdown(report)).to.contain('### 2024 (2)\n\n- A. [^1]\n- B. [^1]\n\n### 2025 (1)');
  });

  it('renders in pieces that are the whole document, JSON exactly as JSON.stringify pretty-prints it', () => {
    const report = sample();
    expect(reportPieces(report, 'json').join('')).to.equal(`${JSON.stringify(report, null, 2)}\n`);
    expect(JSON.parse(renderReport(report, 'json'))).to.deep.equal(report);
    expect(JSON.parse(renderReport({ ...report, sections: [], notes: [] }, 'json'))).to.deep.include({ sections: [], notes: [] });
    for (const format of ['md', 'html', 'csv'] as const) {
      const pieces = reportPieces(report, format);
      expect(pieces.length, format).to.be.above(3);
      expect(pieces.join(''), format).to.equal(renderReport(report, format));
    }
    expect(renderReport(report, 'md')).to.equal(toMarkdown(report));
  });

  it('picks the titles the event’s own article states', () => {
    const titles = [
      {
        person: 'p',
        title: 'Minister of National Economy',
        at: { id: 'o', name: 'M', type: 'Organization' },
        firstSeen: '2025-10-29',
        sources: ['s3'],
        evidence: [],
      },
      {
        person: 'p',
        title: 'Deputy Prime Minister',
        at: { id: 'c', name: 'KZ', type: 'Country' },
        firstSeen: '2025-10-29',
        sources: ['s3'],
        evidence: [],
      },
      {
        person: 'p',
        title: 'Adviser',
        at: { id: 'o2', name: 'X', type: 'Organization' },
        firstSeen: '2020-01-01',
        sources: ['s1'],
        evidence: [],
      },
    ];
    expect(titlesAtTheTime(titles, ['s3'], null).map((t) => t.title)).to.deep.equal([
      'Deputy Prime Minister',
      'Minister of National Economy',
    ]);
    expect(titlesAtTheTime(titles, ['s9'], '2020-02-01').map((t) => t.title)).to.deep.equal(['Adviser']);
  });

  it('writes amounts as people read them', () => {
    expect(formatAmount(545200000, 'USD')).to.equal('$545.2 million');
    expect(formatAmount(9600000, 't')).to.equal('9.6 million tonnes');
    expect(formatAmount(300, 'product categories')).to.equal('300 product categories');
  });
});
