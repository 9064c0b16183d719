// Decides whether an analyst's query may run. Pure: no database. Two stages:
//  1. judgeText, before Neo4j sees the text: a size and shape the parser and planner handle in
//     moments (Neo4j 5.26 overflows its parser stack on brackets nested some hundreds deep and hangs
//     the connection; long pattern chains, deep subqueries and long operator chains take its planner
//     seconds to minutes, outside any transaction time-out — measured in SECURITY.md), and only
//     functions on the allow-list (console-functions.ts).
//  2. judgePlan, on the plan Neo4j made of it with EXPLAIN: only reads, and nothing a read
//     transaction allows but the console does not (LOAD CSV, CALL … IN TRANSACTIONS, SHOW
//     TRANSACTIONS, procedures off the allow-list, functions off the allow-list).
// The READ transaction the query then runs in is a further wall (graph/console.ts).
import { PATTERN_FUNCTIONS, REFUSED_FUNCTIONS } from './console-functions.ts';
import { isWord, tokenize, type Token } from './cypher-lexer.ts';

export interface Verdict {
  allowed: boolean;
  reason?: string;
}

const ALLOWED: Verdict = { allowed: true };
const refuse = (reason: string): Verdict => ({ allowed: false, reason });

/** Limits on the shape of a query's text (SECURITY.md says what each one stops). */
export interface TextLimits {
  /** Tokens: names, numbers, strings, symbols. */
  maxTokens: number;
  /** Brackets, braces, CASE … END and runs of NOT, - and + inside one another. */
  maxDepth: number;
  /** EXISTS { }, COUNT { }, COLLECT { } and CALL { } inside one another. */
  maxSubqueryDepth: number;
  /** Relationship patterns in the whole query (a quantified one counts once). */
  maxRelationships: number;
}

export const TEXT_LIMITS: TextLimits = { maxTokens: 3_000, maxDepth: 32, maxSubqueryDepth: 5, maxRelationships: 12 };

/** Words that may stand before "(" without calling a function. */
const NOT_CALLS = new Set(
  `match optional where and or xor not in return with unwind call create merge delete detach set remove foreach union
   case when then else end distinct order by skip limit offset asc desc ascending descending is on yield from use
   shortest paths path groups group repeatable different acyclic simple trail walk starts ends contains null true false
   filter let finish next for require load csv headers fieldterminator of rows transactions concurrent as options show
   terminate index seek scan using join`.split(/\s+/),
);

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);
const SUBQUERY_WORDS = ['exists', 'count', 'collect', 'call'];

interface Frame {
  kind: string;
  subquery: boolean;
  afterCall: boolean;
}

function isName(token: Token | undefined): boolean {
  return token?.kind === 'name' || token?.kind === 'quoted-name';
}

/** A dotted name starting at `i` ("apoc.text.join"), and the index of its last token. */
function dottedName(tokens: readonly Token[], i: number): { name: string; end: number } {
  const parts = [tokens[i]!.text];
  let end = i;
  while (tokens[end + 1]?.text === '.' && isName(tokens[end + 2])) {
    parts.push(tokens[end + 2]!.text);
    end += 2;
  }
  return { name: parts.join('.'), end };
}

/** The functions a query calls, by their names as written (procedures after CALL are not functions). */
export function calledFunctions(tokens: readonly Token[]): string[] {
  const called: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isName(tokens[i]) || tokens[i - 1]?.text === '.') continue;
    const start = i;
    const { name, end } = dottedName(tokens, start);
    i = end;
    const next = tokens[end + 1];
    const previous = tokens[start - 1];
    if (next?.text !== '(' || next.kind !== 'symbol') continue;
    if (isWord(previous, 'call')) continue; // a procedure: judged on the plan
    // A name at the very start, or right after a closing bracket, cannot be a call in Cypher: it is a
    // clause, misspelt ("MATC (n)"), and Neo4j reports the syntax error with its place.
    if (!previous || (previous.kind === 'symbol' && (previous.text === ')' || previous.text === ']' || previous.text === '}'))) continue;
    if (previous?.text === ':' && isWord(tokens[start - 3], 'index', 'seek')) continue; // USING INDEX n:Label(prop)
    if (start === end && tokens[start]!.kind === 'name' && NOT_CALLS.has(name.toLowerCase())) continue;
    called.push(name);
  }
  return called;
}

/**
 * reduce() steps that make the accumulator grow by a factor every step: the accumulator used twice
 * and combined (`s + s`, `s + reverse(s)`, `apoc.text.join([s, s], '')`), or passed through replace()
 * (`replace(s, 'x', 'xx')`). Thirty steps make gigabytes out of a few bytes inside one expression,
 * where Neo4j's memory tracking does not look; a step that only adds to it (`s + x`) grows linearly.
 */
