// Widget tests in a real Chromium. Run through `npm test`, which finds or installs Chromium first.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { writeFileSync, mkdirSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

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

export default {
  files: ['widget/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'widget/tsconfig.json', target: 'es2021' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')) },
    }),
  ],
  reporters: [defaultReporter(), countReporter('test-results/wtr.json')],
};
