// Search by exact name on the imported State Department data (npm run bench:search-ranks): for every
// person the data names in full, the rank of that person when /api/search is asked for their exact
// name, the exceptions with why (a namesake: another entity with the same folded name ranked first),
// and the latency of those requests (p50/p95), one request at a time on loopback against the running
// app (KG_API, default http://127.0.0.1:$PORT or 8080). JSON in bench/results/search-ranks.json.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cypher } from '../graph/cypher.ts';
import { searchWords } from '../domain/gazetteer.ts';

const base = process.env.KG_API ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;
const LIMIT = 20;

interface Hit {
  id: string;
  type: string;
  name: string;
  aliases: string[];
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(process.env.API_KEY ? { 'x-api-key': process.env.API_KEY } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const answer = await post<{ rows: [string, string][] }>('/api/cypher', {
  query: cypher('people-named-in-full'),
  params: { sourcePrefix: 'source:state-dept-' },
  maxRows: 10000,
  timeoutMs: 60000,
});
const people = answer.rows.map(([id, name]) => ({ id, name }));
const ms: number[] = [];
const ranks = new Map<number | 'absent', number>();
const exceptions: { id: string; name: string; rank: number | null; why: string; above: string[] }[] = [];
for (const person of people) {
  const started = performance.now();
  const res = await fetch(`${base}/api/search?${new URLSearchParams({ q: person.name, limit: String(LIMIT) })}`);
  const { results } = (await res.json()) as { results: Hit[] };
  ms.push(performance.now() - started);
  const index = results.findIndex((h) => h.id === person.id);
  const rank = index < 0 ? null : index + 1;
  ranks.set(rank ?? 'absent', (ranks.get(rank ?? 'absent') ?? 0) + 1);
  if (rank === 1) continue;
  const key = searchWords(person.name).join(' ');
  const above = (rank === null ? results : results.slice(0, index)).slice(0, 3);
  const namesake = above.length > 0 && above.every((h) => [h.name, ...h.aliases].some((n) => searchWords(n).join(' ') === key));
  exceptions.push({
    id: person.id,
    name: person.name,
    rank,
    why: namesake ? 'namesake: the same name, another entity' : 'other',
    above: above.map((h) => `${h.id} "${h.name}"`),
  });
}
ms.sort((a, b) => a - b);
const result = {
  api: base,
  people: people.length,
  rank1: ranks.get(1) ?? 0,
  ranks: Object.fromEntries([...ranks].sort((a, b) => String(a[0]).localeCompare(String(b[0]), undefined, { numeric: true }))),
  exceptions,
  latencyMs: { p50: Math.round(percentile(ms, 50)), p95: Math.round(percentile(ms, 95)), max: Math.round(ms.at(-1)!) },
  finishedAt: new Date().toISOString(),
};
writeFileSync(new URL('./results/search-ranks.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `${result.people} people named in full; rank 1 for ${result.rank1} (${((100 * result.rank1) / Math.max(1, result.people)).toFixed(1)}%); ranks ${JSON.stringify(result.ranks)}`,
);
console.log(
  `latency over ${ms.length} sequential requests: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, max ${result.latencyMs.max} ms`,
);
for (const e of exceptions) console.log(`  rank ${e.rank ?? '>20'}  ${e.id} "${e.name}" — ${e.why}; above: ${e.above.join(', ')}`);
