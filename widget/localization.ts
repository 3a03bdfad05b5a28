import { localization } from './localization-core.js';
import { targetLocales } from './locale-codes.js';
import * as en from './locales/en.js';

// Every widget string (the dashboard's bundle, Dutch and English: gemeente staff read it). English is
// bundled, a few kB, so switching never waits on the network. The survey has its own set in more
// languages: survey-localization.ts.
export const { getLocale, applyLocale } = localization(targetLocales, async () => en);