export function growingReduce(tokens: readonly Token[]): string | undefined {
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isWord(tokens[i], 'reduce') || tokens[i + 1]?.text !== '(' || !isName(tokens[i + 2]) || tokens[i + 3]?.text !== '=') continue;
    const accumulator = tokens[i + 2]!.text;
    // The step runs from the "|" at the call's own level to its closing parenthesis.
    let depth = 0;
    let step = -1;
    let end = tokens.length;
    for (let j = i + 1; j < tokens.length; j += 1) {
      const text = tokens[j]!.kind === 'symbol' ? tokens[j]!.text : '';
      if (OPENERS.has(text)) depth += 1;
      else if (CLOSERS.has(text)) {
        depth -= 1;
        if (depth === 0) {
          end = j;
          break;
        }
      } else if (text === '|' && depth === 1 && step < 0) step = j + 1;
    }
    if (step < 0) continue;
    let uses = 0;
    let combined = false;
    let throughReplace = false;
    const calls: boolean[] = [];
    for (let j = step; j < end; j += 1) {
      const token = tokens[j]!;
      if (token.kind === 'symbol' && OPENERS.has(token.text))
        calls.push(token.text === '(' && isName(tokens[j - 1]) && isWord(tokens[j - 1], 'replace'));
      else if (token.kind === 'symbol' && CLOSERS.has(token.text)) calls.pop();
      else if (token.kind === 'symbol' && token.text === '+') combined = true;
      else if (isName(token) && token.text === accumulator && tokens[j - 1]?.text !== '.' && tokens[j + 1]?.text !== ':') {
        uses += 1;
        if (calls.includes(true)) throughReplace = true;
        if (calls.length) combined ||= tokens.slice(step, end).some((t, k) => isName(t) && tokens[step + k + 1]?.text === '(');
      }
    }
    if (throughReplace) return `reduce() passes its accumulator ${accumulator} through replace(), which multiplies it at every step`;
    if (uses >= 2 && combined) {
      return `reduce() combines its accumulator ${accumulator} with itself, which doubles it at every step (for the largest or distinct items, use max(), apoc.coll.max() or apoc.coll.toSet())`;
    }
  }
  return undefined;
}

function functionVerdict(name: string, allowed: ReadonlySet<string>): Verdict {
  const key = name.toLowerCase();
  if (allowed.has(key) || PATTERN_FUNCTIONS.has(key)) return ALLOWED;
  const why = REFUSED_FUNCTIONS[key];
  return refuse(`${name}() is not on the console's list of functions${why ? `: it ${why}` : ''}`);
}

/** Checks the text before Neo4j parses it: size, nesting, pattern length, functions. */
export function judgeText(query: string, allowedFunctions: ReadonlySet<string>, limits: TextLimits = TEXT_LIMITS): Verdict {
  const tokens = tokenize(query);
  if (tokens.length > limits.maxTokens)
    return refuse(`the query has ${tokens.length} tokens; the console takes at most ${limits.maxTokens}`);
  const stack: Frame[] = [];
  let prefixRun = 0;
  let lastClosedAfterCall = false;
  let relationships = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    const text = token.kind === 'symbol' ? token.text : '';
    if (isWord(token, 'not') || text === '-' || text === '+') prefixRun += 1;
    else prefixRun = 0;
    if (OPENERS.has(text)) {
      const subquery = text === '{' && (isWord(previous, ...SUBQUERY_WORDS) || (previous?.text === ')' && lastClosedAfterCall));
      stack.push({ kind: text, subquery, afterCall: text === '(' && isWord(previous, 'call') });
    } else if (CLOSERS.has(text)) {
      const closed = stack.pop();
      lastClosedAfterCall = closed?.afterCall ?? false;
    } else if (isWord(token, 'case')) {
      stack.push({ kind: 'case', subquery: false, afterCall: false });
    } else if (isWord(token, 'end') && stack.at(-1)?.kind === 'case') {
      stack.pop();
    }
    if (stack.length + prefixRun > limits.maxDepth) {
      return refuse(`the query nests brackets, CASE or NOT more than ${limits.maxDepth} deep (at offset ${token.offset})`);
    }
    if (stack.filter((frame) => frame.subquery).length > limits.maxSubqueryDepth) {
      return refuse(`the query nests subqueries (EXISTS, COUNT, COLLECT, CALL { … }) more than ${limits.maxSubqueryDepth} deep`);
    }
    // A relationship pattern continues a node pattern: ")-", ")<-".
    if ((text === '-' || text === '<-') && previous?.text === ')' && previous.kind === 'symbol') relationships += 1;
  }
  if (relationships > limits.maxRelationships) {
    return refuse(
      `the query has ${relationships} relationship patterns; the console plans at most ${limits.maxRelationships} (use a variable-length or quantified pattern for long paths)`,
    );
  }
  for (const name of calledFunctions(tokens)) {
    const verdict = functionVerdict(name, allowedFunctions);
    if (!verdict.allowed) return verdict;
  }
  const growing = growingReduce(tokens);
  return growing ? refuse(growing) : ALLOWED;
}

