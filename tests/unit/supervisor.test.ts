// The local Neo4j's supervisor over fake JVMs: an unexpected exit is logged with its last output,
// the state turns to restarting, and it starts again on the same port after the backoff, retrying a
// start that fails; stop() ends supervision. The real JVM is killed in tests/resilience.
import { expect } from 'chai';
import { Backoff } from '../../neo4j/backoff.ts';
import type { JvmExit, LocalNeo4j, StartOptions } from '../../neo4j/local.ts';
import { superviseLocalNeo4j } from '../../neo4j/supervisor.ts';
import { waitUntil } from '../support/processes.ts';

interface FakeJvm extends LocalNeo4j {
  crash(exit: Partial<JvmExit>): void;
  stopped: boolean;
}

function fakeStarter(failures: number[] = []) {
  const started: { options: StartOptions; jvm: FakeJvm }[] = [];
  let attempt = 0;
  const start = async (options: StartOptions): Promise<LocalNeo4j> => {
    attempt += 1;
    if (failures.includes(attempt)) throw new Error(`Neo4j exited during start-up (code 1)`);
    let crash: (exit: JvmExit) => void = () => {};
    const exited = new Promise<JvmExit>((resolve) => (crash = resolve));
    const jvm: FakeJvm = {
      uri: `bolt://127.0.0.1:${options.port ?? 7999}`,
      version: '5.26.0',
      pid: 1000 + attempt,
      home: options.home,
      exited,
      stopped: false,
      stop: async () => {
        jvm.stopped = true;
      },
      crash: (exit) => crash({ code: null, signal: null, at: new Date(), lastOutput: [], ...exit }),
    };
    started.push({ options, jvm });
    return jvm;
  };
  return { start, started };
}

describe('local Neo4j supervisor (fake JVMs)', () => {
  it('logs an unexpected exit with the last output, says restarting, and starts again on the same port', async () => {
    const lines: string[] = [];
    const { start, started } = fakeStarter();
    const supervised = await superviseLocalNeo4j(
      { home: '/tmp/x', port: 7999, log: (line) => lines.push(line) },
      new Backoff({ initialMs: 50 }),
      start,
    );
    expect(supervised.status()).to.deep.include({ state: 'running', restarts: 0 });
    started[0]!.jvm.crash({ signal: 'SIGKILL', lastOutput: ['FATAL database neo4j panicked and needs a restart'] });
    await waitUntil(() => supervised.status().state === 'restarting', 1_000, 5);
    expect(supervised.status().lastExit).to.deep.include({ signal: 'SIGKILL', code: null });
    expect(lines.join('\n')).to.match(
      /local Neo4j \(pid 1001\) exited unexpectedly \(signal SIGKILL\)[^]*\| FATAL database neo4j panicked/,
    );
    expect(await waitUntil(() => supervised.status().state === 'running', 2_000, 5)).to.equal(true);
    expect(supervised.status().restarts).to.equal(1);
    expect(started[1]!.options.port).to.equal(7999);
    expect(supervised.pid()).to.equal(1002);
    await supervised.stop();
    expect(started[1]!.jvm.stopped).to.equal(true);
    expect(supervised.status().state).to.equal('stopped');
  });

  it('retries a start that fails, waiting longer each time', async () => {
    const lines: string[] = [];
    const { start, started } = fakeStarter([2, 3]);
    const supervised = await superviseLocalNeo4j(
      { home: '/tmp/x', port: 7998, log: (line) => lines.push(line) },
      new Backoff({ initialMs: 20 }),
      start,
    );
    started[0]!.jvm.crash({ code: 3 });
    expect(await waitUntil(() => supervised.status().state === 'running' && supervised.status().restarts === 1, 3_000, 5)).to.equal(true);
    expect(lines.filter((line) => /did not start/.test(line))).to.have.length(2);
    expect(lines.filter((line) => /restarting in/.test(line))).to.have.length(3);
    await supervised.stop();
  });

  it('stops supervising on stop(): a crash during shutdown is not restarted', async () => {
    const { start, started } = fakeStarter();
    const supervised = await superviseLocalNeo4j({ home: '/tmp/x', port: 7997 }, new Backoff({ initialMs: 10 }), start);
    await supervised.stop();
    started[0]!.jvm.crash({ code: 137 });
    await new Promise((r) => setTimeout(r, 50));
    expect(started).to.have.length(1);
    expect(supervised.status().state).to.equal('stopped');
  });
});
