// Integration global setup: brings up the real services once (idempotent) and builds dist/
// so tests can spawn the apps as real processes.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  const root = join(__dirname, '..', '..');
  if (!process.env.FLOWLENS_SKIP_INFRA) {
    execFileSync('bash', [join(root, 'infra', 'up.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
};
