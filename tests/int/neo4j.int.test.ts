import { expect } from 'chai';
import { DEFAULT_MEMORY } from '../../neo4j/local.ts';
import { testDatabase } from '../support/database.ts';

describe('the local Neo4j (real, over Bolt)', () => {
  it('answers RETURN 1 and is Neo4j 5.26 with APOC core', async () => {
    const { driver } = await testDatabase();
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD versions, edition RETURN 1 AS one, versions[0] AS version, edition, apoc.version() AS apoc',
    );
    const row = records[0]!;
    expect((row.get('one') as { toNumber(): number }).toNumber()).to.equal(1);
    expect(row.get('version')).to.match(/^5\.26\.\d+$/);
    expect(row.get('edition')).to.equal('community');
    expect(row.get('apoc')).to.match(/^5\.26\./);
  });

  it('has the schema: id constraints per label and the full-text index', async () => {
    const { driver } = await testDatabase();
    const constraints = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    expect(constraints.records[0]!.get('names')).to.include.members(['entity_id', 'person_id', 'event_id', 'country_iso2', 'source_id']);
    const indexes = await driver.executeQuery("SHOW INDEXES YIELD name, type, state WHERE type = 'FULLTEXT' RETURN name, state");
    expect(indexes.records.map((r) => [r.get('name'), r.get('state')])).to.deep.include(['entity_search', 'ONLINE']);
  });

  it('runs with the page cache it was started with', async function () {
    if (process.env.NEO4J_TEST_URI) this.skip(); // a server we did not start has its own settings
    const { driver } = await testDatabase();
    const { records } = await driver.executeQuery(
      "SHOW SETTINGS YIELD name, value WHERE name = 'server.memory.pagecache.size' RETURN value",
    );
    expect(records[0]!.get('value')).to.equal(`${DEFAULT_MEMORY.pageCacheMiB}.00MiB`);
  });
});
