import { configureLocalization } from '@lit/localize';
import type { Language } from '../schemas/constants.js';

type Templates = Parameters<typeof configureLocalization>[0]['loadLocale'] extends (l: string) => Promise<infer M> ? M : never;

/** The language of `lang` (`tr-NL` → `tr`) when it is one of `locales`; everything else is Dutch, the reference language. */
export function pickLocale<L extends Language>(lang: string | null | undefined, locales: readonly L[]): L | 'nl' {
  const primary = lang?.toLowerCase().split('-')[0];
  return locales.find((l) => l === primary) ?? 'nl';
}

/**
 * Localization for one bundle. Each bundle (survey, dashboard) passes only its own languages and how to
 * load their templates.
 */
export function localization<L extends Exclude<Language, 'nl'>>(targetLocales: readonly L[], load: (locale: L) => Promise<Templates>) {
  const { getLocale, setLocale } = configureLocalization({
    sourceLocale: 'nl',
    targetLocales,
    loadLocale: (locale) => load(locale as L),
  });
  return {
    getLocale: getLocale as () => L | 'nl',
    /**
     * Sets the page-wide locale of the bundle's elements, from an element's `lang` or else `<html lang>`,
     * and says which it is; a language whose templates do not load leaves the one before in place.
     */
    async applyLocale(lang: string | null | undefined): Promise<L | 'nl'> {
      const locale = pickLocale(lang || document.documentElement.lang, targetLocales);
      if (getLocale() !== locale) await setLocale(locale);
      return locale;
    },
  };
}
