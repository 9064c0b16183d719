import { expect } from 'chai';
import { allCypherNames, cypher, statements } from '../../graph/cypher.ts';
import { fillSlots } from '../../graph/reader.ts';
import { columnsOf } from '../../graph/queries/read.ts';
import { READ_QUERIES, type ReadName } from '../../graph/queries/table.ts';
import { testDatabase } from '../support/database.ts';

// Every query file must compile against the real database: EXPLAIN plans it without running it.
describe('every cypher/*.cypher file passes EXPLAIN', () => {
  for (const name of allCypherNames()) {
    it(name, async () => {
      const { driver } = await testDatabase();
      const session = driver.session();
      try {
        for (const statement of name === 'schema' ? statements(cypher(name)) : [fillSlots(cypher(name), { fetch: 10, maxHops: 6 })]) {
          // Schema commands cannot be EXPLAINed; they are applied (idempotently) instead.
          if (name === 'schema') {
            await session.run(statement);
            continue;
          }
          const result = await session.run(`EXPLAIN ${statement}`, { label: 'Person', type: 'IN' });
          expect(result.summary.plan, name).to.not.equal(false);
        }
      } finally {
        await session.close();
      }
    });
  }
});

// A read query's row schema (graph/queries/table.ts) reads only columns its file returns: EXPLAIN
// gives the RETURN columns without running the query.
describe("every read query row schema matches its cypher file's RETURN columns", () => {
  for (const name of Object.keys(READ_QUERIES) as ReadName[]) {
    it(name, async () => {
      const { driver } = await testDatabase();
      const session = driver.session();
      try {
        const result = session.run(`EXPLAIN ${fillSlots(cypher(name), { fetch: 10, maxHops: 6 })}`);
        const returned = await result.keys();
        await result.summary();
        expect(returned, `cypher/${name}.cypher RETURN columns`).to.include.members(columnsOf(name));
      } finally {
        await session.close();
      }
    });
  }
});
