// The console service over a fake database: admission, the byte and row caps, the deadline that cuts
// the connection (and keeps the place until Neo4j lets go), the audit, and how driver errors read.
import { expect } from 'chai';
import { Neo4jError } from 'neo4j-driver';
import type { AuditEntry } from '../../server/audit.ts';
import { QueryFailed, QueryRefused, QueryTimeout, QueryTooLarge, TooManyRequests } from '../../domain/errors.ts';
import { problemFor } from '../../server/http/problem.ts';
import {
  consoleError,
  withoutInternals,
  type ConsoleConnection,
  type ConsoleDatabase,
  type EncodedRow,
  type Explained,
} from '../../graph/console.ts';
import { isMemoryError, isPoolExhausted, isUnreachable } from '../../graph/database.ts';
import { ALLOWED_FUNCTIONS } from '../../server/services/console-functions.ts';
import { ConsoleGate } from '../../server/services/console-gate.ts';
import { runConsoleQuery, type ConsoleDeps, type ConsoleRequest } from '../../server/services/console.ts';

const READ: Explained = { queryType: 'r', plan: { operator: 'ProduceResults', details: 'x', children: [] } };
const node = (id: string) => ({ data: { id, label: id, labels: ['Person'], entityId: `person:${id}`, type: 'person' } });

interface Fake {
  database: ConsoleDatabase;
  log: string[];
  /** Whether Neo4j "still runs" the query (after a cut). */
  running: { value: boolean };
}

/** A database whose connection answers EXPLAIN with `explained` and streams `rows`; `hang` never answers. */
function fakeDatabase(options: { explained?: Explained; rows?: EncodedRow[]; hang?: 'explain' | 'rows' } = {}): Fake {
  const log: string[] = [];
  const running = { value: false };
  let aborted: () => void = () => {};
  const abortedPromise = new Promise<never>(
    (_, reject) => (aborted = () => reject(new Neo4jError('Connection was closed', 'ServiceUnavailable', '08000', 'connection exception'))),
  );
  abortedPromise.catch(() => {});
  const connection: ConsoleConnection = {
    tag: 'tag-1',
    explain: async () => {
      log.push('explain');
      if (options.hang === 'explain') return abortedPromise;
      return options.explained ?? READ;
    },
    stream: async (_query, _params, limits) => {
      log.push(`stream fetch ${limits.fetchSize}`);
      async function* rows() {
        for (const row of options.rows ?? []) {
          log.push('row');
          yield row;
        }
        if (options.hang === 'rows') await abortedPromise;
      }
      return { columns: ['x'], rows: rows(), profile: async () => null };
    },
    abort: async () => {
      log.push('abort');
      aborted();
    },
    close: async () => {
      log.push('close');
    },
  };
  return {
    log,
    running,
    database: {
      connect: () => {
        log.push('connect');
        return connection;
      },
      stillRunning: async () => {
        log.push('still running?');
        return running.value;
      },
    },
  };
}

function depsFor(
  fake: Fake,
  audited: AuditEntry[] = [],
  maxBytes = 1_000_000,
  gate = new ConsoleGate({ global: 4, perClient: 2 }),
): ConsoleDeps {
  return {
    database: fake.database,
    gate,
    audit: (entry) => audited.push(entry),
    settings: { maxBytes, allowedFunctions: ALLOWED_FUNCTIONS, graceMs: 50 },
  };
}

const request = (query: string, extra: Partial<ConsoleRequest> = {}): ConsoleRequest => ({
  query,
  params: {},
  timeoutMs: 1_000,
  maxRows: 1_000,
  ...extra,
});

