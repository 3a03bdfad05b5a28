import type { targetLocales } from './locales/survey/locale-codes.js';

export type SurveyLocale = (typeof targetLocales)[number];
type LocaleModule = typeof import('./locales/survey/en.js');

/**
 * The bundled script (dist/peil.js) keeps only Dutch; each other language is a file beside it
 * (peil.tr.js), loaded when a client needs it. Read once, as the script runs: later there is no
 * current script.
 */
const bundle = (document.currentScript as HTMLScriptElement | null)?.src;

// Run from its modules (tests, a dev server) the survey imports the generated locale modules; the
// bundle never takes this path, and the build leaves these imports out of it.
const MODULES: Record<SurveyLocale, () => Promise<LocaleModule>> = {
  en: () => import('./locales/survey/en.js'),
  tr: () => import('./locales/survey/tr.js'),
  ar: () => import('./locales/survey/ar.js'),
  pl: () => import('./locales/survey/pl.js'),
  uk: () => import('./locales/survey/uk.js'),
};

/** The file of one language beside the script: …/peil.js?v=2 → …/peil.tr.js?v=2. */
export function chunkUrl(script: string, locale: SurveyLocale): string {
  const url = new URL(script);
  url.pathname = url.pathname.replace(/(\.js)?$/, `.${locale}.js`);
  return url.href;
}

/** The survey's templates in one language. */
export function loadTemplates(locale: SurveyLocale): Promise<LocaleModule> {
  return bundle ? (import(chunkUrl(bundle, locale)) as Promise<LocaleModule>) : MODULES[locale]();
}
