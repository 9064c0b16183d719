// Prints the markdown tables of bench/README.md from the JSON in bench/results/ (`npm run bench:tables`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results');
// Results files, read for printing only.
type Json = Record<string, any>;
const read = (name: string): Json | null =>
  existsSync(join(RESULTS, name)) ? (JSON.parse(readFileSync(join(RESULTS, name), 'utf8')) as Json) : null;
const row = (cells: unknown[]) => `| ${cells.map((c) => (c === null || c === undefined ? '–' : String(c))).join(' | ')} |`;
const head = (cells: string[]) => `${row(cells)}\n${row(cells.map(() => '---'))}`;

const runs = ['10k', '100k', '1M']
  .flatMap((size) => [`bench-${size}.json`, `bench-${size}-import.json`, `bench-${size}-load.json`].map((f) => [f, read(f)] as const))
  .filter(([, d]) => d);

console.log('### Load\n');
console.log(
  head(['run', 'MET', 'rows sent', 'seconds', 'rows/s', 'MET/s', 'peak RSS MiB', 'complete', 'store MiB', 'B/relationship', 'load avg']),
);
for (const [file, d] of runs) {
  const l = d!.load;
  if (l)
    console.log(
      row([
        `${file}${l.writers ? ` (${l.writers} writers, ${l.attempts - l.chunks} retries)` : ''}`,
        l.mets,
        l.rows,
        l.seconds,
        l.rowsPerSecond,
        l.metsPerSecond,
        l.peakRssMiB,
        l.complete,
        Math.round(l.store.databaseBytes / 2 ** 20),
        l.storeBytesPerRelationship,
        l.loadAverage?.join(' '),
      ]),
    );
  const b = d!.bulkImport;
  if (b)
    console.log(
      row([
        `${file} (bulk import)`,
        d!.graph?.counts['relationship:MET'],
        b.csvRows,
        b.totalSeconds,
        b.rowsPerSecond,
        Math.round(d!.graph?.counts['relationship:MET'] / b.totalSeconds),
        b.peakRssMiB,
        true,
        Math.round(d!.graph?.store.databaseBytes / 2 ** 20),
        d!.graph?.storeBytesPerRelationship,
        d!.loadAverageAtStart?.join(' '),
      ]),
    );
}
console.log('\n### Batched vs one transaction per record (same rows)\n');
console.log(head(['run', 'rows', 'batched rows/s', 'per-record rows/s', 'ratio (median round)', 'every round']));
for (const [file, d] of runs) {
  const w = d!.writeModes;
  if (w)
    console.log(
      row([
        file,
        w.rows,
        w.batched.rowsPerSecond,
        w.perRecord.rowsPerSecond,
        `${w.ratio}×`,
        (w.rounds as Json[] | undefined)?.map((r) => `${r.ratio}×`).join(', '),
      ]),
    );
}
console.log('\n### Bulk import phases\n');
console.log(head(['run', 'CSV rows', 'CSV s', 'import s', 'start s', 'schema+indexes s', 'total s']));
for (const [file, d] of runs)
  if (d!.bulkImport) {
    const b = d!.bulkImport;
    console.log(row([file, b.csvRows, b.csvSeconds, b.importSeconds, b.startSeconds, b.schemaSeconds, b.totalSeconds]));
  }
console.log('\n### Latency (ms): API over HTTP vs the same Cypher through the raw driver\n');
console.log(
  head([
    'run',
    'variant',
    'n',
    'found',
    'API p50',
    'p95',
    'p99',
    'raw p50',
    'p95',
    'p99',
    'API/raw p50',
    'p95',
    'queries',
    'Bolt RETURN 1 p50',
  ]),
);
for (const [file, d] of runs) {
  const variants = [...(d!.paths?.variants ?? []), ...(d!.meetings ? [d!.meetings] : []), ...(d!.search ? [d!.search] : [])];
  for (const v of variants)
    console.log(
      row([
        file,
        v.name + (v.stoppedEarly ? ' (budget)' : ''),
        v.api.n,
        v.found,
        v.api.p50,
        v.api.p95,
        v.api.p99,
        v.raw.p50,
        v.raw.p95,
        v.raw.p99,
        v.ratioP50,
        v.ratioP95,
        v.meanQueries,
        d!.floors?.boltReturn1.p50,
      ]),
    );
}
console.log('\n### Raw time per query (p50 / p95 ms)\n');
for (const [file, d] of runs) {
  for (const v of [...(d!.paths?.variants ?? []), ...(d!.meetings ? [d!.meetings] : [])]) {
    console.log(
      `- ${file} ${v.name}: ${Object.entries(v.rawByQuery as Record<string, Json>)
        .map(([q, l]) => `${q} ${l.p50}/${l.p95}`)
        .join(', ')}`,
    );
  }
}
const client = read('client-render.json');
if (client) {
  console.log('\n### Client (headless Chromium)\n');
  console.log(head(['nodes', 'edges', 'layout', 'renderer', 'layout ms', 'first paint ms', 'layout+paint ms', 'redraw ms/frame']));
  for (const r of client.results)
    console.log(row([r.nodes, r.edges, r.layout, r.renderer, r.layoutMs, r.firstPaintMs, r.layoutPlusPaintMs, r.redrawMs]));
  for (const s of client.skipped ?? []) console.log(`\nSkipped: ${s}`);
}
