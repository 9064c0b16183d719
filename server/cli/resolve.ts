// npm run kg -- resolve …: the identity-resolution review from the terminal.
//   resolve list [--country NG] [--min 0.6] [--status open|judged|all] [--q text] [--person id] [--limit N]
//   resolve show <a> <b>                       the pair: score, reasons, both people
//   resolve judge <a> <b> same|different|unsure [--note why] [--by who]
//   resolve undo <a> <b>
//   resolve import <file.jsonl|file.csv> [--by who]   many judgements at once (a,b,verdict[,note])
//   resolve accept --min 0.9 [--country NG] [--by who]  every open pair from a score, except what `different` forbids
//   resolve log [--person id] [--limit N]      who judged what, newest first
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parse as parseCsv } from 'csv-parse/sync';
import { acceptBody, candidatesQuery, judgementHistoryQuery, judgementsBody } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import type { CandidateList, CandidateView, JudgeResult, PersonSummary, ResolutionDeps } from '../services/resolution.ts';
import { acceptLikely, judge, listCandidates, listJudgements, type AcceptResult } from '../services/resolution.ts';
import type { JudgementEntry } from '../../domain/resolution/judgements.ts';
import { UsageError } from '../../graph/cli.ts';

export const RESOLVE_USAGE = `       npm run kg -- resolve list [--country C] [--min S] [--status open|judged|all] [--q text] [--person id] [--limit N]
       npm run kg -- resolve show <a> <b>
       npm run kg -- resolve judge <a> <b> same|different|unsure [--note why] [--by who]
       npm run kg -- resolve undo <a> <b>
       npm run kg -- resolve import <file.jsonl|file.csv> [--by who]
       npm run kg -- resolve accept --min S [--country C] [--by who]
       npm run kg -- resolve log [--person id] [--limit N]`;

export interface ResolveOptions {
  country?: string | undefined;
  min?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  person?: string | undefined;
  limit?: string | undefined;
  note?: string | undefined;
  by?: string | undefined;
}

export interface ResolveCommand {
  apiPath: string;
  /** POSTed to the running app (with KG_API_KEY or API_KEY), when set. */
  body?: unknown;
  run(deps: ResolutionDeps): Promise<unknown>;
  format(answer: never): string;
}

const defined = (object: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(object).filter((entry): entry is [string, string] => entry[1] !== undefined));

const years = (p: PersonSummary) =>
  p.years ? (p.years.from === p.years.to ? `${p.years.from}` : `${p.years.from}–${p.years.to}`) : 'no dates';
const personLine = (p: PersonSummary) =>
  `${p.name} (${p.id}) · ${p.countries.map((c) => c.replace('country:', '')).join(', ') || 'no country'} · ${years(p)} · ${p.origin}, ${p.events} event(s)`;

function candidateLines(c: CandidateView, index?: number): string[] {
  const head = `${index !== undefined ? `${index + 1}. ` : ''}${c.score.toFixed(2)}${c.likely ? ' likely same' : ''}${c.judgement ? ` — judged ${c.judgement.verdict} by ${c.judgement.by}` : ''}`;
  return [
    head,
    `   A ${personLine(c.a)}`,
    `   B ${personLine(c.b)}`,
    ...c.reasons.map((r) => `     ${r.weight >= 0 ? '+' : ''}${r.weight.toFixed(2)} ${r.text}`),
  ];
}

function formatList(list: CandidateList): string {
  if (list.candidates.length === 0) return `No candidate pairs (of ${list.stats.people} people).`;
  return [
    `${list.total} pair(s) (showing ${list.candidates.length}); likely the same from ${list.threshold}; ${list.stats.people} people, ${list.stats.pairsCompared} pairs compared`,
    ...list.candidates.flatMap((c, i) => candidateLines(c, i)),
  ].join('\n');
}

function formatJudged(result: JudgeResult): string {
  const lines = result.recorded.map((j) => `recorded: ${j.a} ${j.verdict} ${j.b} (by ${j.by}, ${j.at})`);
  if (result.clusters.formed.length) lines.push(`clusters formed: ${result.clusters.formed.join(', ')}`);
  if (result.clusters.dissolved.length) lines.push(`clusters dissolved: ${result.clusters.dissolved.join(', ')}`);
  return lines.join('\n');
}

