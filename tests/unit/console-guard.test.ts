// The console's checks on a query's text, before Neo4j sees it: each class of text that takes Neo4j's
// parser or planner down (measured in SECURITY.md) in several shapes, and the function allow-list
// however the name is written.
import { expect } from 'chai';
import { ALLOWED_FUNCTIONS, functionAllowList } from '../../server/services/console-functions.ts';
import { calledFunctions, judgeText, TEXT_LIMITS } from '../../server/services/console-guard.ts';
import { tokenize } from '../../server/services/cypher-lexer.ts';
import { listSavedQueries } from '../../server/services/saved-queries.ts';

const judge = (query: string, allowed: ReadonlySet<string> = ALLOWED_FUNCTIONS) => judgeText(query, allowed);
const nest = (open: string, close: string, inner: string, n: number) => open.repeat(n) + inner + close.repeat(n);

describe('cypher lexer', () => {
  it('keeps strings, comments and quoted names apart from code', () => {
    const tokens = tokenize(
      "MATCH (n) // a ( comment\nWHERE n.name = 'it''s (' /* ) */ AND `odd``name` = \"x\\\"(\" RETURN $p, 1.5e-3, 1..3",
    );
    expect(tokens.filter((t) => t.text === '(').length).to.equal(1);
    expect(tokens.find((t) => t.kind === 'quoted-name')?.text).to.equal('odd`name');
    expect(tokens.filter((t) => t.kind === 'string').map((t) => t.text)).to.deep.equal(["'it'", "'s ('", '"x\\"("']);
    expect(tokens.find((t) => t.kind === 'parameter')?.text).to.equal('$p');
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).to.deep.equal(['1.5e-3', '1', '3']);
  });

  it('finds function calls however the name is written, and only calls', () => {
    const calls = (query: string) => calledFunctions(tokenize(query));
    expect(calls('RETURN apoc.text.join(x, ",")')).to.deep.equal(['apoc.text.join']);
    expect(calls('RETURN apoc . text . repeat("x", 3)')).to.deep.equal(['apoc.text.repeat']);
    expect(calls('RETURN `apoc`.`text`.`repeat`("x", 3)')).to.deep.equal(['apoc.text.repeat']);
    expect(calls('RETURN apoc./* hidden */text.repeat ("x", 3)')).to.deep.equal(['apoc.text.repeat']);
    expect(calls('RETURN `apoc.text.repeat`("x", 3)')).to.deep.equal(['apoc.text.repeat']);
    expect(calls('MATCH (n:Person) WHERE (n.x > 1) AND NOT (n)-->() RETURN count(n), CASE WHEN (true) THEN 1 END')).to.deep.equal([
      'count',
    ]);
    expect(calls('CALL db.labels() YIELD label RETURN label')).to.deep.equal([]);
    expect(calls('MATCH (n:Person) USING INDEX n:Person(id) WHERE n.id = "x" RETURN n')).to.deep.equal([]);
    expect(calls('RETURN "apoc.text.repeat(x)" AS s // apoc.text.repeat(1)')).to.deep.equal([]);
  });
});

