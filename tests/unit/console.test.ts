import { expect } from 'chai';
import neo4j from 'neo4j-driver';
import type { AuditEntry } from '../../server/audit.ts';
import { toCsv, toTable } from '../../server/cli/table.ts';
import { QueryRefused } from '../../domain/errors.ts';
import { isAllowedProcedure, judgePlan, splitPlanPrefix, syntaxPosition } from '../../server/services/console-guard.ts';
import { decodeParams, runConsoleQuery, type ConsoleDeps } from '../../server/services/console.ts';
import { bindSavedParams, listSavedQueries, parseSavedQuery } from '../../server/services/saved-queries.ts';

describe('console guard (no database)', () => {
  it('passes plain reads and refuses every other query type', () => {
    expect(judgePlan('r', [{ type: 'NodeByLabelScan', details: 'n:Person' }])).to.deep.equal({ allowed: true });
    expect(judgePlan('w', []).reason).to.match(/writes to/);
    expect(judgePlan('rw', []).reason).to.match(/reads and writes/);
    expect(judgePlan('s', []).reason).to.match(/schema/);
  });

  it('refuses what a read transaction would allow', () => {
    expect(judgePlan('r', [{ type: 'LoadCSV', details: 'l' }]).reason).to.match(/LOAD CSV/);
    expect(judgePlan('r', [{ type: 'TransactionApply', details: '' }]).reason).to.match(/IN TRANSACTIONS/);
    expect(judgePlan('r', [{ type: 'ShowTransactions', details: '' }]).reason).to.match(/SHOW TRANSACTIONS/);
    expect(judgePlan('r', [{ type: 'ShowIndexes', details: '' }]).allowed).to.equal(true);
    expect(judgePlan('r', [{ type: 'Projection', details: 'apoc.cypher.runFirstColumnSingle($q, {}) AS x' }]).allowed).to.equal(false);
    expect(judgePlan('r', [{ type: 'ProcedureCall', details: 'dbms.components() :: (name :: STRING)' }]).reason).to.match(/dbms/);
  });

  it('allows only listed procedures', () => {
    expect(isAllowedProcedure('db.labels')).to.equal(true);
    expect(isAllowedProcedure('apoc.meta.schema')).to.equal(true);
    expect(isAllowedProcedure('apoc.path.expandConfig')).to.equal(true);
    for (const name of ['apoc.create.node', 'apoc.periodic.iterate', 'apoc.load.json', 'apoc.cypher.run', 'apoc.export.csv.all', 'db.createLabel']) {
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
    const decoded = decodeParams({ day: { $type: 'date', value: '2025-01-14' }, big: { $type: 'integer', value: '9007199254740993' }, n: 3 });
    expect(String(decoded.day)).to.equal('2025-01-14');
    expect(neo4j.isInt(decoded.big) && decoded.big.toString()).to.equal('9007199254740993');
    expect(neo4j.isInt(decoded.n)).to.equal(true);
    expect(() => decodeParams({ x: { $type: 'date', value: 'soon' } })).to.throw(/params/);
  });

  it('audits a refused query and never runs it', async () => {
    const audited: AuditEntry[] = [];
    let ran = false;
    const deps: ConsoleDeps = {
      explain: async () => ({ queryType: 'w', plan: { operator: 'Create', details: 'n', children: [] } }),
      stream: async () => {
        ran = true;
        throw new Error('must not run');
      },
      audit: (entry) => audited.push(entry),
      now: () => 1_000,
    };
    const error = await runConsoleQuery(deps, { query: 'CREATE (n)', params: { secret: 'value' }, timeoutMs: 1000, maxRows: 10 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(QueryRefused);
    expect(ran).to.equal(false);
    expect(audited).to.have.length(1);
    expect(audited[0]).to.deep.include({ outcome: 'refused', paramNames: ['secret'], queryType: 'w' });
    expect(JSON.stringify(audited[0])).to.not.contain('value"');
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
    const query = parseSavedQuery('x', '// title: T\n// description: D\n// @param who country required — c\n// @param from date-start optional — f\n// @param n integer optional — n\n// @columns a, b\nRETURN $who, $from, $n');
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
    const rows = [["Kuantyrov, A.", { $type: 'date', value: '2025-02-01' }], ['say "hi"', null]];
    expect(toCsv(['name', 'date'], rows)).to.equal('name,date\n"Kuantyrov, A.",2025-02-01\n"say ""hi""",');
    expect(toTable(['name', 'date'], rows).split('\n')[0]).to.match(/^name\s+\| date/);
  });
});