function formatLog(answer: { judgements: JudgementEntry[]; total: number }): string {
  if (answer.judgements.length === 0) return 'No judgements recorded.';
  return answer.judgements.map((j) => `${j.at}  ${j.by}: ${j.a} ${j.verdict} ${j.b}${j.note ? ` — ${j.note}` : ''}`).join('\n');
}

/** Reads judgements from a file: JSON lines ({a, b, verdict, note}) or CSV with a header a,b,verdict[,note]. */
export function readJudgementFile(path: string): { a: string; b: string; verdict: string; note?: string }[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.csv'))
    return parseCsv(text, { columns: true, skip_empty_lines: true, trim: true }) as {
      a: string;
      b: string;
      verdict: string;
      note?: string;
    }[];
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as { a: string; b: string; verdict: string; note?: string };
      } catch {
        throw new UsageError(`${path}:${i + 1}: not a JSON object`);
      }
    });
}

export function resolveCommand(args: string[], options: ResolveOptions): ResolveCommand {
  const [sub, a, b, verdict] = args;
  const by = options.by ?? process.env.KG_USER ?? userInfo().username;
  if (sub === 'list') {
    const raw = defined({
      country: options.country,
      minScore: options.min,
      status: options.status,
      q: options.q,
      person: options.person,
      limit: options.limit ?? '20',
    });
    const query = parseInput(candidatesQuery, raw);
    return {
      apiPath: `/api/resolution/candidates?${new URLSearchParams(raw)}`,
      run: (deps) => listCandidates(deps, query),
      format: formatList,
    };
  }
  if (sub === 'show' && a && b) {
    const raw = { person: a, status: 'all', minScore: '0', limit: '500' };
    const query = parseInput(candidatesQuery, raw);
    return {
      apiPath: `/api/resolution/candidates?${new URLSearchParams(raw)}`,
      run: (deps) => listCandidates(deps, query),
      format: (list: CandidateList) => {
        const pair = list.candidates.find((c) => (c.a.id === a && c.b.id === b) || (c.a.id === b && c.b.id === a));
        return pair
          ? candidateLines(pair).join('\n')
          : `${a} and ${b} are not a candidate pair (no name key in common, or a score below 0.3).`;
      },
    };
  }
  if ((sub === 'judge' && a && b && verdict) || (sub === 'undo' && a && b)) {
    const body = parseInput(judgementsBody, {
      judgements: [{ a, b, verdict: sub === 'undo' ? 'undo' : verdict, ...(options.note ? { note: options.note } : {}) }],
      by,
    });
    return { apiPath: '/api/resolution/judgements', body, run: (deps) => judge(deps, body.judgements, body.by), format: formatJudged };
  }
  if (sub === 'import' && a) {
    const body = parseInput(judgementsBody, { judgements: readJudgementFile(a), by });
    return { apiPath: '/api/resolution/judgements', body, run: (deps) => judge(deps, body.judgements, body.by), format: formatJudged };
  }
  if (sub === 'accept' && options.min) {
    const body = parseInput(acceptBody, {
      minScore: Number(options.min),
      by,
      ...(options.country ? { country: options.country } : {}),
      ...(options.note ? { note: options.note } : {}),
    });
    return {
      apiPath: '/api/resolution/accept',
      body,
      run: (deps) => acceptLikely(deps, body, body.by),
      format: (r: AcceptResult) =>
        [formatJudged(r) || 'nothing accepted', ...r.skipped.map((x) => `left for review: ${x.a} / ${x.b} (${x.score}): ${x.why}`)].join(
          '\n',
        ),
    };
  }
  if (sub === 'log') {
    const raw = defined({ person: options.person, limit: options.limit });
    const query = parseInput(judgementHistoryQuery, raw);
    return {
      apiPath: `/api/resolution/judgements?${new URLSearchParams(raw)}`,
      run: async (deps) => listJudgements(deps, query),
      format: formatLog,
    };
  }
  throw new UsageError(`usage:\n${RESOLVE_USAGE}`);
}
