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

  it('reads the security settings: CORS origins as a list, limits, proxies', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://a.example.org, https://b.example.org', RATE_LIMIT_CONSOLE: '10', TRUST_PROXY: '1' });
    expect(config.CORS_ORIGINS).to.deep.equal(['https://a.example.org', 'https://b.example.org']);
    expect(config.RATE_LIMIT_CONSOLE).to.equal(10);
    expect(config.RATE_LIMIT_REPORTS).to.equal(30);
    expect(config.TRUST_PROXY).to.equal(1);
    expect(loadConfig({}).CORS_ORIGINS).to.deep.equal([]);
    expect(() => loadConfig({ CORS_ORIGINS: 'not an origin' })).to.throw(ConfigError, /CORS_ORIGINS/);
  });

  it('reads the local Neo4j memory in MiB, unset by default', () => {
    expect(loadConfig({}).NEO4J_PAGECACHE_MB).to.equal(undefined);
    const config = loadConfig({ NEO4J_HEAP_MB: '2048', NEO4J_PAGECACHE_MB: '1536' });
    expect([config.NEO4J_HEAP_MB, config.NEO4J_PAGECACHE_MB]).to.deep.equal([2048, 1536]);
    expect(() => loadConfig({ NEO4J_PAGECACHE_MB: '2g' })).to.throw(ConfigError, /NEO4J_PAGECACHE_MB/);
    expect(() => loadConfig({ NEO4J_HEAP_MB: '100' })).to.throw(ConfigError, /NEO4J_HEAP_MB/);
  });

  it('never repeats a secret in its error messages', () => {
    let message = '';
    try {
      loadConfig({ API_KEY: 'tooShortSecret', NEO4J_URI: 'http://user:pa55word@host' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).to.match(/API_KEY: at least 16 characters/);
    expect(message).not.to.contain('tooShortSecret');
    expect(message).not.to.contain('pa55word');
  });
});
