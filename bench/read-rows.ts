// What checking rows against their schemas (graph/queries) costs, next to reading them. The services'
// heaviest answers are asked once through a recording reader; every read query they ran is then
// replayed: reading its rows (Neo4j + plain values) and checking them (zod), alternating round by
// round, medians and their ratio.
//   node --import tsx bench/read-rows.ts --uri bolt://127.0.0.1:7687 [--rounds 15]
// Needs a loaded graph (the seeds, best with `npm run import -- state-dept`).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDriver } from '../graph/database.ts';
import { createReader, type Row } from '../graph/reader.ts';
import { checkRows, read } from '../graph/queries/read.ts';
import { READ_QUERIES, type ReadName } from '../graph/queries/table.ts';
import { readProfiles } from '../graph/resolution.ts';
import { getHub } from '../server/services/hub.ts';
import { findMeetings } from '../server/services/meetings.ts';
import { getEntityProfile } from '../server/services/entities.ts';
import { getNeighborhood } from '../server/services/neighborhood.ts';
import { hubQuery, meetingsQuery, neighborhoodQuery } from '../server/contracts/requests.ts';
import { recordingReader } from './lib/recording-reader.ts';
import { loadAverage, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    uri: { type: 'string' },
    rounds: { type: 'string', default: '15' },
    out: { type: 'string', default: 'bench/results/read-rows.txt' },
  },
});
if (!values.uri) throw new Error('give --uri bolt://… of a loaded graph');
const rounds = Number(values.rounds);

const driver = createDriver({ uri: values.uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
const reader = createReader(driver, undefined, 120_000);
const recorder = recordingReader(reader);

// The busiest person by events, as identity resolution sees them (it reads every person).
const people = await readProfiles(reader);
const hub = [...people].sort((a, b) => b.events - a.events)[0]!;
const calls: [string, () => Promise<unknown>][] = [
  [`hub of ${hub.id} (${hub.events} events)`, () => getHub(recorder.reader, hub.id, hubQuery.parse({ limit: '5000' }))],
  [`profile of ${hub.id}`, () => getEntityProfile(recorder.reader, hub.id)],
  [
    `neighbourhood of ${hub.id}, depth 2`,
    () => getNeighborhood(recorder.reader, hub.id, neighborhoodQuery.parse({ depth: '2', limit: '1000' })),
  ],
  ['meetings, all, limit 500', () => findMeetings(recorder.reader, meetingsQuery.parse({ limit: '500' }))],
  ['identity resolution: every person', () => readProfiles(recorder.reader)],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};
say(`read-rows: ${rounds} rounds, load average ${loadAverage()}, ${people.length} people in the graph`);
say('| answer | query | rows | read ms (median) | check ms (median) | check / read |');
say('|---|---|---:|---:|---:|---:|');
let totalRead = 0;
let totalCheck = 0;
for (const [label, call] of calls) {
  await call();
  const seen = new Set<string>();
  for (const q of recorder.take()) {
    const key = `${q.name} ${JSON.stringify(q.params)}`;
    if (seen.has(key) || !(q.name in READ_QUERIES)) continue;
    seen.add(key);
    const name = q.name as ReadName;
    const readMs: number[] = [];
    const checkMs: number[] = [];
    let rows: Row[] = [];
    for (let r = 0; r < rounds; r++) {
      let t = performance.now();
      rows = await reader.rows(name, q.params, q.slots);
      readMs.push(performance.now() - t);
      t = performance.now();
      checkRows(name, rows);
      checkMs.push(performance.now() - t);
    }
    if (rows.length < 20) continue;
    const [mr, mc] = [median(readMs), median(checkMs)];
    totalRead += mr;
    totalCheck += mc;
    say(`| ${label} | ${name} | ${rows.length} | ${round(mr)} | ${round(mc, 2)} | ${round((100 * mc) / mr, 1)} % |`);
  }
}
say(`| all of the above | | | ${round(totalRead)} | ${round(totalCheck, 2)} | ${round((100 * totalCheck) / totalRead, 1)} % |`);
// A typed read end to end, so the numbers above are the ones the services pay.
await read(reader, 'resolution-people');
writeFileSync(values.out!, `${lines.join('\n')}\n`);
await driver.close();
