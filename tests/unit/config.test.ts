import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('config', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).to.equal(8080);
    expect(config.NEO4J_URI).to.equal(undefined);
    expect(config.SEED_ON_START).to.equal(true);
  });

  it('accepts routing and TLS Bolt URIs', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io' }).NEO4J_URI).to.equal('neo4j+s://abc.databases.neo4j.io');
  });

  it('refuses a bad value, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).to.throw(ConfigError, /PORT/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).to.throw(ConfigError, /NEO4J_URI: a Bolt URI/);
    expect(() => loadConfig({ SEED_ON_START: 'yes' })).to.throw(ConfigError, /SEED_ON_START/);
  });
});
