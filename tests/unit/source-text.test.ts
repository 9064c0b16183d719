import { expect } from 'chai';
import { cleanSourceText, evidenceKey, locateQuote, parseEvidenceKey } from '../../domain/source-text.ts';

describe('source text', () => {
  it('reads the date header and removes it from the text', () => {
    const clean = cleanSourceText(' date 2025-02-07 ASTANA, Kazakhstan, February 7. Nigeria is interested.');
    expect(clean.headerDate).to.equal('2025-02-07');
    expect(clean.text).to.equal('ASTANA, Kazakhstan, February 7. Nigeria is interested.');
  });

  it('has no date when the article has no header', () => {
    expect(cleanSourceText('Kazakhstan is looking to deepen…').headerDate).to.equal(null);
  });

  it('drops junk lines and folds blank runs', () => {
    const clean = cleanSourceText(' date 2025-02-28 Images | Kazakh MFA\n\nTell a friend\n\nFirst.\n\n\n\n\nSecond.', [
      'Images | Kazakh MFA',
      'Tell a friend',
    ]);
    expect(clean.text).to.equal('First.\n\nSecond.');
  });

  it('locates quotes verbatim only', () => {
    const text = 'Nigeria’s Minister of Gas, Ekperikpe Ekpo';
    expect(locateQuote(text, 'Minister of Gas')).to.deep.equal({ start: 10, end: 25 });
    expect(locateQuote(text, "Nigeria's Minister")).to.equal(null);
  });

  it('round-trips evidence keys', () => {
    const key = evidenceKey('source:001_abc', { start: 5, end: 42 });
    expect(key).to.equal('source:001_abc#5-42');
    expect(parseEvidenceKey(key)).to.deep.equal({ sourceId: 'source:001_abc', span: { start: 5, end: 42 } });
    expect(parseEvidenceKey('nonsense')).to.equal(null);
  });
});
