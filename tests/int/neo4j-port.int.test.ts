// The local Neo4j's Bolt port race, reproduced with a real JVM: the port start-up found free is taken
// by another process before the JVM binds it (several checkouts or test runs starting at once).
import { expect } from 'chai';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { boltPortTaken, freePort, LocalNeo4jError, startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local.ts';

const SMALL = { heapMiB: 512, pageCacheMiB: 64 };

/** Listens on `port` as another process would, trying until it is free (the start-up's own check frees it at once). */
async function hold(port: number): Promise<Server> {
  for (let tries = 0; ; tries++) {
    const server = createServer();
    const ok = await new Promise<boolean>((answer) => {
      server.once('error', () => answer(false));
      server.listen(port, '127.0.0.1', () => answer(true));
    });
    if (ok) return server;
    if (tries > 200) throw new Error(`port ${port} never came free`);
    await new Promise((later) => setTimeout(later, 10));
  }
}

/** Resolves once the JVM has been spawned on `home` (its pid file), i.e. after the port was chosen. */
async function spawned(home: string): Promise<void> {
  while (!existsSync(join(home, 'neo4j.pid'))) await new Promise((later) => setTimeout(later, 5));
}

describe('the local Neo4j start-up when its Bolt port is taken (real JVM)', () => {
  const homes: string[] = [];
  const newHome = () => {
    const home = mkdtempSync(join(tmpdir(), 'kg-port-'));
    homes.push(home);
    return home;
  };
  after(() => homes.forEach((home) => rmSync(home, { recursive: true, force: true })));

  it('recognises the JVM’s bind failure in its output', () => {
    expect(
      boltPortTaken(
        'Caused by: org.neo4j.configuration.helpers.PortBindException: An error occurred while trying to bind to the socket /127.0.0.1:39011',
      ),
    ).to.equal(true);
    expect(
      boltPortTaken('io.netty.channel.unix.Errors$NativeIoException: bind(..) failed with error(-98): Address already in use'),
    ).to.equal(true);
    expect(boltPortTaken('FATAL database neo4j panicked and needs a restart')).to.equal(false);
  });

  it('starts on another free port when the port it chose is taken before the JVM binds it', async () => {
    const wanted = await freePort();
    const home = newHome();
    const lines: string[] = [];
    const starting = startLocalNeo4j({ home, preferredPort: wanted, memory: SMALL, log: (line) => lines.push(line) });
    await spawned(home);
    const holder = await hold(wanted);
    let db: LocalNeo4j | undefined;
    try {
      db = await starting;
      const port = Number(new URL(db.uri).port);
      expect(port).to.not.equal(wanted);
      expect(lines).to.include(`Bolt port ${wanted} was taken before Neo4j could bind it; starting on ${port} (attempt 2 of 5)`);
      const driver = neo4j.driver(db.uri);
      try {
        const { records } = await driver.executeQuery('RETURN 1 AS one');
        expect(records[0]!.get('one').toNumber()).to.equal(1);
      } finally {
        await driver.close();
      }
    } finally {
      await db?.stop();
      holder.close();
    }
  });

  it('keeps a port it was given: taken, the start-up fails and says where the JVM’s output is', async () => {
    const port = await freePort();
    const holder = await hold(port);
    const home = newHome();
    try {
      const error = await startLocalNeo4j({ home, port, memory: SMALL }).then(
        (db) => db.stop().then(() => null),
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(LocalNeo4jError);
      expect((error as Error).message).to.match(/^Neo4j exited during start-up \(code 1\); JVM output in .*neo4j\.log$/);
      expect(existsSync(join(home, 'neo4j.pid'))).to.equal(false);
    } finally {
      holder.close();
    }
  });
});
