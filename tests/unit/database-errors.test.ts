import { expect } from 'chai';
import { Neo4jError } from 'neo4j-driver';
import { isUnreachable } from '../../graph/database.ts';

// Which driver errors mean "try again later" (503) rather than "your query is wrong": checked on
// the driver's own error class, so a driver upgrade that changes it fails here, not in production.
// As the driver builds them from a server failure (message, code, GQL status, its description).
const driverError = (message: string, code: string) => new Neo4jError(message, code, '50N42', 'error: general processing exception');

describe('isUnreachable (driver errors worth a retry)', () => {
  it('is true for a lost or unavailable database and transient errors', () => {
    expect(isUnreachable(driverError('gone', 'ServiceUnavailable'))).to.equal(true);
    expect(isUnreachable(driverError('expired', 'SessionExpired'))).to.equal(true);
    expect(isUnreachable(driverError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected'))).to.equal(true);
  });

  it('is false for client errors and for anything that is not a driver error', () => {
    expect(isUnreachable(driverError('write in read mode', 'Neo.ClientError.Statement.AccessMode'))).to.equal(false);
    expect(isUnreachable(driverError('bad syntax', 'Neo.ClientError.Statement.SyntaxError'))).to.equal(false);
    expect(isUnreachable(new Error('plain'))).to.equal(false);
  });
});
