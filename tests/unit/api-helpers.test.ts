import { expect } from 'chai';
import neo4j from 'neo4j-driver';
import { formatPeriod as formatDate } from '../../domain/period.ts';
import { meetingsQuery, pathsQuery } from '../../server/contracts/requests.ts';
import { parseInput } from '../../server/http/validate.ts';
import { BadInput } from '../../domain/errors.ts';
import { cypherParams, fillSlots } from '../../graph/reader.ts';
import { toDriverValue, toPlain } from '../../graph/values.ts';
import { CalendarDay, isPeriod, periodBound } from '../../domain/period.ts';
import { luceneQuery } from '../../server/services/search.ts';
import { edgeLabel } from '../../server/services/neighborhood.ts';
import { kShortestPaths, pathQueriesFor, spursAfter } from '../../server/services/paths.ts';
import type { Row } from '../../graph/reader.ts';

describe('API helpers (no database)', () => {
  it('builds Lucene queries from folded words only', () => {
    expect(luceneQuery('N’Guesso')).to.equal('(nguesso^3 OR nguesso* OR nguesso~1)');
    // Stop words are dropped (the index has none of them); a query of stop words alone keeps them.
    expect(luceneQuery('Ooni of')).to.equal('(ooni^3 OR ooni*)');
    expect(luceneQuery('of')).to.equal('(of^3 OR of*)');
    expect(luceneQuery('")) OR name:* ~')).to.equal('(name^3 OR name*)');
    expect(luceneQuery('George H. W. Bush')).to.equal(
      '(george^3 OR george* OR george~1) AND (hw^3 OR hw* OR (h AND w)) AND (bush^3 OR bush*)',
    );
    expect(luceneQuery('?!*')).to.equal(null);
  });

  it('fills integer slots and refuses anything else', () => {
    expect(fillSlots('SHORTEST {{fetch}} (a){1,{{maxHops}}}', { fetch: 30, maxHops: 6 })).to.equal('SHORTEST 30 (a){1,6}');
    expect(() => fillSlots('{{k}}', { k: 1.5 })).to.throw(/whole number/);
    expect(() => fillSlots('{{k}}', {})).to.throw(/whole number/);
    expect(() => fillSlots('{{k}}', { k: '1) DETACH DELETE n //' as unknown as number })).to.throw(/whole number/);
  });

  it('sends whole numbers to Cypher as integers', () => {
    const params = cypherParams({ limit: 10, ratio: 0.5, ids: ['a'], nested: { k: 3 } }) as Record<string, unknown>;
    expect(neo4j.isInt(params.limit)).to.equal(true);
    expect(params.ratio).to.equal(0.5);
    expect(neo4j.isInt((params.nested as Record<string, unknown>).k)).to.equal(true);
  });

  it('converts Neo4j values losslessly', () => {
    expect(toPlain(neo4j.int(42))).to.equal(42);
    expect(toPlain(neo4j.int('9007199254740993'))).to.equal('9007199254740993');
    expect(toPlain(new neo4j.types.Date(2025, 2, 1))).to.equal('2025-02-01');
    expect(toPlain({ a: [neo4j.int(1)] })).to.deep.equal({ a: [1] });
  });

  it('turns periods into window bounds', () => {
    expect(periodBound('2025-02', 'start')!.toString()).to.equal('2025-02-01');
    expect(periodBound('2025-02', 'end')!.toString()).to.equal('2025-02-28');
    expect(periodBound('2024', 'end')!.toString()).to.equal('2024-12-31');
    expect(periodBound(undefined, 'start')).to.equal(null);
    expect(periodBound('2024-02', 'end')!.toString()).to.equal('2024-02-29');
    expect(isPeriod('2025-02-29')).to.equal(false);
    expect(isPeriod('2024-02-29')).to.equal(true);
    expect(isPeriod('2025-13')).to.equal(false);
  });

  it('sends calendar days to Cypher as Dates and leaves other values as they are', () => {
    const sent = cypherParams({ from: CalendarDay.fromIso('2025-02-01'), limit: 5 }) as { from: unknown; limit: unknown };
    expect(neo4j.isDate(sent.from)).to.equal(true);
    expect(String(sent.from)).to.equal('2025-02-01');
    expect(neo4j.isInt(sent.limit)).to.equal(true);
    const written = toDriverValue({ rows: [{ asOf: CalendarDay.fromIso('2024-12-31'), value: 2 }] }) as {
      rows: { asOf: unknown; value: unknown }[];
    };
    expect(neo4j.isDate(written.rows[0]!.asOf)).to.equal(true);
    expect(written.rows[0]!.value).to.equal(2);
  });

  it('writes dates only as precisely as they are known', () => {
    expect(formatDate('2025-01-14', 'day')).to.equal('14 January 2025');
    expect(formatDate('2025-02-01', 'month')).to.equal('February 2025');
    expect(formatDate('2025-01-01', 'year')).to.equal('2025');
    expect(formatDate(null, 'unknown')).to.equal('date not given');
  });

  it('validates queries with defaults and named errors', () => {
    expect(parseInput(pathsQuery, { from: 'a', to: 'b' })).to.deep.include({ via: 'meetings', maxHops: 6, limit: 1 });
    expect(parseInput(pathsQuery, { from: 'a', to: 'b', exclude: 'Country, org:kz-mfa' }).exclude).to.deep.equal(['Country', 'org:kz-mfa']);
    const bad = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error as BadInput;
      }
      throw new Error('expected BadInput');
    };
    expect(bad(() => parseInput(pathsQuery, { from: 'a', to: 'b', maxHops: '3.5' })).param).to.equal('maxHops');
    expect(bad(() => parseInput(meetingsQuery, { from: '2025-02-29' })).message).to.match(/real calendar date/);
    expect(parseInput(meetingsQuery, { from: '2024-02-29', to: '2024-02' }).from).to.equal('2024-02-29');
    expect(bad(() => parseInput(meetingsQuery, { from: '2025-03', to: '2025-02-28' })).param).to.equal('to');
  });

  it('labels edges with role, title or date', () => {
    expect(edgeLabel('HOLDS', { title: 'Foreign Minister' })).to.equal('Foreign Minister');
    expect(edgeLabel('MET', { date: '2025-02-01', datePrecision: 'month', inferred: true })).to.equal('met 2025-02 (inferred)');
    expect(edgeLabel('PARTICIPATED_IN', { role: 'mentioned' })).to.equal('mentioned');
  });
});

