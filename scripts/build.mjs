// Builds the browser bundles, the survey's language files and the static assets into dist/.
import { build } from 'esbuild';
import { cp, mkdir, writeFile } from 'node:fs/promises';
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

// The interviewer's and beheer's bundles speak every widget text, their own screens' too (one localization
// for the page, which also serves the survey element inside them): the clients' survey set
// (survey-localization.ts) leaves those out to keep peil.js small.
const everyText = {
  name: 'every-widget-text',
  setup(b) {
    b.onResolve({ filter: /\/survey-localization\.js$/ }, () => ({ path: resolve('widget/localization.ts') }));
  },
};

/** The survey's languages besides Dutch; each is a file of its own beside peil.js (peil.tr.js). */
export const SURVEY_LOCALES = ['en', 'tr', 'ar', 'pl', 'uk'];

/**
 * The survey imports its locale modules only when it runs from its sources; the bundle loads the files
 * beside it instead (widget/survey-locales.ts). This keeps those imports out of peil.js.
 */
const localesApart = {
  name: 'survey-locales-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/locales\/survey\/[a-z]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/** Builds the survey bundle at `outfile` and its language files beside it (`peil.js` → `peil.tr.js`). */
export async function buildSurvey(outfile, options = {}) {
  const opts = { ...common, ...options };
  await Promise.all([
    build({ ...opts, entryPoints: ['widget/survey.ts'], outfile, plugins: [localesApart] }),
    ...SURVEY_LOCALES.map((l) =>
      // Module scripts are always read as UTF-8, so Arabic and Cyrillic can stay unescaped (a third of the size).
      build({
        ...opts,
        format: 'esm',
        charset: 'utf8',
        entryPoints: [`widget/locales/survey/${l}.ts`],
        outfile: outfile.replace(/\.js$/, `.${l}.js`),
      }),
    ),
  ]);
}

export async function buildAll() {
  await mkdir('dist', { recursive: true });
  await Promise.all([
    buildSurvey('dist/peil.js'),
    build({ ...common, entryPoints: ['widget/dashboard.ts'], outfile: 'dist/peil-dashboard.js' }),
    build({ ...common, entryPoints: ['widget/interview.ts'], outfile: 'dist/peil-interview.js', plugins: [everyText] }),
    build({ ...common, entryPoints: ['widget/beheer.ts'], outfile: 'dist/peil-beheer.js', plugins: [everyText] }),
    cp('widget/pages', 'dist', { recursive: true }),
  ]);
  // A language file is an ES module the survey imports from the partner's page: across origins
  // that needs CORS (the file is public, like peil.js itself).
  await writeFile('dist/_headers', SURVEY_LOCALES.map((l) => `/peil.${l}.js\n  Access-Control-Allow-Origin: *\n`).join(''));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
  console.log(
    `built dist/peil.js, its languages (${SURVEY_LOCALES.map((l) => `peil.${l}.js`).join(', ')}), dist/peil-dashboard.js, dist/peil-interview.js and dist/peil-beheer.js`,
  );
}
