import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';
import * as en from './locales/en.js';

type Locale = typeof sourceLocale | (typeof targetLocales)[number];

// English is bundled (a few kB) so switching language never waits on the network.
const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async () => en,
});

/** `en…` becomes English; everything else is Dutch, the reference language. */
export function pickLocale(lang: string | null | undefined): Locale {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** Sets the page-wide locale of Peil's elements, from an element's `lang` or else `<html lang>`. */
export async function applyLocale(lang: string | null | undefined): Promise<Locale> {
  const locale = pickLocale(lang || document.documentElement.lang);
  if (getLocale() !== locale) await setLocale(locale);
  return locale;
}

export { getLocale };
