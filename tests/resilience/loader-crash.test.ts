// Kill the seed loader with SIGKILL at many points, rerun it, and prove the graph converges to exactly
// the graph of an uninterrupted load (a checksum of every property), and that after every kill the graph
// is exactly "the first k files loaded" for some k — no half-written file ever survives.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local.ts';
import { createDriver } from '../../graph/database.ts';
import { graphChecksum } from '../../graph/checksum.ts';
import { defaultFactFiles, loadFactFiles } from '../../seeds/loader.ts';
import { mulberry32 } from '../../bench/synthetic/random.ts';
import { DATA_ROOT } from '../support/database.ts';
import { SLICE } from '../support/state-dept.ts';

/** Runs a loader CLI (default `npm run seed`) as a child; kills it with SIGKILL once `killWhen` says so. */
function runLoaderCli(
  uri: string,
  killWhen?: (output: string) => number | undefined,
  command: string[] = ['seeds/cli.ts'],
): Promise<{ code: number | null; signal: string | null; output: string }> {
  // Its own empty DATA_DIR: the seed CLI replays DATA_DIR's judgement log, and the developer's is not this test's.
  const dataDir = mkdtempSync(join(tmpdir(), 'kg-loader-crash-'));
  const child = spawn(process.execPath, ['--import', 'tsx', ...command], {
    env: { ...process.env, NEO4J_URI: uri, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.once('close', () => rmSync(dataDir, { recursive: true, force: true }));
  let output = '';
  let armed = false;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    const delay = !armed && killWhen ? killWhen(output) : undefined;
    if (delay !== undefined) {
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delay);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, output })));
}

describe('resilience: the loader killed mid-load converges on rerun', () => {
  let neo4j: LocalNeo4j;
  let driver: Driver;
  const prefixChecksums: string[] = [];
  const files = defaultFactFiles();

  before(async () => {
    neo4j = await startLocalNeo4j({ home: join(DATA_ROOT, `test-crash-${process.pid}`), port: await freePort(), ephemeral: true });
    driver = createDriver({ uri: neo4j.uri, user: 'neo4j', password: '' });
    // The graph after exactly the first k files, for every k: the only states a kill may leave.
    for (let k = 0; k <= files.length; k++) {
      await loadFactFiles({ driver, reset: true, files: files.slice(0, k) });
      prefixChecksums.push((await graphChecksum(driver)).sha256);
    }
    await loadFactFiles({ driver, reset: true, files: [] });
  });

  after(async () => {
    await driver?.close();
    await neo4j?.stop();
  });

  it('after each SIGKILL the graph is a whole-file prefix; the rerun reaches the uninterrupted checksum', async () => {
    const random = mulberry32(Number(process.env.CRASH_SEED ?? 20261125));
    const seen: string[] = [];
    // Round r kills shortly after the r-th file has committed (so mostly inside the next file's
    // transaction); round 0 kills at a random moment during start-up or the first file.
    for (let round = 0; round < files.length; round++) {
      const delay = round === 0 ? 500 + Math.floor(random() * 2000) : Math.floor(random() * 400);
      const run = await runLoaderCli(neo4j.uri, (output) => {
        if (round === 0) return delay; // from its first line of output
        return (output.match(/^loaded /gm) ?? []).length >= round ? delay : undefined;
      });
      const { sha256 } = await graphChecksum(driver);
      const k = prefixChecksums.indexOf(sha256);
      seen.push(`round ${round}: ${run.signal ?? `exit ${run.code}`} → ${k < 0 ? 'NOT A PREFIX' : `first ${k} file(s)`}`);
      expect(k, `round ${round}: the graph is not "the first k files" for any k\n${run.output}`).to.be.at.least(0);
      if (run.signal === 'SIGKILL') expect(k).to.be.at.least(round);
    }
    const final = await runLoaderCli(neo4j.uri);
    expect(final.code, final.output).to.equal(0);
    const after = await graphChecksum(driver);
    console.log(`      ${seen.join('; ')}`);
    expect(seen.filter((line) => line.includes('SIGKILL')).length, 'most runs were really killed').to.be.at.least(files.length - 1);
    expect(after.sha256).to.equal(prefixChecksums[files.length]);
  });

  it('the State Department import, SIGKILLed three times, converges on rerun to the uninterrupted graph', async () => {
    // Batches of 2 records: many transactions, so the kills land between and inside them.
    const importSlice = ['seeds/import/cli.ts', 'state-dept', '--dir', SLICE, '--batch', '2'];
    await loadFactFiles({ driver, reset: true, files: [] });
    const reference = await runLoaderCli(neo4j.uri, undefined, importSlice);
    expect(reference.code, reference.output).to.equal(0);
    const expected = await graphChecksum(driver);
    expect(expected.items).to.be.greaterThan(100);

    await loadFactFiles({ driver, reset: true, files: [] });
    const random = mulberry32(Number(process.env.CRASH_SEED ?? 20261125) + 1);
    const seen: string[] = [];
    for (let round = 0; round < 3; round++) {
      // Killed by progress, not by clock (the import's speed varies several-fold between a cold and a
      // warm database): once a progress line reports at least `percent`, within the next 0–150 ms,
      // while the following batches are being written.
      const percent = 10 + Math.floor(random() * 70);
      const delay = Math.floor(random() * 150);
      const reached = (output: string) => [...output.matchAll(/(\d+)% \d+\/\d+ rows/g)].some((m) => Number(m[1]) >= percent);
      const run = await runLoaderCli(neo4j.uri, (output) => (reached(output) ? delay : undefined), importSlice);
      seen.push(`round ${round}: ${run.signal ?? `exit ${run.code}`}, ${(await graphChecksum(driver)).items} items`);
    }
    const final = await runLoaderCli(neo4j.uri, undefined, importSlice);
    expect(final.code, final.output).to.equal(0);
    console.log(`      ${seen.join('; ')}; after rerun ${expected.items} items expected`);
    expect(seen.filter((line) => line.includes('SIGKILL')).length, 'the import was really killed').to.be.at.least(2);
    expect(await graphChecksum(driver)).to.deep.equal(expected);
  });
});
