// npm test: every suite — typecheck, the deploy dry run, vitest (unit in Node, worker in workerd),
// widget tests in Chromium, end-to-end against wrangler dev — and one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAll } from './build.mjs';
import { ensureChromium } from './chromium.mjs';

const results = [];
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

function sh(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...env } });
  return r.status ?? 1;
}

function vitestCounts(file) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file that failed to load has no tests but must count as a failure.
  const broken = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + broken, skipped: report.numPendingTests + report.numTodoTests };
}

function record(name, counts, code) {
  const c = counts ?? { passed: 0, failed: 1 };
  // A runner that exits non-zero with no failed test still failed (e.g. a crash after the run).
  if (code !== 0 && c.failed === 0) c.failed = 1;
  results.push({ name, ...c });
  console.log(`\n== ${name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}\n`);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

if (want('typecheck')) {
  console.log('== typecheck (tsc -b)');
  const code = sh('npx', ['tsc', '-b']);
  record('typecheck', { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 }, code);
}

if (want('deploy')) {
  // The deploy path from a clean state: `npm run deploy` builds dist/ first; a dry run bundles the
  // worker and reads the assets without uploading anything.
  console.log('== deploy (npm run deploy -- --dry-run)');
  const outdir = mkdtempSync(join(tmpdir(), 'peil-dry-'));
  const code = sh('npm', ['run', 'deploy', '--', '--dry-run', '--outdir', outdir], {
    WRANGLER_LOG_PATH: process.env.WRANGLER_LOG_PATH ?? join(tmpdir(), 'peil-wrangler-logs'),
  });
  const bundled = existsSync(join(outdir, 'index.js'));
  rmSync(outdir, { recursive: true, force: true });
  const ok = code === 0 && bundled;
  record('deploy', { passed: ok ? 1 : 0, failed: ok ? 0 : 1 }, code);
}

if (want('lint')) {
  console.log('== lint (eslint, prettier --check)');
  const code = sh('npm', ['run', '--silent', 'lint']);
  record('lint', { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 }, code);
}

if (want('vitest')) {
  console.log('== vitest: unit (Node) and worker (workerd, real D1 and Durable Objects)');
  const file = 'test-results/vitest.json';
  const code = sh('npx', [
    'vitest',
    'run',
    '--project',
    'unit',
    '--project',
    'workers',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  record('vitest', vitestCounts(file), code);
}

let chromium;
if (want('widget') || want('e2e')) {
  chromium = ensureChromium();
  await buildAll();
}

if (want('widget')) {
  console.log('== widget tests in Chromium (@web/test-runner)');
  const code = sh('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], { CHROME_PATH: chromium });
  const file = 'test-results/wtr.json';
  record('widget', existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined, code);
}

if (want('e2e')) {
  console.log('== end-to-end: Chromium against wrangler dev');
  const file = 'test-results/e2e.json';
  const code = sh('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], {
    CHROME_PATH: chromium,
  });
  record('e2e', vitestCounts(file), code);
}

const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log('\n' + results.map((r) => `  ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed`).join('\n'));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
