import { expect } from 'chai';
import { parseEvidenceKey } from '../../domain/source-text.ts';
import { baseRows, eventChunks, parseSize, participationDegrees, scaleOf, type EventChunk } from '../../bench/synthetic/generator.ts';
import { searchText } from '../../bench/synthetic/csv.ts';
import { inFlight } from '../../bench/synthetic/load.ts';

const all = (mets: number, seed = 42): EventChunk[] => [...eventChunks(scaleOf({ mets, seed, chunkEvents: 500 }))];

describe('synthetic diplomatic network (bench/synthetic)', () => {
  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    const scale = scaleOf({ mets: 3000, seed: 7 });
    expect(JSON.stringify(baseRows(scale))).to.equal(JSON.stringify(baseRows(scaleOf({ mets: 3000, seed: 7 }))));
    expect(JSON.stringify(all(3000, 7))).to.equal(JSON.stringify(all(3000, 7)));
    expect(JSON.stringify(all(3000, 8))).to.not.equal(JSON.stringify(all(3000, 7)));
    expect(baseRows(scaleOf({ mets: 10_000 })).persons[0]).to.deep.equal({
      id: 'person:syn-0',
      name: 'Olga Tudasha',
      props: {},
      aliases: [],
      sources: [],
      evidence: [],
    });
  });

  it('produces exactly the MET count asked for, one row per pair and event, from the smaller id, as derive-met would', () => {
    const chunks = all(10_000);
    const rows = chunks.flatMap((c) => c.metRows);
    expect(rows.length).to.equal(10_000);
    expect(chunks.reduce((s, c) => s + c.mets, 0)).to.equal(10_000);
    expect(new Set(rows.map((r) => `${r.a}|${r.b}|${r.event}`)).size).to.equal(10_000);
    for (const r of rows) expect(r.a < r.b, `${r.a} < ${r.b}`).to.equal(true);
    const kinds = new Set(rows.map((r) => r.props.eventKind));
    expect([...kinds].sort()).to.deep.equal(['call', 'meeting', 'session', 'signing', 'talks']);
    const participants = new Map<string, Set<string>>();
    for (const p of chunks.flatMap((c) => c.participations)) participants.set(p.event, (participants.get(p.event) ?? new Set()).add(p.who));
    for (const r of rows.slice(0, 500)) expect(participants.get(r.event)!.has(r.a) && participants.get(r.event)!.has(r.b)).to.equal(true);
    expect(chunks.reduce((s, c) => s + c.events.length, 0)).to.equal(1708);
    expect(chunks.reduce((s, c) => s + c.participations.length, 0)).to.equal(4981);
  });

  it('has a heavy-tailed participation degree: a few officials in hundreds of meetings, most in a handful', () => {
    const degrees = Array.from(participationDegrees(scaleOf({ mets: 10_000 }))).sort((a, b) => b - a);
    const total = degrees.reduce((s, d) => s + d, 0);
    const top1pc = degrees.slice(0, degrees.length / 100).reduce((s, d) => s + d, 0);
    expect(degrees[0]).to.equal(481);
    expect(degrees[degrees.length / 2]).to.equal(4);
    // The top 1% of 500 officials (5 people) take part in almost a quarter of all participations.
    expect(Math.round((top1pc / total) * 100)).to.equal(24);
    expect(degrees[0]! / degrees[degrees.length / 2]!).to.be.greaterThan(100);
  });

  it('cuts every participation quote out of its press release: the sentence naming the people', () => {
    const [chunk] = all(2000);
    const texts = new Map(chunk!.sources.map((s) => [s.id, s.props.text as string]));
    const names = new Map(baseRows(scaleOf({ mets: 2000 })).persons.map((p) => [p.id, p.name]));
    for (const p of chunk!.participations.slice(0, 200)) {
      const key = parseEvidenceKey(p.evidence[0]!)!;
      const quote = texts.get(key.sourceId)!.slice(key.span.start, key.span.end);
      expect(quote).to.match(/^On \d{4}-\d{2}-\d{2} .* (held|in) .*\.$/);
      expect(quote).to.include(names.get(p.who)!);
    }
  });

  it('reads sizes and builds searchText as upsert-entities does', () => {
    expect([parseSize('10k'), parseSize('100K'), parseSize('1M'), parseSize('2500')]).to.deep.equal([10_000, 100_000, 1_000_000, 2500]);
    expect(() => parseSize('lots')).to.throw('--size: expected 10k, 100k, 1M');
    expect(searchText(['N’Guesso', "D'Arcy"])).to.equal(' | NGuesso | DArcy');
    expect(searchText(['George H.W. Bush'])).to.equal(' | George H.W. Bush | George HW Bush');
  });
});

describe('inFlight (the synthetic loader’s concurrent writers)', () => {
  const tick = () => new Promise((r) => setTimeout(r, 1));

  it('runs at most `limit` at once and pulls items only when a slot is free', async () => {
    let running = 0;
    let peak = 0;
    let pulled = 0;
    const items = function* () {
      for (let i = 0; i < 20; i++) {
        pulled++;
        expect(pulled - done, 'items pulled ahead of free slots').to.be.at.most(3);
        yield i;
      }
    };
    let done = 0;
    const seen: number[] = [];
    const complete = await inFlight(items(), 3, async (i) => {
      peak = Math.max(peak, ++running);
      await tick();
      seen.push(i);
      running--;
      done++;
    });
    expect([complete, peak, seen.length]).to.deep.equal([true, 3, 20]);
    expect([...seen].sort((a, b) => a - b)).to.deep.equal([...Array(20).keys()]);
  });

  it('stops when asked, after the running ones finish, and reports it', async () => {
    let done = 0;
    const complete = await inFlight(
      [...Array(50).keys()],
      2,
      async () => void (await tick(), done++),
      () => done >= 5,
    );
    expect(complete).to.equal(false);
    expect(done).to.be.within(5, 7);
  });

  it('throws the first failure once the others have settled', async () => {
    const finished: number[] = [];
    const run = inFlight([1, 2, 3, 4, 5, 6], 2, async (i) => {
      await tick();
      if (i === 2) throw new Error('deadlock budget spent');
      finished.push(i);
    });
    let message = '';
    await run.catch((e: Error) => (message = e.message));
    expect(message).to.equal('deadlock budget spent');
    expect(finished).to.include(1);
    expect(finished).to.not.include(6);
  });
});
