import { expect } from 'chai';
import { QueryShapeMismatch } from '../../domain/errors.ts';
import { checkRows, columnsOf } from '../../graph/queries/read.ts';
import { problemFor } from '../../server/http/problem.ts';

const hit = { id: 'person:a', type: 'Person', name: 'A', aliases: [], score: 1.5 };

function refusal(run: () => unknown): QueryShapeMismatch {
  try {
    run();
  } catch (error) {
    if (error instanceof QueryShapeMismatch) return error;
    throw error;
  }
  throw new Error('expected a QueryShapeMismatch');
}

describe('read query row schemas', () => {
  it('passes rows that fit, unchanged (same objects, extra columns kept)', () => {
    const rows = [hit, { ...hit, id: 'person:b', extra: 1 }];
    const checked = checkRows('search', rows);
    expect(checked).to.have.length(2);
    expect(checked[1]).to.equal(rows[1]);
  });

  it('refuses a renamed column, naming the query, the row, the column and the columns it got', () => {
    const { score: _, ...renamed } = hit;
    const error = refusal(() => checkRows('search', [hit, { ...renamed, relevance: 1.5 }]));
    expect(error.query).to.equal('search');
    expect(error.column).to.equal('score');
    expect(error.message).to.equal(
      'Query "search" answered a row the server cannot read: row 2, column "score" is missing (the row has "id", "type", "name", "aliases", "relevance").',
    );
  });

  it('refuses a value of the wrong type, down to the nested field', () => {
    expect(refusal(() => checkRows('search', [{ ...hit, score: '1.5' }])).message).to.match(
      /row 1, column "score": Expected number, received string/,
    );
    const row = { total: 1, links: [{ type: 'MET', from: 'person:a', to: 7, props: {}, event: null }] };
    expect(refusal(() => checkRows('links-between', [row])).message).to.match(/column "links" at 0\.to: Expected string, received number/);
  });

  it('is answered as a 500 problem that names the query and column, not a stack', () => {
    const { problem } = problemFor(refusal(() => checkRows('hub-peers', [{ a: 'x' }])));
    expect(problem).to.deep.include({ status: 500, type: '/api/problems/query-shape-mismatch', title: 'Query answer not as expected' });
    expect(problem.detail).to.match(/^Query "hub-peers" answered a row the server cannot read: row 1, column "b" is missing/);
  });

  it('lists the columns a schema reads', () => {
    expect(columnsOf('search')).to.deep.equal(['id', 'type', 'name', 'aliases', 'score']);
  });
});
