// `npm test`: brings up the services the suite needs (Kafka, PostgreSQL), builds, type-checks,
// lints, runs the unit and integration suites, and ends with one line:
//   tests: N passed, M failed
// (typecheck and lint count as one test each). Exit code 0 only when nothing failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, '.test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --disable-warning=ExperimentalWarning`.trim() };
const only = process.argv[2]; // optional: unit | integration

function run(label, command, args, extraEnv = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(`◀ ${label}: ${result.status === 0 ? 'ok' : `failed (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function jest(project, extra) {
  const file = join(results, `${project}.json`);
  rmSync(file, { force: true });
  const ok = run(`${project} tests`, bin('jest'), ['--selectProjects', project, '--json', `--outputFile=${file}`, ...extra], { FLOWLENS_SKIP_INFRA: '1' });
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A suite that failed outside its tests (it could not run, or its beforeAll/afterAll threw) has
  // no failed test result but must still count as a failure; and a jest run that failed never
  // reports nothing failed.
  const brokenSuites = report.testResults.filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed')).length;
  const failed = report.numFailedTests + brokenSuites;
  return { passed: report.numPassedTests, failed: ok ? failed : Math.max(failed, 1) };
}

let passed = 0;
let failed = 0;
const count = (ok) => (ok ? passed++ : failed++);

if (!process.env.FLOWLENS_SKIP_INFRA && !run('services (Kafka, PostgreSQL)', 'bash', [join(root, 'infra', 'up.sh')])) {
  failed++;
} else if (!run('build', process.execPath, [join(root, 'scripts', 'build.mjs')])) {
  failed++;
} else {
  if (!only) {
    count(run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']));
    count(run('lint', 'npm', ['run', '--silent', 'lint']));
  }
  for (const [project, extra] of [
    ['unit', []],
    ['integration', ['--maxWorkers=2']],
  ]) {
    if (only && only !== project) continue;
    const r = jest(project, extra);
    passed += r.passed;
    failed += r.failed;
  }
}

const summary = `tests: ${passed} passed, ${failed} failed`;
writeFileSync(join(results, 'summary.txt'), `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failed === 0 ? 0 : 1);
