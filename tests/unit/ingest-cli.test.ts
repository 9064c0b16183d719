// `npm run ingest` keeps its drafts under DATA_DIR: run on a fixture article with DATA_DIR in a temporary
// folder, the draft is there and the code tree is exactly as it was (ignored files included, so a
// git-ignored folder such as the former seeds/inbox cannot hide a write).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTICLE = fileURLToPath(new URL('../fixtures/ingest/uz-jp-call.txt', import.meta.url));

const tree = () =>
  spawnSync('git', ['status', '--porcelain', '--ignored', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' })
    .stdout.split('\n')
    // Folders other processes write into while this runs (databases of other tests, node's caches).
    .filter((line) => line && !/^!! (\.data|node_modules|neo4j\/target)\//.test(line))
    .sort();

const ingest = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'seeds/ingest/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '' },
  });

describe('npm run ingest writes only under DATA_DIR', () => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kg-ingest-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('drafts an article into DATA_DIR/ingest/inbox and leaves the code tree untouched', () => {
    const before = tree();
    const name = `cli-test-${process.pid}`;
    const run = ingest(dataDir, ARTICLE, '--published', '2025-03-12', '--name', name);
    expect(run.status, run.stderr).to.equal(0);
    const inbox = join(dataDir, 'ingest', 'inbox');
    expect(readdirSync(inbox).sort()).to.deep.equal([`${name}.draft.yaml`, `${name}.txt`]);
    expect(readFileSync(join(inbox, `${name}.draft.yaml`), 'utf8')).to.contain('Bakhtiyor Saidov');
    expect(run.stdout).to.contain(join(inbox, `${name}.draft.yaml`));
    expect(existsSync(join(ROOT, 'seeds', 'inbox', `${name}.draft.yaml`))).to.equal(false);
    expect(tree()).to.deep.equal(before);

    const list = ingest(dataDir, 'list');
    expect(list.stdout.split('\n')[0]).to.equal(name);
    const missing = ingest(dataDir, 'accept', 'no-such-draft');
    expect([missing.status, missing.stderr.split('\n')[0]]).to.deep.equal([2, `no draft ${join(inbox, 'no-such-draft.draft.yaml')}`]);
  });
});
