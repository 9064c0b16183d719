import { expect } from 'chai';
import neo4j from 'neo4j-driver';
import { toCsv, toTable } from '../../server/cli/table.ts';
import { syntaxPosition } from '../../graph/console.ts';
import { decodeParams } from '../../graph/typed-values.ts';
import { ALLOWED_FUNCTIONS } from '../../server/services/console-functions.ts';
import { isAllowedProcedure, judgePlan, splitPlanPrefix, type PlanTree } from '../../server/services/console-guard.ts';
import { bindSavedParams, listSavedQueries, parseSavedQuery } from '../../server/services/saved-queries.ts';

const plan = (operator: string, details = '', children: PlanTree[] = []): PlanTree => ({ operator, details, children });
const judge = (queryType: string, operator: string, details = '') => judgePlan(queryType, plan(operator, details), ALLOWED_FUNCTIONS);

describe('console guard: the plan (no database)', () => {
  it('passes plain reads and refuses every other query type', () => {
    expect(judge('r', 'NodeByLabelScan', 'n:Person')).to.deep.equal({ allowed: true });
    expect(judgePlan('w', null, ALLOWED_FUNCTIONS).reason).to.match(/writes to/);
    expect(judgePlan('rw', null, ALLOWED_FUNCTIONS).reason).to.match(/reads and writes/);
    expect(judgePlan('s', null, ALLOWED_FUNCTIONS).reason).to.match(/schema/);
  });

  it('refuses what a read transaction would allow, anywhere in the plan', () => {
    expect(judge('r', 'LoadCSV', 'l').reason).to.match(/LOAD CSV/);
    expect(judge('r', 'TransactionApply').reason).to.match(/IN TRANSACTIONS/);
    expect(judge('r', 'ShowTransactions').reason).to.match(/SHOW TRANSACTIONS/);
    expect(judge('r', 'ShowIndexes').allowed).to.equal(true);
    expect(judgePlan('r', plan('ProduceResults', 'x', [plan('Apply', '', [plan('LoadCSV', 'l')])]), ALLOWED_FUNCTIONS).reason).to.match(
      /LOAD CSV/,
    );
    expect(judge('r', 'ProcedureCall', 'dbms.components() :: (name :: STRING)').reason).to.match(/dbms/);
  });

  it('refuses functions off the allow-list as Neo4j resolved them, and lets listed ones and index seeks through', () => {
    expect(judge('r', 'Projection', 'apoc.cypher.runFirstColumnSingle($q, {}) AS x').reason).to.match(/runs Cypher text of its own/);
    expect(judge('r', 'Projection', 'apoc.text.repeat($autostring_0, $autoint_1) AS x').reason).to.match(/as long as a number/);
    expect(judge('r', 'Projection', 'apoc.text.join(names, $autostring_0) AS x, date.truncate($autostring_1, d) AS m').allowed).to.equal(
      true,
    );
    expect(judge('r', 'NodeIndexSeek', 'RANGE INDEX n:Person(id) WHERE id = $autostring_0').allowed).to.equal(true);
    expect(judge('r', 'ProcedureCall', 'db.index.fulltext.queryNodes($autostring_0, $autostring_1) :: (node :: NODE)').allowed).to.equal(
      true,
    );
    expect(judge('r', 'ProcedureCall', 'db.labels() :: (label :: STRING)').allowed).to.equal(true);
  });

  it('allows only listed procedures', () => {
    expect(isAllowedProcedure('db.labels')).to.equal(true);
    expect(isAllowedProcedure('apoc.meta.schema')).to.equal(true);
    expect(isAllowedProcedure('apoc.path.expandConfig')).to.equal(true);
    for (const name of [
      'apoc.create.node',
      'apoc.periodic.iterate',
      'apoc.load.json',
      'apoc.cypher.run',
      'apoc.export.csv.all',
      'db.createLabel',
    ]) {
      expect(isAllowedProcedure(name), name).to.equal(false);
    }
  });

  it('reads EXPLAIN/PROFILE prefixes and shifts syntax positions back', () => {
    expect(splitPlanPrefix('  profile MATCH (n) RETURN n')).to.deep.equal({ mode: 'profile', query: ' MATCH (n) RETURN n' });
    expect(splitPlanPrefix('MATCH (n) RETURN n').mode).to.equal('run');
    expect(syntaxPosition('Invalid input (line 1, column 36 (offset: 35))', 8)).to.deep.equal({ line: 1, column: 28, offset: 27 });
    expect(syntaxPosition('Invalid input (line 2, column 3 (offset: 40))', 8)).to.deep.equal({ line: 2, column: 3, offset: 32 });
  });

  it('decodes typed parameters and sends whole numbers as integers', () => {
    const decoded = decodeParams({
      day: { $type: 'date', value: '2025-01-14' },
      big: { $type: 'integer', value: '9007199254740993' },
      n: 3,
    });
    expect(String(decoded.day)).to.equal('2025-01-14');
    expect(neo4j.isInt(decoded.big) && decoded.big.toString()).to.equal('9007199254740993');
    expect(neo4j.isInt(decoded.n)).to.equal(true);
    expect(() => decodeParams({ x: { $type: 'date', value: 'soon' } })).to.throw(/params/);
  });
});

describe('saved queries (no database)', () => {
  it('every file documents itself', () => {
    for (const query of listSavedQueries()) {
      expect(query.title, query.name).to.have.length.above(5);
      expect(query.description, query.name).to.have.length.above(20);
      expect(query.columns, query.name).to.not.be.empty;
      for (const param of query.params) expect(query.query, `${query.name} uses $${param.name}`).to.contain(`$${param.name}`);
    }
  });

  it('reads a header and binds parameters by type', () => {
    const query = parseSavedQuery(
      'x',
      '// title: T\n// description: D\n// @param who country required — c\n// @param from date-start optional — f\n// @param n integer optional — n\n// @columns a, b\nRETURN $who, $from, $n',
    );
    expect(query.params.map((p) => p.type)).to.deep.equal(['country', 'date-start', 'integer']);
    const bound = bindSavedParams(query, { who: 'kz', from: '2025-02', n: '5' });
    expect(bound.who).to.equal('country:KZ');
    expect(String(bound.from)).to.equal('2025-02-01');
    expect(bound.n).to.equal(5);
    expect(() => bindSavedParams(query, {})).to.throw(/params\.who: is required/);
    expect(() => bindSavedParams(query, { who: 'KZ', n: 'many' })).to.throw(/params\.n: a whole number/);
  });
});

describe('console output', () => {
  it('prints tables and RFC 4180 CSV', () => {
    const rows = [
      ['Kuantyrov, A.', { $type: 'date', value: '2025-02-01' }],
      ['say "hi"', null],
    ];
    expect(toCsv(['name', 'date'], rows)).to.equal('name,date\n"Kuantyrov, A.",2025-02-01\n"say ""hi""",');
    expect(toTable(['name', 'date'], rows).split('\n')[0]).to.match(/^name\s+\| date/);
  });
});