/** A plan as the runner reports it (graph/console.ts PlanNode has this shape). */
export interface PlanTree {
  operator: string;
  details: string;
  children: readonly PlanTree[];
}

/** Read-only procedures an analyst may call: schema introspection, full-text search, read-only APOC. */
export const ALLOWED_PROCEDURES: readonly (string | RegExp)[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.fulltext.listAvailableAnalyzers',
  'apoc.help',
  'apoc.version',
  /^apoc\.meta\.(schema|stats|data|graph|graphSample|nodeTypeProperties|relTypeProperties|subGraph)$/,
  /^apoc\.path\.(expand|expandConfig|subgraphNodes|subgraphAll|spanningTree)$/,
  /^apoc\.algo\.(dijkstra|aStar|aStarConfig|allSimplePaths)$/,
  /^apoc\.neighbors\.(athop|byhop|tohop)(\.count)?$/,
];

/** Operators a read transaction permits but the console does not. */
const DENIED_OPERATORS: Record<string, string> = {
  LoadCSV: 'LOAD CSV reads files or URLs from the server and is not allowed in the console',
  TransactionForeach: 'CALL { … } IN TRANSACTIONS is not allowed in the console',
  TransactionApply: 'CALL { … } IN TRANSACTIONS is not allowed in the console',
};

/** SHOW commands allowed: schema introspection. Everything else SHOW-like (transactions, settings, users…) is refused. */
const ALLOWED_SHOW = new Set(['ShowIndexes', 'ShowConstraints', 'ShowProcedures', 'ShowFunctions']);

export function isAllowedProcedure(name: string): boolean {
  return ALLOWED_PROCEDURES.some((rule) => (typeof rule === 'string' ? rule.toLowerCase() === name.toLowerCase() : rule.test(name)));
}

/** The procedure named in a ProcedureCall operator's details ("db.labels() :: (label :: STRING)"). */
export function procedureName(details: string): string {
  return /^\s*([\w.]+)\s*\(/.exec(details)?.[1] ?? details.trim();
}

function* operators(plan: PlanTree): Generator<PlanTree> {
  yield plan;
  for (const child of plan.children) yield* operators(child);
}

/** Namespaced calls in an operator's details ("apoc.text.join(…)", "date.truncate(…)"). */
function namespacedCalls(details: string): string[] {
  return [...details.matchAll(/(?<![\w.$`])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\s*\(/g)].map((match) => match[1]!);
}

export function judgePlan(queryType: string, plan: PlanTree | null, allowedFunctions: ReadonlySet<string>): Verdict {
  for (const op of plan ? operators(plan) : []) {
    const denied = DENIED_OPERATORS[op.operator];
    if (denied) return refuse(denied);
    if (op.operator.startsWith('Show') && !ALLOWED_SHOW.has(op.operator)) {
      return refuse(
        `${op.operator.replace(/^Show/, 'SHOW ').toUpperCase()} is an administration command and is not allowed in the console`,
      );
    }
    if (
      op.operator.startsWith('Terminate') ||
      op.operator.startsWith('Create') ||
      op.operator.startsWith('Drop') ||
      op.operator.startsWith('Alter')
    ) {
      return refuse(`${op.operator} changes the database and is not allowed in the console`);
    }
    let details = op.details;
    if (op.operator === 'ProcedureCall') {
      const name = procedureName(details);
      if (name.toLowerCase().startsWith('dbms.')) return refuse(`${name}: dbms.* procedures are not allowed in the console`);
      if (!isAllowedProcedure(name)) return refuse(`${name} is not on the console's list of read-only procedures`);
      details = details.slice(details.indexOf(name) + name.length);
    }
    // The text check saw every call as written; this one sees them as Neo4j resolved them.
    for (const name of namespacedCalls(details)) {
      const verdict = functionVerdict(name, allowedFunctions);
      if (!verdict.allowed) return verdict;
    }
  }
  if (queryType !== 'r') {
    const kind = { w: 'writes to', rw: 'reads and writes', s: 'changes the schema of' }[queryType] ?? `is of type "${queryType}" for`;
    return refuse(`the console only runs read queries; this one ${kind} the database`);
  }
  return ALLOWED;
}

/** An EXPLAIN/PROFILE the analyst wrote in front of the query. */
export function splitPlanPrefix(query: string): { mode: 'run' | 'explain' | 'profile'; query: string } {
  const match = /^\s*(EXPLAIN|PROFILE)\b/i.exec(query);
  if (!match) return { mode: 'run', query };
  return { mode: match[1]!.toLowerCase() as 'explain' | 'profile', query: query.slice(match[0].length) };
}
