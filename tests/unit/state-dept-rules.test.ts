// The State Department import's rules in isolation: name folding and who-is-who, reading people out
// of the prose, row validation with file:line (field) messages.
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRows } from '../../seeds/import/csv-rows.ts';
import { IdentityRegistry, nameKey, type Mention } from '../../seeds/import/state-dept/identity.ts';
import { importStateDept, ImportRefused } from '../../seeds/import/state-dept/import.ts';
import { renderSource } from '../../seeds/import/state-dept/map.ts';
import { COUNTERPART_OFFICES, officeMentions, US_OFFICES, visitorMentions } from '../../seeds/import/state-dept/mentions.ts';
import { readRecord } from '../../seeds/import/state-dept/records.ts';
import { countryCode, loadTables } from '../../seeds/import/state-dept/tables.ts';

const tables = loadTables();

describe('State Department import: rules', () => {
  describe('name folding', () => {
    it('ignores case, diacritics, hyphens, initials, honorifics and a doubled word', () => {
      expect(nameKey('Kim Dae-jung')).to.equal(nameKey('Kim Dae Jung'));
      expect(nameKey('Shinzō Abe')).to.equal('shinzo abe');
      expect(nameKey('Recep Tayyip Erdoğan')).to.equal(nameKey('Recep Tayyip Erdogan'));
      expect(nameKey('Justin P. J. Trudeau')).to.equal('justin trudeau');
      expect(nameKey('Jacques R. Chirac')).to.equal(nameKey('Jacques Chirac'));
      expect(nameKey('Haji Hassanal Bolkiah')).to.equal('hassanal bolkiah');
      expect(nameKey('Sheikh Tamim bin Hamad Al Thani')).to.equal(nameKey('Tamim bin Hamad al-Thani'));
      expect(nameKey('Giulio Giulio Andreotti')).to.equal('giulio andreotti');
      expect(nameKey('Jean Claude Juncker')).to.equal(nameKey('Jean-Claude Juncker'));
    });
  });

  describe('who is who', () => {
    const mention = (
      slot: string,
      name: string,
      country: string,
      year: number,
      office: string | null = null,
      pins: string[] = [],
    ): Mention => ({
      slot,
      name,
      country,
      year,
      office,
      pins,
    });
    function registry(mentions: Mention[]): IdentityRegistry {
      const r = new IdentityRegistry(tables.people);
      for (const m of mentions) r.add(m);
      r.finish();
      return r;
    }

    it('merges the curated spellings (Netanyahu, Medvedev, typos) and the folded ones (Orbán)', () => {
      const r = registry([
        mention('a', 'Benjamin Netanyahu', 'IL', 2009),
        mention('b', 'Binyamin Netanyahu', 'IL', 1996),
        mention('c', 'Benyamin Netanyahu', 'IL', 1998),
        mention('d', 'Dimitry A. Medvedev', 'RU', 2011),
        mention('e', 'Dmitriy Medvedev', 'RU', 2010),
        mention('f', 'Nicloas Sarkozy', 'FR', 2010),
        mention('g', 'Nicolas Sarkozy', 'FR', 2007),
        mention('h', 'Viktor Orban', 'HU', 1998),
        mention('i', 'Viktor Orbán', 'HU', 2019),
      ]);
      expect(['a', 'b', 'c'].map((s) => r.resolve(s).id)).to.deep.equal(Array(3).fill('person:il-benjamin-netanyahu'));
      expect(['d', 'e'].map((s) => r.resolve(s).id)).to.deep.equal(Array(2).fill('person:ru-dmitry-medvedev'));
      expect(r.resolve('f')).to.deep.equal(r.resolve('g'));
      expect(r.resolve('h')).to.deep.equal({ id: 'person:hu-viktor-orban', name: 'Viktor Orban' });
      expect(r.resolve('i').id).to.equal('person:hu-viktor-orban');
    });

    it('merges a shorter form into the one fuller name of that country and period, and no other', () => {
      const r = registry([
        mention('menem-1', 'Carlos Saul Menem', 'AR', 1996),
        mention('menem-2', 'Carlos Menem', 'AR', 1999),
        mention('khama-1', 'Seretse Khama', 'BW', 1969),
        mention('khama-2', 'Seretse Khama Ian Khama', 'BW', 2009),
        mention('wilson-1', 'Wilson', 'GB', 1964, 'Prime Minister'),
        mention('wilson-2', 'Harold Wilson', 'GB', 1966),
      ]);
      expect(r.resolve('menem-2').id).to.equal(r.resolve('menem-1').id);
      // Father (1969) and son (2009): 40 years apart, two people.
      expect(r.resolve('khama-1').id).to.not.equal(r.resolve('khama-2').id);
      expect(r.resolve('wilson-1')).to.deep.equal({ id: 'person:gb-harold-wilson', name: 'Harold Wilson' });
    });

    it("keeps the README's different people with similar names apart", () => {
      const r = registry([
        mention('chaim', 'Chaim Herzog', 'IL', 1987),
        mention('isaac', 'Isaac Herzog', 'IL', 2022),
        mention('indira', 'Indira Gandhi', 'IN', 1982),
        mention('rajiv', 'Rajiv Gandhi', 'IN', 1985),
        mention('nasser-pm', 'Sheikh Nasser al-Sabah', 'KW', 2008),
        mention('nasser-son', 'Sheikh Nasser Sabah Al-Ahmed Al-Sabah', 'KW', 2020, null, ['visit-3013']),
        mention('king', 'Hussein', 'JO', 1959, 'King'),
        mention('king-2', 'Hussein', 'JO', 1999, 'King'),
        ...[1964, 1970, 1978, 1985, 1992].map((year) => mention(`king-${year}`, 'Hussein', 'JO', year, 'King')),
        mention('crown-prince', 'Hussein', 'JO', 2021, 'Crown Prince', ['visit-3150#2']),
        mention('karamanlis-elder', 'Konstantinos Karamanlis', 'GR', 1978),
        mention('karamanlis-nephew', 'Konstantinos Karamanlis', 'GR', 2004, null, ['visit-1708']),
      ]);
      const ids = [
        'chaim',
        'isaac',
        'indira',
        'rajiv',
        'nasser-pm',
        'nasser-son',
        'king',
        'crown-prince',
        'karamanlis-elder',
        'karamanlis-nephew',
      ].map((s) => r.resolve(s).id);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(r.resolve('king-2').id).to.equal(r.resolve('king').id);
      expect(r.resolve('crown-prince').id).to.equal('person:jo-crown-prince-hussein');
      expect(r.resolve('karamanlis-nephew').name).to.equal('Kostas Karamanlis');
    });

    it('takes a lone surname that fits several people as one person per office and run of years', () => {
      const r = registry([
        mention('kim-1', 'Kim', 'KR', 1998, 'Foreign Minister'),
        mention('kim-2', 'Kim', 'KR', 2003, 'Foreign Minister'),
        mention('kim-3', 'Kim', 'KR', 2014, 'Foreign Minister'),
        mention('kim-p', 'Kim', 'KR', 1998, 'President'),
        mention('kdj', 'Kim Dae-jung', 'KR', 1998),
        mention('kys', 'Kim Young Sam', 'KR', 1995),
      ]);
      expect(['kim-1', 'kim-2', 'kim-3', 'kim-p'].map((s) => r.resolve(s).id)).to.deep.equal([
        'person:kr-kim-foreign-minister-1998',
        'person:kr-kim-foreign-minister-1998',
        'person:kr-kim-foreign-minister-2014',
        'person:kr-kim-president',
      ]);
      expect(r.resolve('kim-1').note).to.match(/surname only/);
    });
  });

  describe('people in the prose', () => {
    it('splits the joint visits on ", " or " and " before an office', () => {
      expect(visitorMentions('President Andrzej Duda and Prime Minister Donald Tusk', '').map((v) => [v.office, v.name])).to.deep.equal([
        ['President', 'Andrzej Duda'],
        ['Prime Minister', 'Donald Tusk'],
      ]);
      expect(visitorMentions('King Abdullah and Crown Prince Hussein', '').map((v) => [v.office, v.name])).to.deep.equal([
        ['King', 'Abdullah'],
        ['Crown Prince', 'Hussein'],
      ]);
      expect(visitorMentions('Jose Luis Rodriguez Zapatero', '')).to.deep.equal([
        { index: 1, name: 'Jose Luis Rodriguez Zapatero', office: null, text: 'Jose Luis Rodriguez Zapatero' },
      ]);
    });

    it('reads counterparts after a meeting verb, with a nationality or "former" kept apart', () => {
      const found = officeMentions(
        'Met with Foreign Minister Laurent Fabius, Russian Foreign Minister Sergei Lavrov, and former President Truman. Attended the G7 Summit with Chancellor Merkel.',
        COUNTERPART_OFFICES,
      );
      expect(found.map((m) => [m.qualifier, m.office, m.name, m.text])).to.deep.equal([
        [null, 'Foreign Minister', 'Laurent Fabius', 'Foreign Minister Laurent Fabius'],
        ['Russian', 'Foreign Minister', 'Sergei Lavrov', 'Russian Foreign Minister Sergei Lavrov'],
        ['former', 'President', 'Truman', 'former President Truman'],
      ]);
      expect(officeMentions('Met with Spanish colonial officials.', COUNTERPART_OFFICES)).to.deep.equal([]);
      expect(
        officeMentions('Discussed the Persian Gulf crisis with President Ozal.', COUNTERPART_OFFICES).map((m) => m.text),
      ).to.deep.equal(['President Ozal']);
    });

    it("reads the US official and a day right after the name in a visit's description", () => {
      const [nixon] = officeMentions('Met with President Nixon December 8 during a private visit.', US_OFFICES);
      expect(nixon).to.deep.include({ office: 'President', name: 'Nixon', day: [12, 8], text: 'President Nixon' });
    });
  });

  describe('rows', () => {
    const row = (values: Record<string, string>) => ({ file: 'visits.csv', line: 7, values });
    const visit = {
      id: 'visit-1',
      visitor: 'Test Person',
      title: 'President',
      country: 'U.S.S.R.',
      start_date: '1990-05-30',
      end_date: '1990-06-03',
      description: '',
      source_id: 'data/1990.xml#1',
      country_id: 'russia',
    };

    it('maps country keys to ISO codes, historic names to former codes', () => {
      expect(countryCode(tables.countries, 'russia', 'U.S.S.R.')).to.equal('SU');
      expect(countryCode(tables.countries, 'russia', 'Russia')).to.equal('RU');
      expect(
        ['turkey', 'turkiye', 'czech-republic', 'czechia', 'korea', 'korea-south', 'somoa'].map((k) =>
          countryCode(tables.countries, k, ''),
        ),
      ).to.deep.equal(['TR', 'TR', 'CZ', 'CZ', 'KR', 'KR', 'WS']);
      expect(readRecord(row(visit), tables.countries)).to.deep.include({ ok: true });
    });

    it('names file:line and the field of a bad date or an unknown country', () => {
      expect(readRecord(row({ ...visit, start_date: '1990-5-30' }), tables.countries)).to.deep.equal({
        ok: false,
        problems: [
          { file: 'visits.csv', line: 7, field: 'start_date', message: 'a date as precise as the text: YYYY, YYYY-MM or YYYY-MM-DD' },
        ],
      });
      const unknown = readRecord(row({ ...visit, country_id: 'atlantis' }), tables.countries);
      expect(unknown.ok === false && unknown.problems.map((p) => [p.field, p.message])).to.deep.equal([
        ['country_id', 'unknown country key "atlantis"; add it to seeds/import/state-dept/countries.yaml'],
      ]);
      const impossible = readRecord(row({ ...visit, start_date: '1990-02-30', end_date: '1990-02-30' }), tables.countries);
      expect(impossible.ok === false && impossible.problems.map((p) => p.field)).to.deep.equal(['start_date', 'end_date']);
    });

    it('renders a visit with its empty fields left out', () => {
      const result = readRecord(row(visit), tables.countries);
      expect(result.ok && renderSource(result.record)).to.equal(
        'Visit to the United States by a foreign leader — Office of the Historian, U.S. Department of State (visit-1, data/1990.xml#1)\n' +
          'visitor: Test Person\ntitle: President\ncountry: U.S.S.R.\nstart_date: 1990-05-30\nend_date: 1990-06-03',
      );
    });
  });

  describe('bad input stops the import before anything is written', () => {
    const header = 'id,visitor,title,country,start_date,end_date,description,source_id,country_id\n';
    const trips = 'id,traveler,role,country,locale,start_date,end_date,remarks,source_id,traveler_id,country_id\n';
    function dir(visits: string): string {
      const d = mkdtempSync(join(tmpdir(), 'state-dept-'));
      writeFileSync(join(d, 'visits.csv'), header + visits);
      writeFileSync(join(d, 'trips.csv'), trips);
      return d;
    }

    it('lists every bad row as file:line (field)', async () => {
      const d = dir(
        'visit-1,A Person,King,Atlantis,1990-01-01,1990-01-02,,x#1,atlantis\nvisit-2,B Person,King,Spain,1990-13-01,1990-01-02,,x#2,spain\n',
      );
      const error = await importStateDept({ dir: d, dryRun: true, progress: null }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ImportRefused);
      expect((error as ImportRefused).problems).to.deep.equal([
        'visits.csv:2 (country_id) unknown country key "atlantis"; add it to seeds/import/state-dept/countries.yaml',
        'visits.csv:3 (start_date) a date as precise as the text: YYYY, YYYY-MM or YYYY-MM-DD',
      ]);
    });

    it('skips and reports bad rows with skipInvalid, importing the rest', async () => {
      const d = dir(
        'visit-1,A Person,King,Atlantis,1990-01-01,1990-01-02,,x#1,atlantis\nvisit-2,B Person,King,Spain,1990-01-01,1990-01-02,,x#2,spain\n',
      );
      const summary = await importStateDept({ dir: d, dryRun: true, progress: null, skipInvalid: true });
      expect(summary).to.deep.include({ read: 2, imported: 1 });
      expect(summary.skipped.map((s) => [s.file, s.line])).to.deep.equal([['visits.csv', 2]]);
    });

    it('names the line of malformed CSV', async () => {
      const d = mkdtempSync(join(tmpdir(), 'state-dept-'));
      writeFileSync(join(d, 'bad.csv'), 'a,b\n1,2\n3\n');
      const rows: unknown[] = [];
      const error = await (async () => {
        for await (const r of csvRows(join(d, 'bad.csv'))) rows.push(r);
      })().catch((e: unknown) => e);
      expect(rows).to.have.length(1);
      expect(String(error)).to.match(/^CsvFormatError: bad\.csv:3 is not valid CSV: Invalid Record Length/);
    });
  });
});
