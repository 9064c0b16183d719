import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testDatabase } from '../support/database.ts';
import { seededGraph } from '../support/seeded.ts';

const run = promisify(execFile);

describe('npm run kg (command line, real Neo4j)', () => {
  async function kg(...args: string[]) {
    await seededGraph();
    const { uri } = await testDatabase();
    // KG_API points nowhere, so the command opens the database itself.
    const env = { ...process.env, NEO4J_URI: uri, KG_API: 'http://127.0.0.1:9' };
    return run(process.execPath, ['--import', 'tsx', 'server/cli/kg.ts', ...args], { env });
  }

  it('prints a meetings path hop by hop with its quotes', async () => {
    const { stdout } = await kg('path', 'Adesoji', 'Lokpobiri', '--via', 'meetings');
    expect(stdout).to.match(/Path 1 \(2 hops\): Adeniyi Adesoji → Alibek Kuantyrov → Heineken Lokpobiri/);
    expect(stdout).to.match(/MET, February 2025→ Heineken Lokpobiri/);
    expect(stdout).to.contain('“In his meeting with Nigeria’s Minister of Petroleum Resources, Heineken Lokpobiri');
  });

  it('prints whom a person met, dated as precisely as known', async () => {
    const { stdout } = await kg('meetings', 'Kuantyrov', '--with', 'Ekpo');
    expect(stdout).to.match(/February 2025 — Talks of the Kazakh delegation/);
    expect(stdout).to.match(/Alibek Kuantyrov \(guest, KZ, inferred: delegation-head\)/);
  });

  it('npm run cypher prints a table, CSV, and refuses writes with exit 2', async () => {
    await seededGraph();
    const { uri } = await testDatabase();
    const env = { ...process.env, NEO4J_URI: uri, AUDIT_LOG: '/dev/null' };
    const cypher = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'server/cli/cypher.ts', ...args], { env });
    const table = await cypher("MATCH (p:Person {id: 'person:murat-nurtleu'}) RETURN p.name AS name");
    expect(table.stdout.split('\n')).to.deep.equal(['name         ', '-------------', 'Murat Nurtleu', '']);
    const csv = await cypher('--saved', 'agreements-between', '--param', 'a=KZ', '--param', 'b=BJ', '--format', 'csv');
    expect(csv.stdout).to.match(/^agreement,kind,status,/);
    expect(csv.stdout).to.contain(',mou,signed,');
    const refused = await cypher('MATCH (n) DETACH DELETE n').then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused?.code).to.equal(2);
    expect(refused?.stderr).to.match(/Refused: the console only runs read queries/);
  });

  it('exits 2 with the parameter named on bad input', async () => {
    const error = await kg('path', 'Adesoji', 'Lokpobiri', '--max-hops', '0').then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).to.equal(2);
    expect(error?.stderr).to.match(/maxHops: a whole number from 1 to 10/);
  });

  it('uses the local Neo4j another process already runs on DATA_DIR instead of refusing', async function () {
    await seededGraph();
    const { local } = await testDatabase();
    if (!local) this.skip(); // NEO4J_TEST_URI: there is no local database to share
    // DATA_DIR/neo4j is where npm start keeps its database; point it at the running test database.
    const dataDir = mkdtempSync(join(tmpdir(), 'kg-share-'));
    symlinkSync(local.home, join(dataDir, 'neo4j'));
    try {
      const env = { ...process.env, NEO4J_URI: '', DATA_DIR: dataDir, KG_API: 'http://127.0.0.1:9' };
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/kg.ts', 'search', 'Kuantyrov'], { env });
      expect(stderr).to.contain(`using the local Neo4j already running on ${local.uri} (pid ${local.pid})`);
      expect(stdout).to.contain('person:alibek-kuantyrov');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('says in one line, without a stack trace, that the database cannot be reached', async () => {
    const env = { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:9', KG_API: 'http://127.0.0.1:9' };
    const failed = await run(process.execPath, ['--import', 'tsx', 'seeds/cli.ts'], { env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).to.equal(1);
    expect(failed?.stderr.trim().split('\n')).to.have.length(1);
    expect(failed?.stderr).to.match(/^Neo4j at bolt:\/\/127\.0\.0\.1:9 cannot be reached/);
  });
});
