// Builds the three browser bundles and the static assets into dist/.
import { build } from 'esbuild';
import { cp, mkdir } from 'node:fs/promises';

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

export async function buildAll() {
  await mkdir('dist', { recursive: true });
  await Promise.all([
    build({ ...common, entryPoints: ['widget/survey.ts'], outfile: 'dist/peil.js' }),
    build({ ...common, entryPoints: ['widget/dashboard.ts'], outfile: 'dist/peil-dashboard.js' }),
    build({ ...common, entryPoints: ['widget/beheer.ts'], outfile: 'dist/peil-beheer.js' }),
    cp('widget/pages', 'dist', { recursive: true }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
  console.log('built dist/peil.js, dist/peil-dashboard.js and dist/peil-beheer.js');
}
