import { expect } from 'chai';
import { Neo4jError } from 'neo4j-driver';
import { BadInput, DatabaseUnavailable, NotFound, QueryRefused } from '../../domain/errors.ts';
import { problemFor } from '../../server/http/problem.ts';

describe('errors as application/problem+json', () => {
  it('maps each error type to its status', () => {
    expect(problemFor(new NotFound('no such entity')).problem).to.deep.include({
      status: 404,
      title: 'Not found',
      detail: 'no such entity',
    });
    expect(problemFor(new QueryRefused('writes are not allowed')).problem.status).to.equal(403);
  });

  it('names the parameter of a bad input', () => {
    const { problem } = problemFor(new BadInput('maxHops must be 1 to 10', 'maxHops'));
    expect(problem).to.deep.include({ status: 400, param: 'maxHops', type: '/api/problems/bad-input' });
  });

  it('tells clients when to retry an unavailable database', () => {
    expect(problemFor(new DatabaseUnavailable('down', 7)).headers).to.deep.equal({ 'Retry-After': '7' });
    const driverDown = new Neo4jError('Could not connect', 'ServiceUnavailable', '08000', 'connection exception');
    expect(problemFor(driverDown).problem.status).to.equal(503);
  });

  it('hides internals of unexpected errors', () => {
    const { problem } = problemFor(new TypeError('secret at /srv/app/x.ts:12'));
    expect(problem.status).to.equal(500);
    expect(JSON.stringify(problem)).to.not.match(/secret|x\.ts|TypeError/);
  });
});
