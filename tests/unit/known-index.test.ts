import { expect } from 'chai';
import { EntityIndex } from '../../seeds/ingest/link.ts';
import { knownIndexCache } from '../../server/services/known-index.ts';

describe('the ingest linker’s cache of known entities', () => {
  let builds = 0;
  let version = 'v1';
  let clock = 0;
  let fail = false;
  const build = async () => {
    builds++;
    if (fail) throw new Error('database gone');
    return new EntityIndex([{ id: `person:${version}`, label: 'Person', name: `Person ${version}`, aliases: [] }]);
  };
  const cache = () =>
    knownIndexCache(
      build,
      async () => version,
      1000,
      () => clock,
    );
  beforeEach(() => {
    builds = 0;
    version = 'v1';
    clock = 0;
    fail = false;
  });

  it('reads the graph once while its fingerprint stays the same', async () => {
    const known = cache();
    const first = await known.get();
    clock = 999;
    expect(await known.get()).to.equal(first);
    expect(builds).to.equal(1);
    expect(first.get('person:v1')?.name).to.equal('Person v1');
  });

  it('reads it again when the fingerprint changes, when invalidated, and when too old', async () => {
    const known = cache();
    await known.get();
    version = 'v2';
    expect((await known.get()).get('person:v2')?.name).to.equal('Person v2');
    known.invalidate();
    await known.get();
    clock = 1000;
    await known.get();
    expect(builds).to.equal(4);
  });

  it('does not keep a failed read', async () => {
    const known = cache();
    fail = true;
    let message = '';
    await known.get().catch((e: Error) => (message = e.message));
    expect(message).to.equal('database gone');
    fail = false;
    expect((await known.get()).get('person:v1')?.id).to.equal('person:v1');
    expect(builds).to.equal(2);
  });
});
