import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FactFileError } from '../../domain/fact-errors.ts';
import { parseFactFile } from '../../domain/fact-file.ts';
import { readFactFile } from '../../seeds/text-file.ts';
import { Gazetteer } from '../../domain/gazetteer.ts';
import { defaultFactFiles, SOURCES_DIR } from '../../seeds/loader.ts';
import { dateRange } from '../../domain/period.ts';
import { planFactFile } from '../../domain/plan.ts';
import { cleanSourceText } from '../../domain/source-text.ts';

function planText(yamlText: string, name = 'test.yaml') {
  const parsed = parseFactFile(yamlText, name);
  const raw = readFileSync(join(SOURCES_DIR, parsed.facts.source.file), 'utf8');
  return planFactFile(parsed, cleanSourceText(raw, parsed.facts.source.junk), new Gazetteer());
}

function refusal(run: () => unknown): FactFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof FactFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const seed004 = readFileSync(
  defaultFactFiles().find((f) => basename(f).startsWith('004'))!,
  'utf8',
);

describe('seed fact files', () => {
  for (const file of defaultFactFiles()) {
    it(`${basename(file)} validates, and every quote is in its article`, () => {
      const parsed = readFactFile(file);
      const raw = readFileSync(join(SOURCES_DIR, parsed.facts.source.file), 'utf8');
      const plan = planFactFile(parsed, cleanSourceText(raw, parsed.facts.source.junk), new Gazetteer());
      expect(plan.events.length + [...plan.entities.values()].flat().length).to.be.greaterThan(5);
      for (const row of [...plan.entities.values()].flat()) expect(row.evidence, row.id).to.not.be.empty;
    });
  }

  it('refuses an unknown field, naming file, line and field', () => {
    const broken = seed004.replace('  - id: person:murat-nurtleu\n', '  - id: person:murat-nurtleu\n    nickname: Murat\n');
    expect(broken).to.not.equal(seed004);
    const error = refusal(() => planText(broken, 'broken.yaml'));
    expect(error.message).to.match(/broken\.yaml:\d+ \(people\[\d+\]\) unknown field\(s\): nickname/);
    expect(error.problems[0]!.line).to.be.a('number');
  });

  it('refuses a quote that is not in the article', () => {
    const broken = seed004.replace('Murat Nurtleu met with', 'Murat Nurtleu dined with');
    expect(broken).to.not.equal(seed004);
    const error = refusal(() => planText(broken, 'broken.yaml'));
    expect(error.problems.some((p) => /quote not found verbatim in 004_4b454a64f8a9302c\.txt: ".*dined with/.test(p.message))).to.equal(
      true,
    );
  });

  it('refuses a reference to an entity nobody declares', () => {
    const broken = seed004.replace(/who: person:olushegun-adjadi-bakari/, 'who: person:someone-else');
    expect(broken).to.not.equal(seed004);
    const error = refusal(() => planText(broken, 'broken.yaml'));
    expect(error.problems.map((p) => p.message).join('\n')).to.match(
      /refers to "person:someone-else", which no fact file or the graph declares/,
    );
    expect(error.problems[0]!.path).to.match(/^events\[\d+\]\.participants\[\d+\]\.who$/);
  });

  it('refuses a date that is not as precise as text allows', () => {
    const broken = seed004.replace(/value: "2025-04-18"/, 'value: "April 18"');
    expect(broken).to.not.equal(seed004);
    expect(refusal(() => planText(broken)).message).to.match(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it('refuses invalid YAML with its line', () => {
    const error = refusal(() => parseFactFile('source:\n  file: [unclosed\n', 'bad.yaml'));
    expect(error.message).to.match(/bad\.yaml:\d+ is not valid YAML/);
  });

  it('refuses a publication date that contradicts the article header', () => {
    const broken = seed004.replace(/published: "?2025-04-19"?/, 'published: "2025-04-20"');
    expect(broken).to.not.equal(seed004);
    expect(refusal(() => planText(broken)).message).to.match(/says 2025-04-20 but the article's header says 2025-04-19/);
  });
});

describe('dates as precise as the text', () => {
  it('turns a month into its first and last day', () => {
    const range = dateRange('2025-02');
    expect([range.start.toString(), range.end.toString(), range.precision]).to.deep.equal(['2025-02-01', '2025-02-28', 'month']);
  });
  it('handles a day, a year, and a stated span', () => {
    expect(dateRange('2025-01-14').end.toString()).to.equal('2025-01-14');
    expect(dateRange('2024').end.toString()).to.equal('2024-12-31');
    expect(dateRange('2025-04-18', '2025-04-19').end.toString()).to.equal('2025-04-19');
    expect(dateRange('2024-02').end.toString()).to.equal('2024-02-29');
  });
});
