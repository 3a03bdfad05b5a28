// Builds the browser bundles and the static assets into dist/.
import { build } from 'esbuild';
import { cp, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2021', 'chrome100', 'firefox100', 'safari15'],
  tsconfig: 'widget/tsconfig.json',
  legalComments: 'none',
  sourcemap: 'linked',
  logLevel: 'warning',
};

// The interviewer's bundle speaks every widget text, its own screens' too: the clients' survey set
// (survey-localization.ts) leaves those out to keep peil.js small.
const everyText = {
  name: 'every-widget-text',
  setup(b) {
    b.onResolve({ filter: /\/survey-localization\.js$/ }, () => ({ path: resolve('widget/localization.ts') }));
  },
};

export async function buildAll() {
  await mkdir('dist', { recursive: true });
  await Promise.all([
    build({ ...common, entryPoints: ['widget/survey.ts'], outfile: 'dist/peil.js' }),
    build({ ...common, entryPoints: ['widget/dashboard.ts'], outfile: 'dist/peil-dashboard.js' }),
    build({ ...common, entryPoints: ['widget/interview.ts'], outfile: 'dist/peil-interview.js', plugins: [everyText] }),
    cp('widget/pages', 'dist', { recursive: true }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
  console.log('built dist/peil.js and dist/peil-dashboard.js');
}