describe('console guard: the text (no database)', () => {
  it('passes the saved queries and ordinary analyst queries', () => {
    for (const query of [
      'MATCH (p:Person)-[m:MET]-(q:Person) RETURN p, m, q LIMIT 25',
      'MATCH p = shortestPath((a:Person {id: $a})-[:MET*..6]-(b:Person {id: $b})) RETURN p',
      'WITH [x IN range(1, 10) WHERE x % 2 = 0 | x * x] AS squares RETURN reduce(s = 0, x IN squares | s + x) AS total',
      'MATCH (e:Event) WHERE EXISTS { MATCH (e)<-[:PARTICIPATED_IN]-(:Person) } RETURN e.id, COUNT { (e)--() } AS degree',
      "MATCH (n) RETURN apoc.text.join(collect(n.name), ', '), date.truncate('month', date()) AS m",
    ]) {
      expect(judge(query), query).to.deep.equal({ allowed: true });
    }
    for (const saved of listSavedQueries()) expect(judge(saved.query), saved.name).to.deep.equal({ allowed: true });
  });

  it('refuses nesting past the limit in every form: brackets, lists, maps, CASE, NOT, unary minus, subqueries', () => {
    const deep = TEXT_LIMITS.maxDepth + 1;
    const cases = (n: number) => Array.from({ length: n }).reduce<string>((inner) => `CASE WHEN true THEN ${inner} END`, '1');
    for (const query of [
      `RETURN ${nest('(', ')', '1', deep)}`,
      `RETURN ${nest('[', ']', '1', deep)}`,
      `RETURN ${nest('{a: ', '}', '1', deep)}`,
      `RETURN ${cases(deep)}`,
      `RETURN ${'NOT '.repeat(deep)}true`,
      `RETURN ${'-'.repeat(deep)}1`,
      `RETURN ${'- + '.repeat(deep)}1`,
      `RETURN ${nest('[x IN ', ' | x]', '[1]', deep)}`,
      `RETURN ${nest('size([', '])', '1', deep)}`,
      `RETURN ${'('.repeat(500)}1${')'.repeat(500)}`,
    ]) {
      expect(judge(query).reason, query.slice(0, 60)).to.match(/nests brackets, CASE or NOT more than 32 deep/);
    }
    expect(judge(`RETURN ${nest('(', ')', '1', TEXT_LIMITS.maxDepth - 2)}`).allowed).to.equal(true);
    // Unbalanced text still counts: closing brackets first do not buy depth.
    expect(judge(`RETURN ${')'.repeat(100)}${'('.repeat(deep)}`).allowed).to.equal(false);
  });

  it('refuses subqueries nested past the limit, whichever kind', () => {
    const deep = TEXT_LIMITS.maxSubqueryDepth + 1;
    for (const wrap of [
      (inner: string) => `EXISTS { MATCH (n)--() WHERE ${inner} }`,
      (inner: string) => `COUNT { MATCH (n)--() WHERE ${inner} } > 0`,
      (inner: string) => `size(COLLECT { MATCH (n)--(m) WHERE ${inner} RETURN m }) > 0`,
    ]) {
      const predicate = Array.from({ length: deep }).reduce<string>((inner) => wrap(inner), 'true');
      expect(judge(`MATCH (n) WHERE ${predicate} RETURN n`).reason).to.match(/nests subqueries/);
    }
    const calls = Array.from({ length: deep }).reduce<string>((inner) => `CALL (x) { WITH x ${inner} RETURN x AS y }`, '');
    expect(judge(`WITH 1 AS x ${calls} RETURN 1`).reason).to.match(/nests subqueries/);
  });

  it('refuses long pattern chains in every direction, but not a quantified path', () => {
    const n = TEXT_LIMITS.maxRelationships + 1;
    const chain = (step: (i: number) => string) => `MATCH (a0)${Array.from({ length: n }, (_, i) => step(i)).join('')} RETURN count(*)`;
    for (const query of [
      chain((i) => `--(a${i + 1})`),
      chain((i) => `-[:MET]->(a${i + 1})`),
      chain((i) => `<-[r${i}]-(a${i + 1})`),
      chain((i) => `-->(a${i + 1})`),
    ]) {
      expect(judge(query).reason, query.slice(0, 40)).to.match(/relationship patterns/);
    }
    const split = `MATCH ${Array.from({ length: n }, (_, i) => `(a${i})--(b${i})`).join(', ')} RETURN count(*)`;
    expect(judge(split).reason).to.match(/relationship patterns/);
    expect(judge('MATCH p = (a:Person)-[:MET]-{1,20}(b:Person) RETURN p LIMIT 1').allowed).to.equal(true);
  });

  it('refuses very long token streams (operator chains, UNION and WITH chains)', () => {
    for (const query of [
      `RETURN 1${' + 1'.repeat(2_000)}`,
      `MATCH (n) WHERE ${Array.from({ length: 800 }, (_, i) => `n.a = ${i}`).join(' OR ')} RETURN n`,
      Array(700).fill('RETURN 1 AS x').join(' UNION '),
    ]) {
      expect(judge(query).reason).to.match(/tokens/);
    }
  });

  it('refuses functions off the allow-list, however written, and names the reason', () => {
    for (const [query, reason] of [
      ["RETURN apoc.text.repeat('x', 1000000000)", /builds a string as long as a number/],
      ["RETURN `apoc`.`text`.`lpad`('', 1000000000, 'x')", /builds a string as long as a number/],
      ["RETURN APOC.COLL.FILL('x', 100000000)", /builds a list as long as a number/],
      ['RETURN apoc.coll.combinations(range(1, 40), 20)', /exponentially many/],
      ['RETURN apoc.cypher.runFirstColumnSingle("MATCH (n) DETACH DELETE n", {})', /runs Cypher text/],
      ['RETURN apoc.util.decompress($b)', /compression bombs/],
      ['RETURN apoc.text.format("%999999999s", ["x"])', /format/],
      ['RETURN graph.byName("other")', /composite database/],
      ['RETURN custom.made.up(1)', /not on the console's list of functions$/],
      ['RETURN my_function(1)', /not on the console's list of functions$/],
    ] as const) {
      expect(judge(query).reason, query).to.match(reason);
    }
    // A misspelt clause is not a call: Neo4j reports it as the syntax error it is.
    for (const query of ['MATC (n) RETURN n', 'MATCH (n) RETRUN (n)']) expect(judge(query), query).to.deep.equal({ allowed: true });
  });

  it('refuses reduce() steps that grow the accumulator by a factor each step, not those that add to it', () => {
    for (const query of [
      "RETURN size(reduce(s='', x IN range(1,30) | s + s + 'xxxxxxxxxxxxxxxx'))",
      "RETURN size(reduce(s = 'ab', x IN range(1, 40) | s + reverse(s)))",
      'RETURN size(reduce(l = [1], x IN range(1, 40) | l + l))',
      "RETURN size(reduce(s = 'x', i IN range(1, 40) | replace(s, 'x', 'xx')))",
      "RETURN size(reduce(s = 'x', i IN range(1, 40) | toUpper(replace(s, 'x', 'xx'))))",
      "RETURN size(reduce(s = 'x', i IN range(1, 40) | apoc.text.join([s, s], '')))",
      "RETURN size(REDUCE(`acc` = 'x', i IN range(1, 40) | `acc` + toLower(`acc`)))",
    ]) {
      expect(judge(query).reason, query).to.match(/reduce\(\) (combines|passes) its accumulator/);
    }
    for (const query of [
      'RETURN reduce(total = 0, x IN [1, 2, 3] | total + x) AS sum',
      "RETURN reduce(s = '', name IN ['a', 'b'] | s + name + ', ') AS joined",
      'RETURN reduce(m = 0, x IN [3, 1, 2] | CASE WHEN x > m THEN x ELSE m END) AS largest',
      "RETURN reduce(s = '', x IN ['a'] | s + replace(x, 'a', 'b')) AS t",
      'MATCH (n) RETURN reduce(acc = {}, k IN keys(n) | apoc.map.setKey(acc, k, 1)) AS m',
    ]) {
      expect(judge(query), query).to.deep.equal({ allowed: true });
    }
  });

  it('lets an operator add a function on purpose', () => {
    expect(judge("RETURN apoc.text.repeat('x', 3)", functionAllowList(['APOC.text.repeat'])).allowed).to.equal(true);
    expect(judge("RETURN apoc.text.lpad('x', 3, ' ')", functionAllowList(['apoc.text.repeat'])).allowed).to.equal(false);
  });
});
