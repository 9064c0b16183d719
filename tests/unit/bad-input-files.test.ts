// Seed files that are broken in the ways real files break: wrong encodings, huge fields, truncated YAML,
// unknown references. Each is refused with the file, the place and what was expected.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FactFileError, formatProblem } from '../../domain/fact-errors.ts';
import { parseFactFile } from '../../domain/fact-file.ts';
import { readFactFile } from '../../seeds/text-file.ts';
import { defaultFactFiles } from '../../seeds/loader.ts';
import { decodeUtf8, firstInvalidUtf8, MAX_INPUT_BYTES } from '../../seeds/text-file.ts';
import { csvRows, CsvFormatError } from '../../seeds/import/csv-rows.ts';

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof FactFileError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected a refusal');
}

const seed = readFileSync(
  defaultFactFiles().find((f) => basename(f).startsWith('004'))!,
  'utf8',
);

describe('bad input files are refused with the place and the reason', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'kg-bad-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('Astana – Abuja', 'utf8'))).to.equal(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe9, 0x63]))).to.equal(2); // Latin-1 "é"
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).to.equal(0); // overlong "/"
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).to.equal(0); // a UTF-16 surrogate
    expect(firstInvalidUtf8(Buffer.from([0xe2, 0x80]))).to.equal(0); // truncated
  });

  it('refuses a Latin-1 file, naming the line and byte', () => {
    const path = join(dir, 'latin1.yaml');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from('source:\n  file: x.txt\n  title: "Caf'), Buffer.from([0xe9]), Buffer.from(' talks"\n')]),
    );
    expect(problemsOf(() => readFactFile(path))).to.deep.equal(['latin1.yaml:3 is not valid UTF-8 (byte 35: 0xe9); save it as UTF-8']);
  });

  it('refuses a Latin-1 CSV while streaming it, naming the line, after reading the rows before it', async () => {
    const file = join(dir, 'visits-latin1.csv');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('\ufeffname,country\nAbdullah,Jordan\n'), Buffer.from('Jos\xe9 Mart\xed,Cuba\n', 'latin1')]),
    );
    const seen: string[] = [];
    let error: unknown;
    try {
      for await (const row of csvRows(file)) seen.push(row.values.name!);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(CsvFormatError);
    expect((error as Error).message).to.equal('visits-latin1.csv:3 is not valid UTF-8 (byte 0xe9); save it as UTF-8');
    expect(seen).to.deep.equal([]); // the bad chunk stops the parse before rows from it are handed on
    const good = join(dir, 'visits.csv');
    writeFileSync(good, '\ufeffname,country\nJosé Martí,Cuba\n');
    const rows = [];
    for await (const row of csvRows(good)) rows.push(row.values);
    expect(rows).to.deep.equal([{ name: 'José Martí', country: 'Cuba' }]);
  });

  it('refuses UTF-16 and accepts (drops) a UTF-8 byte-order mark', () => {
    const path = join(dir, 'utf16.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('source:', 'utf16le')]));
    expect(problemsOf(() => readFactFile(path))).to.deep.equal([
      'utf16.yaml:1 is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8',
    ]);
    expect(decodeUtf8(Buffer.from('\ufeffsource:', 'utf8'), 'bom.yaml')).to.equal('source:');
  });

  it('refuses a file over the size limit before parsing it', () => {
    const path = join(dir, 'huge.yaml');
    writeFileSync(path, Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61));
    expect(problemsOf(() => readFactFile(path))).to.deep.equal([
      `huge.yaml is ${MAX_INPUT_BYTES + 1} bytes; at most ${MAX_INPUT_BYTES} are accepted`,
    ]);
  });

  it('refuses huge fields, naming the field and line', () => {
    const text = seed.replace('name: Murat Nurtleu', `name: ${'N'.repeat(400)}`);
    expect(text).not.to.equal(seed);
    const problems = problemsOf(() => parseFactFile(text, '004.yaml'));
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(/^004\.yaml:\d+ \(people\[\d+\]\.name\) at most 300 characters$/);
  });

  it('refuses truncated YAML and a duplicate key with their lines', () => {
    const cut = seed.slice(0, seed.indexOf('people:') + 40);
    expect(problemsOf(() => parseFactFile(`${cut}\n  - [unclosed`, '004.yaml'))[0]).to.match(/^004\.yaml:\d+ is not valid YAML/);
    expect(problemsOf(() => parseFactFile('source:\n  file: a.txt\nsource:\n  file: b.txt\n', 'dup.yaml'))[0]).to.match(
      /^dup\.yaml:3 is not valid YAML: Map keys must be unique/,
    );
  });

  it('refuses a JSON document of the wrong shape (YAML is a superset of JSON)', () => {
    expect(problemsOf(() => parseFactFile('{"source": 42, "people": "all of them"}', 'x.json'))).to.deep.equal([
      'x.json:1 (source) Expected object, received number',
      'x.json:1 (people) Expected array, received string',
    ]);
  });
});
