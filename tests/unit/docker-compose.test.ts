import { expect } from 'chai';
import { spawnSync } from 'node:child_process';

// docker-compose.yml is for users with Docker; no engine runs here, but Debian's docker-compose checks
// the file itself (`config` needs no engine). CI installs it; without it the check is skipped.
describe('docker-compose.yml', () => {
  it('is a valid Compose file that refuses to start without a database password', function () {
    const version = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
    if (version.error) this.skip();
    const ok = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_PASSWORD: 'a-password' },
    });
    expect(ok.status, ok.stderr).to.equal(0);
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NEO4J_PASSWORD'));
    const missing = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { encoding: 'utf8', env });
    expect(missing.status).to.not.equal(0);
    expect(missing.stderr).to.contain('set NEO4J_PASSWORD');
  });
});
