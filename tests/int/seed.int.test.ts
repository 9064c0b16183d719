import { expect } from 'chai';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { graphChecksum } from '../../graph/checksum.ts';
import { defaultFactFiles, loadFactFiles } from '../../seeds/loader.ts';
import { parseEvidenceKey } from '../../domain/source-text.ts';
import { seedAtStartup } from '../../seeds/startup.ts';
import { rows, seededGraph } from '../support/seeded.ts';

const MET = `
  MATCH (a:Person {id: $a})-[m:MET]-(b:Person {id: $b})
  RETURN m.event AS event, toString(m.date) AS date, m.datePrecision AS precision, m.inferred AS inferred, m.rule AS rule`;

describe('seed loader (real Neo4j)', function () {
  before(async () => {
    await seededGraph();
  });

  it('loads all five articles with none refused', async () => {
    const { summary } = await seededGraph();
    expect(summary.files.map((f) => [f.file.slice(0, 3), f.loaded])).to.deep.equal([
      ['000', true],
      ['001', true],
      ['002', true],
      ['003', true],
      ['004', true],
    ]);
    expect(summary.totals.nodesCreated).to.be.greaterThan(100);
  });

  it('stores every MET from the smaller id to the larger (path-details reads them in that direction)', async () => {
    const { driver } = await seededGraph();
    const [counts] = await rows(
      driver,
      'MATCH (a)-[m:MET]->(b) RETURN count(m) AS all, count(CASE WHEN a.id > b.id THEN m END) AS reversed',
    );
    expect(counts!.all).to.be.greaterThan(10);
    expect(counts!.reversed).to.equal(0);
  });

  describe('000 — Astana International Forum (no publication date)', () => {
    it('keeps the source undated and the forum undated', async () => {
      const { driver } = await seededGraph();
      const [src] = await rows(driver, "MATCH (s:Source {id: 'source:000_c9f91e7b6a0dedac'}) RETURN s.published AS published");
      expect(src!.published).to.equal(null);
      const [forum] = await rows(
        driver,
        "MATCH (e:Event {id: 'event:astana-international-forum'}) RETURN e.start AS start, e.datePrecision AS p",
      );
      expect(forum).to.deep.equal({ start: null, p: 'unknown' });
    });

    it('has Kuantyrov speaking at the session inside the forum', async () => {
      const { driver } = await seededGraph();
      const found = await rows(
        driver,
        `MATCH (:Person {id: 'person:alibek-kuantyrov'})-[r:PARTICIPATED_IN]->(s:Event {kind: 'session'})-[:PART_OF]->(f:Event)
         RETURN r.role AS role, r.represents AS represents, f.name AS forum`,
      );
      expect(found).to.deep.equal([{ role: 'speaker', represents: 'country:KZ', forum: 'Astana International Forum' }]);
    });

    it('records the possibly misattributed Congolese minister as the text says, with a doubt note, unmerged', async () => {
      const { driver } = await seededGraph();
      const people = await rows(
        driver,
        "MATCH (p:Person) WHERE p.name CONTAINS 'Sassou' RETURN p.id AS id, p.name AS name, p.note AS note",
      );
      expect(people).to.have.length(1);
      expect(people[0]!.name).to.equal('Denis Sassou N’Guesso');
      expect(people[0]!.note).to.match(/President|Christel/);
      const [title] = await rows(driver, 'MATCH (p:Person {id: $id})-[h:HOLDS]->(o) RETURN h.title AS title, o.id AS at', {
        id: people[0]!.id,
      });
      expect(title!.title).to.match(/Minister for International Cooperation/);
    });

    it('stores the EIPICO investment as a figure with its unit', async () => {
      const { driver } = await seededGraph();
      const [figure] = await rows(
        driver,
        "MATCH (f:Figure)-[:ABOUT]->(o:Organization) WHERE o.name CONTAINS 'EIPICO' RETURN f.value AS value, f.unit AS unit",
      );
      expect(figure).to.deep.equal({ value: 33000000, unit: 'USD' });
    });
  });

  describe('001 — Kuantyrov meets the Nigerian business delegation', () => {
    it('has Adesoji heading the delegation, and a MET with no invented date', async () => {
      const { driver } = await seededGraph();
      const [role] = await rows(
        driver,
        `MATCH (:Person {id: 'person:adeniyi-adesoji'})-[r:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(:Person {id: 'person:alibek-kuantyrov'})
         RETURN r.role AS role, r.represents AS represents`,
      );
      expect(role).to.deep.equal({ role: 'head_of_delegation', represents: 'country:NG' });
      const met = await rows(driver, MET, { a: 'person:alibek-kuantyrov', b: 'person:adeniyi-adesoji' });
      expect(met).to.have.length(1);
      expect(met[0]).to.deep.include({ date: null, precision: 'unknown', inferred: false });
    });

    it('dates the presidents’ talks 14 January 2025, resolved from the article, told by two articles', async () => {
      const { driver } = await seededGraph();
      const [talks] = await rows(
        driver,
        `MATCH (e:Event {id: 'event:2025-01-14-tokayev-tinubu-talks'})
         RETURN toString(e.start) AS start, e.datePrecision AS precision, e.dateBasis AS basis, e.sources AS sources`,
      );
      expect(talks).to.deep.equal({
        start: '2025-01-14',
        precision: 'day',
        basis: 'resolved-from-publication',
        sources: ['source:001_c52e3ca9136f1ee9', 'source:002_600fad2425d765b4'],
      });
      const met = await rows(driver, MET, { a: 'person:kassym-jomart-tokayev', b: 'person:bola-ahmed-tinubu' });
      expect(met.map((m) => m.date)).to.deep.equal(['2025-01-14']);
    });

    it('merges the announced visit (001, planned) and the reported one (002, held) into one event', async () => {
      const { driver } = await seededGraph();
      const [visit] = await rows(
        driver,
        `MATCH (e:Event {id: 'event:2025-02-kz-delegation-visit-ng'})
         RETURN e.status AS status, e.datePrecision AS precision, toString(e.start) AS start, size(e.sources) AS sources`,
      );
      expect(visit).to.deep.equal({ status: 'held', precision: 'month', start: '2025-02-01', sources: 2 });
      const [{ n }] = (await rows(driver, "MATCH (e:Event {kind: 'visit'}) WHERE e.name CONTAINS 'Nigeria' RETURN count(e) AS n")) as [
        { n: number },
      ];
      expect(n).to.equal(1);
    });
  });

  describe('002 — the Kazakh delegation in Nigeria', () => {
    it('derives direct MET pairs dated by the visit (February 2025)', async () => {
      const { driver } = await seededGraph();
      for (const other of ['person:heineken-lokpobiri', 'person:dunoma-umar-ahmed', 'person:nura-abba-rimi']) {
        const met = await rows(driver, MET, { a: 'person:alibek-kuantyrov', b: other });
        expect(met, other).to.have.length(1);
        expect(met[0], other).to.deep.include({ date: '2025-02-01', precision: 'month', inferred: false });
      }
    });

    it('turns "the Kazakh delegation held talks with Ekpo" into an inferred MET, saying which rule', async () => {
      const { driver } = await seededGraph();
      const met = await rows(driver, MET, { a: 'person:alibek-kuantyrov', b: 'person:ekperikpe-ekpo' });
      expect(met).to.have.length(1);
      expect(met[0]).to.deep.include({ inferred: true, rule: 'delegation-head' });
    });

    it('keeps the unnamed NEXIM Managing Director a role at an organisation, not a person', async () => {
      const { driver } = await seededGraph();
      const [part] = await rows(
        driver,
        `MATCH (o:Organization {id: 'org:ng-nexim'})-[r:PARTICIPATED_IN]->(e:Event) RETURN r.officialRole AS officialRole, e.kind AS kind`,
      );
      expect(part).to.deep.equal({ officialRole: 'Managing Director', kind: 'meeting' });
      const people = await rows(driver, "MATCH (p:Person) WHERE p.name CONTAINS 'Managing' OR p.name CONTAINS 'NEXIM' RETURN p.id");
      expect(people).to.have.length(0);
    });

    it('records the NEXIM MoU as agreed to sign, not signed, with both parties', async () => {
      const { driver } = await seededGraph();
      const [mou] = await rows(
        driver,
        `MATCH (a:Agreement)<-[:PARTY_TO]-(p) WHERE a.status = 'agreed-to-sign'
         WITH a, collect(p.id) AS parties RETURN a.kind AS kind, parties`,
      );
      expect(mou!.kind).to.equal('mou');
      expect(mou!.parties).to.have.members(['org:ng-nexim', 'org:kz-export-credit-agency']);
    });

    it('drops the junk lines from the stored article text', async () => {
      const { driver } = await seededGraph();
      const [src] = await rows(
        driver,
        "MATCH (s:Source {id: 'source:002_600fad2425d765b4'}) RETURN s.text AS text, toString(s.published) AS published",
      );
      expect(src!.published).to.equal('2025-02-28');
      expect(src!.text as string).to.not.match(/Tell a friend|Images \| Kazakh MFA/);
      expect((src!.text as string).startsWith('Deputy Minister of Foreign Affairs of Kazakhstan Alibek Kuantyrov')).to.equal(true);
    });

    it('knows "Kazakh MFA" as the Kazakh foreign ministry, distinct from Benin’s', async () => {
      const { driver } = await seededGraph();
      const [kz] = await rows(driver, "MATCH (o:Organization) WHERE 'Kazakh MFA' IN o.aliases RETURN o.id AS id");
      expect(kz!.id).to.equal('org:kz-mfa');
      const [bj] = await rows(driver, "MATCH (o:Organization {id: 'org:bj-mfa'}) RETURN o.name AS name");
      expect(bj!.name).to.match(/Benin/);
    });
  });

  describe('003 — Kazakhstan–Afghanistan Business Forum', () => {
    it('holds Zhumangarin’s two titles as stated that day', async () => {
      const { driver } = await seededGraph();
      const titles = await rows(
        driver,
        "MATCH (:Person {id: 'person:serik-zhumangarin'})-[h:HOLDS]->(o) RETURN h.title AS title, toString(h.firstSeen) AS seen ORDER BY title",
      );
      expect(titles).to.deep.equal([
        { title: 'Deputy Prime Minister', seen: '2025-10-29' },
        { title: 'Minister of National Economy', seen: '2025-10-29' },
      ]);
    });

    it('places the forum in Shymkent on 28 October 2025, with the bilateral talks inside it', async () => {
      const { driver } = await seededGraph();
      const [forum] = await rows(
        driver,
        `MATCH (f:Event {kind: 'forum'})-[:HELD_IN]->(p:Place {name: 'Shymkent'})
         MATCH (t:Event {kind: 'talks'})-[:PART_OF]->(f)
         RETURN toString(f.start) AS start, f.datePrecision AS precision, t.id AS talks`,
      );
      expect(forum).to.deep.include({ start: '2025-10-28', precision: 'day' });
      const met = await rows(driver, MET, { a: 'person:serik-zhumangarin', b: 'person:nooruddin-azizi' });
      expect(met.map((m) => m.event)).to.deep.equal([forum!.talks]);
    });

    it('stores the 2024 trade figure with its period', async () => {
      const { driver } = await seededGraph();
      const found = await rows(driver, 'MATCH (f:Figure) WHERE f.value = 545200000 RETURN f.unit AS unit, f.period AS period');
      expect(found).to.deep.equal([{ unit: 'USD', period: '2024' }]);
    });
  });

  describe('004 — Benin’s foreign minister in Astana', () => {
    it('has Nurtleu meet Bakari, and a signed MoU between the two foreign ministries', async () => {
      const { driver } = await seededGraph();
      expect(await rows(driver, MET, { a: 'person:murat-nurtleu', b: 'person:olushegun-adjadi-bakari' })).to.have.length(1);
      const [mou] = await rows(
        driver,
        `MATCH (a:Agreement {status: 'signed'})<-[:PARTY_TO]-(p) WITH a, collect(p.id) AS parties
         MATCH (a)-[:CONCLUDED_AT]->(e:Event) RETURN parties, e.kind AS kind`,
      );
      expect(mou!.parties).to.have.members(['org:kz-mfa', 'org:bj-mfa']);
      expect(mou!.kind).to.equal('meeting');
    });

    it('keeps Tokayev, only mentioned in the talks, from having met anyone there', async () => {
      const { driver } = await seededGraph();
      const [mention] = await rows(
        driver,
        `MATCH (:Person {id: 'person:kassym-jomart-tokayev'})-[r:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(:Person {id: 'person:murat-nurtleu'})
         RETURN r.role AS role`,
      );
      expect(mention!.role).to.equal('mentioned');
      for (const other of ['person:murat-nurtleu', 'person:olushegun-adjadi-bakari']) {
        expect(await rows(driver, MET, { a: 'person:kassym-jomart-tokayev', b: other }), other).to.have.length(0);
      }
    });

    it('dates the working visit by the arrival day, and does not pass that day on to the meeting', async () => {
      const { driver } = await seededGraph();
      const [visit] = await rows(
        driver,
        `MATCH (m:Event)-[:PART_OF]->(v:Event {kind: 'visit'}) WHERE (:Person {id: 'person:olushegun-adjadi-bakari'})-[:PARTICIPATED_IN]->(m)
         RETURN toString(v.start) AS visit, m.datePrecision AS meeting`,
      );
      expect(visit).to.deep.equal({ visit: '2025-04-18', meeting: 'unknown' });
    });
  });

  describe('provenance', () => {
    it('gives every node and relationship evidence spans that lie inside their article', async () => {
      const { driver } = await seededGraph();
      const texts = new Map(
        (await rows(driver, 'MATCH (s:Source) RETURN s.id AS id, size(s.text) AS length')).map((r) => [r.id as string, r.length as number]),
      );
      const items = await rows(
        driver,
        `CALL () { MATCH (n:Entity) RETURN n.id AS what, n.evidence AS evidence
                   UNION ALL MATCH (a)-[r]->(b) RETURN a.id + ' ' + type(r) + ' ' + b.id AS what, r.evidence AS evidence }
         RETURN what, evidence`,
      );
      expect(items.length).to.be.greaterThan(250);
      for (const item of items) {
        const evidence = item.evidence as string[] | null;
        expect(evidence, `${item.what as string} has no evidence`).to.be.an('array').that.is.not.empty;
        for (const key of evidence!) {
          const parsed = parseEvidenceKey(key)!;
          expect(texts.get(parsed.sourceId), key).to.be.a('number');
          expect(parsed.span.end, key).to.be.at.most(texts.get(parsed.sourceId)!);
        }
      }
    });

    it('shows a quote back from the graph alone', async () => {
      const { driver } = await seededGraph();
      const [quote] = await rows(
        driver,
        `MATCH (:Person {id: 'person:alibek-kuantyrov'})-[m:MET]-(:Person {id: 'person:heineken-lokpobiri'})
         WITH split(m.evidence[0], '#') AS key
         WITH key[0] AS sourceId, [x IN split(key[1], '-') | toInteger(x)] AS span
         MATCH (s:Source {id: sourceId}) RETURN substring(s.text, span[0], span[1] - span[0]) AS quote`,
      );
      expect(quote!.quote as string).to.match(/Kuantyrov|Lokpobiri/);
    });
  });

  describe('idempotency and all-or-nothing', () => {
    it('a second load changes nothing (counts and a checksum of every property)', async () => {
      const { driver } = await seededGraph();
      const before = await graphChecksum(driver);
      const again = await loadFactFiles({ driver });
      expect(again.totals.nodesCreated).to.equal(0);
      expect(again.totals.relationshipsCreated).to.equal(0);
      expect(again.totals.relationshipsDeleted).to.equal(0);
      expect(await graphChecksum(driver)).to.deep.equal(before);
    });

    it('at start-up, reloads only when the seed files changed', async () => {
      const { driver } = await seededGraph();
      const lines: string[] = [];
      await seedAtStartup(driver, undefined, (line) => lines.push(line));
      expect(lines.at(-1)).to.equal('seeds: 5 loaded, 0 refused');
      lines.length = 0;
      await seedAtStartup(driver, undefined, (line) => lines.push(line));
      expect(lines).to.deep.equal(['seeds: unchanged since they were last loaded, not reloaded (npm run seed reloads them)']);
      await driver.executeQuery("MATCH (s:SeedState) SET s.fingerprint = 'older files'");
      lines.length = 0;
      await seedAtStartup(driver, undefined, (line) => lines.push(line));
      expect(lines.at(-1)).to.equal('seeds: 5 loaded, 0 refused');
    });

    it('refuses a bad file whole, names the problem, and writes nothing from it', async () => {
      const { driver } = await seededGraph();
      const before = await graphChecksum(driver);
      const dir = mkdtempSync(join(tmpdir(), 'kg-bad-'));
      const original = defaultFactFiles().find((f) => basename(f).startsWith('003'))!;
      // A new person (would be created) plus one quote that is not in the article.
      const text = readFileSync(original, 'utf8').replace(
        'people:\n',
        'people:\n  - id: person:invented-official\n    name: Invented Official\n    quote: "Invented Official said nothing"\n',
      );
      writeFileSync(join(dir, 'bad.yaml'), text);
      copyFileSync(original, join(dir, 'good.yaml'));
      const summary = await loadFactFiles({ driver, files: [join(dir, 'bad.yaml'), join(dir, 'good.yaml')] });
      expect(summary.files.map((f) => [f.file, f.loaded])).to.deep.equal([
        ['bad.yaml', false],
        ['good.yaml', true],
      ]);
      expect(summary.files[0]!.problems[0]).to.deep.include({ file: 'bad.yaml', path: 'people[0].quote', line: 11 });
      expect(summary.files[0]!.problems[0]!.message).to.match(/quote not found verbatim/);
      expect(await rows(driver, "MATCH (p:Person {id: 'person:invented-official'}) RETURN p")).to.have.length(0);
      expect(await graphChecksum(driver)).to.deep.equal(before);
    });
  });
});
