// npm run size: raw, gzip and brotli sizes of the browser bundles and the survey's language files, and the survey's budget.
// Exits non-zero when dist/peil.js is over 20 kB gzip (the budget; CI runs it via size.test.ts).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SURVEY_LOCALES, buildAll } from './build.mjs';

/** The survey bundle's budget: Lit, every item type, Dutch, the language choice, read-aloud, styles. */
export const SURVEY_BUDGET_GZIP = 20 * 1024;

/** The bundles, then the survey's language files (each loaded only when a client needs it). */
const BUNDLES = [
  'dist/peil.js',
  'dist/peil-dashboard.js',
  'dist/peil-interview.js',
  'dist/peil-beheer.js',
  ...SURVEY_LOCALES.map((l) => `dist/peil.${l}.js`),
];

/** Sizes in bytes of one file as served: raw, gzip -9 and brotli at its highest quality. */
export function measure(file) {
  const raw = readFileSync(file);
  return {
    file,
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Builds dist/ afresh (so the figure is never stale) and measures the bundles and language files. */
export async function sizes() {
  await buildAll();
  return BUNDLES.map(measure);
}

const kB = (n) => `${(n / 1024).toFixed(1)} kB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const all = await sizes();
  for (const s of all)
    console.log(`${s.file.padEnd(24)} raw ${kB(s.raw).padStart(9)}  gzip ${kB(s.gzip).padStart(8)}  brotli ${kB(s.brotli).padStart(8)}`);
  const survey = all[0];
  const ok = survey.gzip <= SURVEY_BUDGET_GZIP;
  console.log(`survey budget: ${kB(survey.gzip)} of ${kB(SURVEY_BUDGET_GZIP)} gzip — ${ok ? 'ok' : 'OVER BUDGET'}`);
  process.exit(ok ? 0 : 1);
}