describe("path query choice and Yen's k shortest paths", () => {
  it('uses shortestPath for one path and batched spur searches for more', () => {
    expect(pathQueriesFor('meetings', 6)).to.deep.equal({
      shortest: 'paths-meetings-shortest',
      spurs: 'paths-meetings-spurs',
      slots: { maxHops: 6 },
    });
    expect(pathQueriesFor('any', 4)).to.deep.equal({ shortest: 'paths-any-shortest', spurs: 'paths-any-spurs', slots: { maxHops: 4 } });
  });

  it('spurs from every node but the last, avoiding the root and the steps found paths already took', () => {
    expect(spursAfter([['a', 'x', 'b']])).to.deep.equal([
      { index: 0, from: 'a', avoid: [], banned: ['x'] },
      { index: 1, from: 'x', avoid: ['a'], banned: ['b'] },
    ]);
    expect(
      spursAfter([
        ['a', 'x', 'b'],
        ['a', 'y', 'z', 'b'],
      ]),
    ).to.deep.equal([
      { index: 0, from: 'a', avoid: [], banned: ['x', 'y'] },
      { index: 1, from: 'y', avoid: ['a'], banned: ['z'] },
      { index: 2, from: 'z', avoid: ['a', 'y'], banned: ['b'] },
    ]);
  });

  // A tiny graph searched in memory stands in for the database, to check the algorithm's bookkeeping.
  it('finds the k shortest simple paths in order on a small graph', async () => {
    const edges = [
      ['a', 'x'],
      ['x', 'b'],
      ['a', 'y'],
      ['y', 'b'],
      ['x', 'y'],
      ['a', 'z'],
      ['z', 'w'],
      ['w', 'b'],
    ];
    const near = (n: string) => edges.flatMap(([u, v]) => (u === n ? [v!] : v === n ? [u!] : []));
    const bfs = (from: string, avoid: Set<string>, barred: Set<string>): string[] | null => {
      const prev = new Map<string, string>([[from, '']]);
      const queue = [from];
      while (queue.length) {
        const n = queue.shift()!;
        if (n === 'b') {
          const out = [n];
          while (prev.get(out[0]!)) out.unshift(prev.get(out[0]!)!);
          return out;
        }
        for (const m of near(n).sort()) {
          if (prev.has(m) || avoid.has(m) || (n === from && barred.has(m))) continue;
          prev.set(m, n);
          queue.push(m);
        }
      }
      return null;
    };
    const run = async (name: string, params: Record<string, unknown>): Promise<Row[]> => {
      if (name === 'paths-meetings-shortest') return [{ ids: bfs('a', new Set(), new Set())! }];
      return (params.spurs as { index: number; from: string; avoid: string[]; banned: string[] }[]).flatMap((s) => {
        const ids = bfs(s.from, new Set(s.avoid), new Set(s.banned));
        return ids ? [{ index: s.index, ids }] : [];
      });
    };
    const paths = await kShortestPaths(run, pathQueriesFor('meetings', 6), {}, 10, 6);
    expect(paths.map((p) => p.join(''))).to.deep.equal(['axb', 'ayb', 'axyb', 'azwb', 'ayxb']);
    expect((await kShortestPaths(run, pathQueriesFor('meetings', 6), {}, 10, 2)).map((p) => p.join(''))).to.deep.equal(['axb', 'ayb']);
  });
});
