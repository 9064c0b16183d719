// The offline bulk path: the same synthetic network written as CSV and loaded by Neo4j's own importer
// (`neo4j-admin database import full`, run from the jars the embedded Neo4j already uses), then the
// database started embedded, the schema applied and its indexes populated — what a first load of a
// large archive would do instead of the transactional writer. Only for an empty database.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { ensureNeo4jJars, freePort, startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local.ts';
import { createDriver } from '../../graph/database.ts';
import { cypher, statements } from '../../graph/cypher.ts';
import { BENCH_MEMORY } from '../lib/memory.ts';
import { round } from '../lib/stats.ts';
import { writeCsv } from '../synthetic/csv.ts';
import type { SyntheticScale } from '../synthetic/generator.ts';
import { rssSampler } from '../synthetic/load.ts';

const TARGET = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'neo4j', 'target');
// The module-access flags neo4j/local.ts gives the embedded JVM (Java 17), and the same heap.
const JVM = [
  '-Xmx1g',
  ...['java.lang', 'java.nio', 'sun.nio.ch', 'java.io', 'java.util', 'java.util.concurrent', 'java.net'].map(
    (p) => `--add-opens=java.base/${p}=ALL-UNNAMED`,
  ),
  '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
];

export interface BulkImportResult {
  csvSeconds: number;
  csvRows: number;
  importSeconds: number;
  startSeconds: number;
  schemaSeconds: number;
  totalSeconds: number;
  rowsPerSecond: number;
  peakRssMiB: number;
  counts: Record<string, number>;
  importerSummary: string;
}

export async function bulkImport(
  scale: SyntheticScale,
  home: string,
  counts: (driver: Driver) => Promise<Record<string, number>>,
): Promise<BulkImportResult> {
  // The importer runs from the embedded Neo4j's jars: fetch them first on a fresh clone.
  ensureNeo4jJars((line) => console.log(line));
  const rss = rssSampler();
  const started = performance.now();
  const csvDir = `${home}-csv`;
  const csv = await writeCsv(scale, csvDir);
  const csvSeconds = (performance.now() - started) / 1000;
  mkdirSync(join(home, 'conf'), { recursive: true });
  let t = performance.now();
  const args = [
    ...JVM,
    '-cp',
    `${join(TARGET, 'classes')}:${join(TARGET, 'lib', '*')}`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    'neo4j',
    `--report-file=${home}-import.report`,
    ...csv.nodes.map((f) => `--nodes=${f}`),
    ...csv.relationships.map((f) => `--relationships=${f}`),
  ];
  const run = spawnSync('java', args, {
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  writeFileSync(`${home}-import.log`, `${run.stdout}\n${run.stderr}`);
  if (run.status !== 0) throw new Error(`neo4j-admin database import failed (exit ${run.status}); see ${home}-import.log`);
  const importSeconds = (performance.now() - t) / 1000;
  rmSync(csvDir, { recursive: true, force: true });
  let db: LocalNeo4j | undefined;
  let driver: Driver | undefined;
  try {
    t = performance.now();
    db = await startLocalNeo4j({ home, port: await freePort(), memory: BENCH_MEMORY }); // kept: the caller benchmarks it next
    driver = createDriver({ uri: db.uri, user: 'neo4j', password: '' });
    const startSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    // The schema's statements, without applySchema's 60-second index wait: populating 1M relationships' indexes takes longer.
    for (const statement of statements(cypher('schema'))) await driver.executeQuery(statement);
    // Bench-only administration query: poll until every index is populated and online (a single
    // db.awaitIndexes call would outlast the driver's transaction timeout at 1M).
    for (;;) {
      const { records } = await driver.executeQuery("SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN count(*) AS pending");
      if (Number(records[0]!.get('pending')) === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const schemaSeconds = (performance.now() - t) / 1000;
    const totalSeconds = (performance.now() - started) / 1000;
    const summary = /IMPORT DONE[\s\S]*?Peak memory usage: \S+/.exec(run.stdout)?.[0] ?? '';
    return {
      csvSeconds: round(csvSeconds, 2),
      csvRows: csv.rows,
      importSeconds: round(importSeconds, 2),
      startSeconds: round(startSeconds, 2),
      schemaSeconds: round(schemaSeconds, 2),
      totalSeconds: round(totalSeconds, 2),
      rowsPerSecond: Math.round(csv.rows / totalSeconds),
      peakRssMiB: rss.stop(),
      counts: await counts(driver),
      importerSummary: summary.replace(/\s+/g, ' '),
    };
  } finally {
    await driver?.close().catch(() => {});
    await db?.stop();
    rmSync(`${home}-import.log`, { force: true });
    rmSync(`${home}-import.report`, { force: true });
  }
}
