import { expect } from 'chai';
import { keepTrying } from '../../server/startup/keep-trying.ts';

class Down extends Error {}

describe('keepTrying (start-up preparation while the database may be down)', () => {
  it('retries transient failures until the step succeeds', async () => {
    let calls = 0;
    const lines: string[] = [];
    const preparation = keepTrying(
      async () => {
        calls += 1;
        if (calls < 3) throw new Down('refused');
      },
      { isTransient: (e) => e instanceof Down, log: (l) => lines.push(l), initialDelayMs: 5, maxDelayMs: 10 },
    );
    expect(await preparation.firstAttempt).to.equal(false);
    expect(preparation.state()).to.equal('pending');
    expect(preparation.lastError()).to.equal('refused');
    expect(await preparation.settled).to.equal('ready');
    expect(calls).to.equal(3);
    expect(preparation.lastError()).to.equal(undefined);
    expect(lines).to.deep.equal(['database not reachable (refused); retrying in the background', 'database ready after 3 attempts']);
  });

  it('stops at the first non-transient failure and reports it', async () => {
    let calls = 0;
    const preparation = keepTrying(
      async () => {
        calls += 1;
        throw new Error('schema statement is wrong');
      },
      { isTransient: (e) => e instanceof Down, log: () => {}, initialDelayMs: 5 },
    );
    expect(await preparation.settled).to.equal('failed');
    expect(calls).to.equal(1);
    expect(preparation.lastError()).to.equal('schema statement is wrong');
  });

  it('stop() ends the retry loop without another attempt', async () => {
    let calls = 0;
    const preparation = keepTrying(
      async () => {
        calls += 1;
        throw new Down('refused');
      },
      { isTransient: () => true, log: () => {}, initialDelayMs: 60_000 },
    );
    await preparation.firstAttempt;
    preparation.stop();
    expect(await preparation.settled).to.equal('pending');
    expect(calls).to.equal(1);
  });
});
