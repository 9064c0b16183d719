// The running server (server/main.ts as `npm start` runs it, over the test Neo4j) keeps what it accepts
// under DATA_DIR/accepted and nothing in the code tree; its answers name no server path; and a reviewed
// article survives a reinstall: with the graph emptied and the server started again on the same
// DATA_DIR, the article, its facts and the reviewer's choices are back after the seeds.
import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFactFiles } from '../../seeds/loader.ts';
import { DATA_ROOT, testDatabase } from '../support/database.ts';
import { spawnTs } from '../support/processes.ts';
import { seededGraph } from '../support/seeded.ts';

const KEY = 'accepted-files-key-0123456789';
const ARTICLE = readFileSync(new URL('../fixtures/ingest/mn-gh-talks.txt', import.meta.url), 'utf8');
const CODE_TREE = fileURLToPath(new URL('../../seeds', import.meta.url));

/** Every file under a folder of the code tree, for "nothing was written there". */
const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('accepted articles live under DATA_DIR, never in the code tree, and survive a reinstall', function () {
  this.timeout(600_000);
  let dataDir: string;
  let server: ChildProcess | undefined;
  let base: string;

  const start = async () => {
    const { uri } = await testDatabase();
    const env = { ...process.env, PORT: '0', DATA_DIR: dataDir, NEO4J_URI: uri, SEED_ON_START: 'true', API_KEY: KEY };
    const started = await spawnTs('server/main.ts', [], /ready: (http:\/\/\S+)/, env, 300_000);
    server = started.child;
    base = started.match[1]!.replace(/\/$/, '');
  };
  const stop = async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };

  before(async () => {
    await seededGraph();
    dataDir = mkdtempSync(join(DATA_ROOT, 'test-accepted-'));
  });
  after(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
    // Leave the shared test graph as the seeds make it.
    await loadFactFiles({ driver: (await seededGraph()).driver, reset: true });
  });

  it('keeps the article and its facts under DATA_DIR/accepted, answers with relative names, and loads them again after the seeds', async () => {
    const codeBefore = listing(CODE_TREE);
    await start();
    // The client suggests a curated file's name; the server chooses its own.
    const drafted = await post('/api/ingest', { text: ARTICLE, fileName: '000_c9f91e7b6a0dedac' });
    expect(drafted.status, drafted.text).to.equal(200);
    const draft = JSON.parse(drafted.text) as { facts: Record<string, any>; article: { raw: string } };
    // The reviewer also corrects a curated ministry's note (a decided replacement).
    draft.facts.organizations.push({
      id: 'org:kz-mfa',
      name: 'Ministry of Foreign Affairs of Kazakhstan',
      kind: 'ministry',
      note: 'Reviewed note.',
      quote: "Mongolia's Minister of Foreign Affairs",
    });
    const undecided = await post('/api/ingest/accept', { facts: draft.facts, text: draft.article.raw });
    expect(undecided.status, undecided.text).to.equal(409);
    expect(readdirSync(dataDir)).to.not.include('accepted'); // nothing kept for a refused draft

    const accepted = await post('/api/ingest/accept', {
      facts: draft.facts,
      text: draft.article.raw,
      changes: [{ id: 'org:kz-mfa', property: 'note', choice: 'replace' }],
    });
    expect(accepted.status, accepted.text).to.equal(200);
    const body = JSON.parse(accepted.text) as { source: string; kept: { factFile: string; source: string } };
    expect(body.source).to.match(/^\d{3}_c9f91e7b6a0dedac\.txt$/);
    const name = body.source.replace(/\.txt$/, '');
    expect(body.kept).to.deep.equal({ factFile: `accepted/facts/${name}.yaml`, source: `accepted/sources/${name}.txt` });
    expect(accepted.text, 'no server path in the answer').to.not.contain(dataDir);
    expect(accepted.text).to.not.match(/\/(work|home|tmp|srv|usr|var)\//);
    for (const file of [body.kept.factFile, body.kept.source, `accepted/choices/${name}.json`])
      expect(existsSync(join(dataDir, file)), file).to.equal(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'accepted/choices', `${name}.json`), 'utf8'))).to.deep.equal([
      { id: 'org:kz-mfa', property: 'note', choice: 'replace' },
    ]);
    expect(listing(CODE_TREE), 'the server wrote into the code tree').to.deep.equal(codeBefore);

    // The access log records the accept (and never the key).
    const access = readFileSync(join(dataDir, 'audit', 'access.jsonl'), 'utf8');
    expect(access).to.contain('"event":"ingest-accepted"');
    expect(access).to.not.contain(KEY);

    // Reinstall: the graph emptied, the server started again on the same DATA_DIR.
    await stop();
    await loadFactFiles({ driver: (await seededGraph()).driver, reset: true });
    const { driver } = await seededGraph();
    const note = async () =>
      (await driver.executeQuery("MATCH (o:Organization {id: 'org:kz-mfa'}) RETURN o.note AS note")).records[0]!.get('note') as
        string | null;
    expect(await note()).to.equal(null);
    await start();
    const meetings = await fetch(`${base}/api/meetings?person=person:battsetseg-batmunkh&with=person:samuel-okudzeto-ablakwa`);
    expect(meetings.status).to.equal(200);
    const found = (await meetings.json()) as { meetings: { event: { kind: string } }[] };
    expect(found.meetings.map((m) => m.event.kind)).to.deep.equal(['talks']);
    expect(await note(), 'the chosen replacement is applied again').to.equal('Reviewed note.');
    const sources = await driver.executeQuery('MATCH (s:Source {id: $id}) RETURN s.text AS text', { id: `source:${name}` });
    expect(sources.records[0]!.get('text') as string).to.contain('held talks with');
    expect(listing(CODE_TREE)).to.deep.equal(codeBefore);
  });
});
