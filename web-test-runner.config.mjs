// Widget tests in a real Chromium. Run through `npm test`, which finds or installs Chromium first.
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildSurvey } from './scripts/build.mjs';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { dashboardApi } from './widget/test/dashboard-api.mjs';

const CACHE = 'node_modules/.cache/peil-wtr';

/** Writes pass/fail counts for `npm test`'s closing line. */
function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) continue;
          if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites) walk(s);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        // A file that failed to load has no results but must count as a failure.
        if (!s.passed && (!s.testResults || (s.testResults.tests.length === 0 && s.testResults.suites.length === 0))) failed++;
      }
      mkdirSync('test-results', { recursive: true });
      writeFileSync(file, JSON.stringify({ passed, failed }));
    },
  };
}

// The API double is TypeScript that imports schemas/ (the same bank and materialize() the worker
// uses); bundle it for Node once, when the config loads.
mkdirSync(CACHE, { recursive: true });
await build({
  entryPoints: ['widget/test/api-double.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: `${CACHE}/api-double.mjs`,
  logLevel: 'warning',
});
// The embed as partners load it (one IIFE, like dist/peil.js, with its language files beside it), for
// the tests that load the script after the element and twice.
await buildSurvey(`${CACHE}/peil.js`, { target: 'es2021', sourcemap: false });
const { apiDouble } = await import(pathToFileURL(`${CACHE}/api-double.mjs`).href);

/** Serves the bundled embed at /__peil.js, its language files at /__peil.tr.js and so on. */
function embedScript(ctx, next) {
  const file = /^\/__(peil(\.[a-z]+)?\.js)$/.exec(ctx.path)?.[1];
  if (!file) return next();
  ctx.type = 'application/javascript';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = readFileSync(`${CACHE}/${file}`, 'utf8');
}

/**
 * `executeServerCommand('peil-offline', true | false)`: cuts or restores the page's connection to the
 * API (requests to /v1/ fail as "internet disconnected"). Not puppeteer's setOfflineMode: that also
 * cuts the runner's own WebSocket and the test run with it.
 */
function networkPlugin() {
  const cuts = new Map();
  return {
    name: 'peil-network',
    async executeCommand({ command, payload, session }) {
      if (command !== 'peil-offline') return undefined;
      const previous = cuts.get(session.id);
      if (previous) {
        cuts.delete(session.id);
        await previous.send('Fetch.disable');
        await previous.detach();
      }
      if (payload) {
        const client = await session.browser.getPage(session.id).createCDPSession();
        client.on('Fetch.requestPaused', ({ requestId }) =>
          client.send('Fetch.failRequest', { requestId, errorReason: 'InternetDisconnected' }).catch(() => {}),
        );
        await client.send('Fetch.enable', { patterns: [{ urlPattern: '*/v1/*' }] });
        cuts.set(session.id, client);
      }
      return true;
    },
  };
}

export default {
  files: ['widget/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  middleware: [apiDouble(), embedScript, dashboardApi()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'widget/tsconfig.json', target: 'es2021' }), networkPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')) },
    }),
  ],
  reporters: [defaultReporter(), countReporter('test-results/wtr.json')],
};
