import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];
type Templates = Parameters<typeof configureLocalization>[0]['loadLocale'] extends (l: string) => Promise<infer M> ? M : never;

/** `en…` becomes English; everything else is Dutch, the reference language. */
export function pickLocale(lang: string | null | undefined): Locale {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/**
 * Localization for one bundle, with its English templates bundled (a few kB) so switching language
 * never waits on the network. Each bundle (survey, dashboard) passes only its own templates.
 */
export function localization(en: Templates) {
  const { getLocale, setLocale } = configureLocalization({ sourceLocale, targetLocales, loadLocale: async () => en });
  return {
    getLocale,
    /** Sets the page-wide locale of the bundle's elements, from an element's `lang` or else `<html lang>`. */
    async applyLocale(lang: string | null | undefined): Promise<Locale> {
      const locale = pickLocale(lang || document.documentElement.lang);
      if (getLocale() !== locale) await setLocale(locale);
      return locale;
    },
  };
}
