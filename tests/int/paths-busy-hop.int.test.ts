// A hop between two officials who met many times lists the first few meetings (earliest first, the
// undated last) with the count of all, inside the date window; `inferred` speaks for all of them.
import { expect } from 'chai';
import neo4j from 'neo4j-driver';
import { dateRange } from '../../domain/period.ts';
import { evidenceKey } from '../../domain/source-text.ts';
import { runBatched } from '../../graph/writer.ts';
import type { PathsAnswer } from '../../server/services/paths.ts';
import { getJson } from '../support/app.ts';
import { seededGraph } from '../support/seeded.ts';

const A = 'person:busyhop-a';
const B = 'person:busyhop-b';
const C = 'person:busyhop-c';
const SOURCE = 'source:busyhop';
const MONTHS = Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}-01`);

describe('paths: a busy hop lists its first links and counts them all (real Neo4j)', () => {
  before(async () => {
    const { driver } = await seededGraph();
    // One sentence per meeting, each the quote of its MET.
    const sentences = [
      ...MONTHS.map((d) => `On ${d} A met B.`),
      'A met B once, date unknown.',
      'B met C in 2021.',
      'B met C again in 2022.',
    ];
    let text = '';
    const spans = sentences.map((s) => {
      const span = { start: text.length, end: text.length + s.length };
      text += `${s} `;
      return evidenceKey(SOURCE, span);
    });
    const met = (a: string, b: string, i: number, date: string | null, inferred: boolean) => {
      const range = date ? dateRange(date) : null;
      return {
        a,
        b,
        event: `event:busyhop-${i}`,
        props: {
          date: range?.start ?? null,
          end: range?.end ?? null,
          datePrecision: range?.precision ?? 'unknown',
          dateText: date,
          eventKind: 'meeting',
          mode: 'in_person',
          inferred,
          sources: [SOURCE],
          evidence: [spans[i]!],
        },
      };
    };
    // The first five A–B meetings are inferred, the rest stated: the hop is not inferred. Both B–C ones are.
    const rows = [
      ...MONTHS.map((d, i) => met(A, B, i, d, i < 5)),
      met(A, B, 12, null, false),
      met(B, C, 13, '2021-03-01', true),
      met(B, C, 14, '2022-03-01', true),
    ];
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(async (tx) => {
        await runBatched(tx, 'upsert-sources', [{ id: SOURCE, props: { file: 'busyhop.txt', title: 'Busy hop', text } }]);
        const person = (id: string, name: string) => ({ id, name, props: {}, aliases: [], sources: [SOURCE], evidence: [] });
        await runBatched(tx, 'upsert-entities', [person(A, 'Busyhop Alpha'), person(B, 'Busyhop Beta'), person(C, 'Busyhop Gamma')], {
          label: 'Person',
        });
        await runBatched(tx, 'upsert-met', rows.reverse()); // stored out of order: the query must sort
      });
    } finally {
      await session.close();
    }
  });

  after(async () => {
    const { driver } = await seededGraph();
    await driver.executeQuery('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: [A, B, C, SOURCE] });
  });

  const hops = async (query: string) => {
    const { status, body } = await getJson<PathsAnswer>(`/api/paths?from=${A}&to=${C}&${query}`);
    expect(status, JSON.stringify(body).slice(0, 300)).to.equal(200);
    return body.paths[0]!.hops;
  };

  it('lists linksPerHop meetings, earliest first, with the count of all and their quotes', async () => {
    const [ab, bc] = await hops('linksPerHop=5');
    expect(ab!.linkCount).to.equal(13);
    expect(ab!.links.map((l) => l.date)).to.deep.equal(MONTHS.slice(0, 5));
    expect(ab!.links.map((l) => l.evidence[0]!.quote)).to.deep.equal(MONTHS.slice(0, 5).map((d) => `On ${d} A met B.`));
    expect(ab!.date).to.equal('2020-01-01');
    expect(bc!.linkCount).to.equal(2);
    expect(bc!.links.map((l) => l.date)).to.deep.equal(['2021-03-01', '2022-03-01']);
  });

  it('lists 10 by default and the undated meeting last', async () => {
    const [ab] = await hops('');
    expect([ab!.links.length, ab!.linkCount]).to.deep.equal([10, 13]);
    const all = (await hops('linksPerHop=100'))[0]!;
    expect(all.links.map((l) => l.date)).to.deep.equal([...MONTHS, null]);
  });

  it('counts only the meetings inside the window', async () => {
    const [ab, bc] = await hops('start=2020-06&end=2021-12&linksPerHop=3');
    expect(ab!.linkCount).to.equal(7);
    expect(ab!.links.map((l) => l.date)).to.deep.equal(['2020-06-01', '2020-07-01', '2020-08-01']);
    expect(bc!.linkCount).to.equal(1);
  });

  it('is inferred only when every meeting of the hop is, listed or not', async () => {
    const [ab, bc] = await hops('linksPerHop=3');
    expect(ab!.links.every((l) => l.inferred)).to.equal(true);
    expect(ab!.inferred).to.equal(false);
    expect(bc!.inferred).to.equal(true);
  });

  it('refuses a linksPerHop outside 1–100, naming it', async () => {
    for (const bad of ['0', '101', 'many']) {
      const { status, body } = await getJson<{ param?: string }>(`/api/paths?from=${A}&to=${C}&linksPerHop=${bad}`);
      expect([status, body.param]).to.deep.equal([400, 'linksPerHop']);
    }
  });
});
