import { expect } from 'chai';
import { NODE_TYPES } from '../../domain/model.ts';
import { allCypherNames, cypher, statements } from '../../graph/cypher.ts';

describe('cypher files', () => {
  it('are found by name, recursively', () => {
    const names = allCypherNames();
    expect(names).to.include.members(['schema', 'upsert-events', 'derive-met', 'health']);
  });

  it('each start with a comment saying what it answers', () => {
    for (const name of allCypherNames()) expect(cypher(name).startsWith('//'), name).to.equal(true);
  });

  it('never splice values into a query: inputs are $parameters', () => {
    for (const name of allCypherNames()) expect(cypher(name), name).to.not.match(/\$\{|\+\s*row\b.*\+\s*'/);
  });

  it('splits the schema into statements without comments', () => {
    const list = statements(cypher('schema'));
    expect(list.length).to.be.greaterThan(10);
    expect(list.every((s) => /^CREATE (CONSTRAINT|FULLTEXT INDEX|INDEX)/.test(s))).to.equal(true);
  });

  it('index exactly what the model table says: every label unique by id, the searchable ones in the full-text index', () => {
    const schema = cypher('schema');
    for (const { label } of NODE_TYPES) expect(schema, label).to.match(new RegExp(`FOR \\(n:${label}\\) REQUIRE n\\.id IS UNIQUE`));
    const indexed = /FULLTEXT INDEX entity_search[^(]*\(n:([\w|]+)\)/.exec(schema)?.[1]?.split('|').sort();
    expect(indexed).to.deep.equal(
      NODE_TYPES.filter((t) => t.searchable)
        .map((t) => t.label)
        .sort(),
    );
  });
});