describe('console service (fake database)', () => {
  it('refuses a query by its text without connecting, and audits it', async () => {
    const fake = fakeDatabase();
    const audited: AuditEntry[] = [];
    const error = await runConsoleQuery(
      depsFor(fake, audited),
      request("RETURN apoc.text.repeat('x', 1000000000)", { params: { secret: 'value' } }),
    ).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(QueryRefused);
    expect(fake.log).to.deep.equal([]);
    expect(audited[0]).to.deep.include({ outcome: 'refused', paramNames: ['secret'] });
    expect(JSON.stringify(audited[0])).to.not.contain('value"');
  });

  it('refuses a write by its plan and never runs it; the place is given back', async () => {
    const fake = fakeDatabase({ explained: { queryType: 'w', plan: { operator: 'Create', details: 'n', children: [] } } });
    const gate = new ConsoleGate({ global: 1, perClient: 1 });
    const audited: AuditEntry[] = [];
    const error = await runConsoleQuery(depsFor(fake, audited, 1_000_000, gate), request('CREATE (n)'), { client: 'a' }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(QueryRefused);
    expect(fake.log).to.deep.equal(['connect', 'explain', 'close']);
    expect(gate.inFlight()).to.equal(0);
    expect(audited[0]).to.deep.include({ outcome: 'refused', queryType: 'w' });
  });

  it('admits at most perClient per client and global in all, with 429 and Retry-After', async () => {
    const fake = fakeDatabase({ hang: 'explain' });
    fake.running.value = false;
    const gate = new ConsoleGate({ global: 3, perClient: 2 });
    const deps = {
      ...depsFor(fake, [], 1_000_000, gate),
      settings: { maxBytes: 1_000_000, allowedFunctions: ALLOWED_FUNCTIONS, graceMs: 60_000 },
    };
    const pending = [
      runConsoleQuery(deps, request('RETURN 1'), { client: 'a' }),
      runConsoleQuery(deps, request('RETURN 1'), { client: 'a' }),
    ];
    pending.forEach((p) => p.catch(() => {}));
    const third = await runConsoleQuery(deps, request('RETURN 1'), { client: 'a' }).catch((e: unknown) => e);
    expect(third).to.be.instanceOf(TooManyRequests);
    expect((third as TooManyRequests).message).to.match(/at most 2 per client/);
    expect(problemFor(third).headers['Retry-After']).to.equal('2');
    expect(problemFor(third).problem.status).to.equal(429);
    pending.push(runConsoleQuery(deps, request('RETURN 1'), { client: 'b' }));
    pending.at(-1)!.catch(() => {});
    const fourth = await runConsoleQuery(deps, request('RETURN 1'), { client: 'c' }).catch((e: unknown) => e);
    expect((fourth as TooManyRequests).message).to.match(/console is busy: 3 queries are running \(at most 3 at once\)/);
    expect(gate.inFlight()).to.equal(3);
  });

  it('keeps rows as JSON text up to the byte cap, says so, and cuts the connection rather than read on', async () => {
    const row = (i: number): EncodedRow => ({ values: [i, 'x'.repeat(1_000)], graph: { nodes: [node(`n${i % 3}`)], edges: [] } });
    const fake = fakeDatabase({ rows: Array.from({ length: 100 }, (_, i) => row(i)) });
    const audited: AuditEntry[] = [];
    const answer = await runConsoleQuery(depsFor(fake, audited, 10_000), request('UNWIND range(1, 100) AS i RETURN i, $s'));
    expect(answer.summary).to.deep.include({ truncated: true, truncatedBy: 'bytes', rows: answer.rows.length });
    expect(answer.rows.length).to.be.within(8, 9);
    expect(answer.summary.bytes).to.be.at.most(10_000);
    expect(JSON.parse(answer.rows[0]!)).to.deep.equal([0, 'x'.repeat(1_000)]);
    expect(answer.graph.nodes.map((n) => n.data.id)).to.deep.equal(['n0', 'n1', 'n2']);
    expect(fake.log).to.include('abort');
    expect(fake.log.filter((entry) => entry === 'row').length).to.equal(answer.rows.length + 1);
    expect(audited[0]).to.deep.include({ outcome: 'ok', truncated: true, rows: answer.rows.length });
  });

  it('stops at the row cap with a fetch size no larger than needed', async () => {
    const fake = fakeDatabase({ rows: Array.from({ length: 30 }, (_, i) => ({ values: [i], graph: { nodes: [], edges: [] } })) });
    const answer = await runConsoleQuery(depsFor(fake), request('UNWIND range(1, 30) AS i RETURN i', { maxRows: 5 }));
    expect(answer.summary).to.deep.include({ truncated: true, truncatedBy: 'rows', rows: 5 });
    expect(fake.log).to.include('stream fetch 6');
    expect(fake.log).to.include('close');
    expect(fake.log).to.not.include('abort');
  });

  it('draws a relationship whose ends were not returned with placeholder ends', async () => {
    const edge = { data: { id: 'r1', source: 'a', target: 'b', type: 'MET', label: 'MET' } };
    const fake = fakeDatabase({ rows: [{ values: [{ $type: 'relationship' }], graph: { nodes: [node('a')], edges: [edge] } }] });
    const answer = await runConsoleQuery(depsFor(fake), request('MATCH ()-[r]->() RETURN r'));
    expect(answer.graph.nodes.map((n) => [n.data.id, n.data.label])).to.deep.equal([
      ['a', 'a'],
      ['b', '…'],
    ]);
  });

  for (const where of ['explain', 'rows'] as const) {
    it(`cuts the connection at the deadline when ${where === 'explain' ? 'planning' : 'the run'} does not answer (408), and keeps the place until Neo4j lets go`, async () => {
      const fake = fakeDatabase({ hang: where, rows: [{ values: [1], graph: { nodes: [], edges: [] } }] });
      fake.running.value = true;
      const gate = new ConsoleGate({ global: 1, perClient: 1 });
      const audited: AuditEntry[] = [];
      const started = Date.now();
      const error = await runConsoleQuery(depsFor(fake, audited, 1_000_000, gate), request('RETURN 1', { timeoutMs: 100 }), {
        client: 'a',
      }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(QueryTimeout);
      expect((error as Error).message).to.match(/connection to the database was closed/);
      expect(Date.now() - started).to.be.within(100, 1_000);
      expect(fake.log).to.include('abort');
      expect(audited[0]).to.deep.include({ outcome: 'timeout' });
      // Neo4j still lists the query: the place stays taken.
      await new Promise((r) => setTimeout(r, 100));
      expect(gate.inFlight()).to.equal(1);
      fake.running.value = false;
      await new Promise((r) => setTimeout(r, 1_200));
      expect(gate.inFlight()).to.equal(0);
    });
  }
});

describe('console errors as the analyst reads them', () => {
  const driverError = (message: string, code: string) => new Neo4jError(message, code, '50N42', 'error: general processing exception');

  it('memory errors are 422 "query used too much memory", not "database unreachable"', () => {
    for (const error of [
      driverError(
        'The allocation of an extra 2.0 MiB would use more than the limit 256.0 MiB. db.memory.transaction.max threshold reached',
        'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      ),
      driverError('Java heap space', 'Neo.TransientError.General.OutOfMemoryError'),
      driverError(
        'Failed to invoke function `apoc.text.repeat`: Caused by: java.lang.OutOfMemoryError: Java heap space',
        'Neo.ClientError.Procedure.ProcedureCallFailed',
      ),
      driverError(
        'Failed to invoke function `apoc.coll.fill`: Caused by: java.lang.ThreadDeath',
        'Neo.ClientError.Procedure.ProcedureCallFailed',
      ),
    ]) {
      expect(isUnreachable(error)).to.equal(false);
      const mapped = consoleError(error);
      expect(mapped).to.be.instanceOf(QueryTooLarge);
      expect(problemFor(mapped).problem).to.deep.include({ status: 422, title: 'Query used too much memory' });
    }
    expect(isMemoryError(driverError('x', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError'))).to.equal(true);
  });

  it('a connection lost while the query runs is the query stopped (422), not a database out of reach (503)', () => {
    const lost = driverError('Connection was closed by server', 'ServiceUnavailable');
    expect(problemFor(consoleError(lost)).problem).to.deep.include({ status: 503 });
    const running = problemFor(consoleError(lost, '', true)).problem;
    expect(running).to.deep.include({ status: 422, title: 'Query failed' });
    expect(running.detail).to.match(/closed this query’s connection while it ran/);
  });

  it('say nothing of Java classes', () => {
    expect(
      withoutInternals(
        'Failed to invoke function `apoc.convert.fromJsonMap`: Caused by: com.fasterxml.jackson.core.JsonParseException: Unexpected character',
      ),
    ).to.equal('Failed to invoke function `apoc.convert.fromJsonMap`: Unexpected character');
    expect(withoutInternals('java.lang.ArithmeticException: / by zero')).to.equal('/ by zero');
    const mapped = consoleError(
      driverError('org.neo4j.exceptions.ArithmeticException: / by zero', 'Neo.ClientError.Statement.ArithmeticError'),
    );
    expect(mapped).to.be.instanceOf(QueryFailed);
    expect(mapped.message).to.equal('The query failed while running: / by zero');
    const internal = consoleError(driverError('java.lang.NullPointerException at org.neo4j.Foo', 'Neo.DatabaseError.General.UnknownError'));
    expect(internal).to.be.instanceOf(QueryFailed);
    expect(internal.message).to.not.match(/java|org\.neo4j/);
    expect(consoleError(driverError('x', 'Neo.DatabaseError.General.StackOverFlowError')).message).to.match(/nested too deeply/);
  });

  it('a full connection pool is 503 busy with Retry-After, not 500', () => {
    const error = new Neo4jError(
      'Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 50, Idle conn count = 0.',
      'N/A',
      '50N42',
      'x',
    );
    expect(isPoolExhausted(error)).to.equal(true);
    const { problem, headers } = problemFor(error);
    expect(problem.status).to.equal(503);
    expect(problem.detail).to.match(/busy/);
    expect(headers['Retry-After']).to.equal('2');
  });
});
