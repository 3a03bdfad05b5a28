import { localization } from './localization-core.js';
import * as en from './locales/en.js';

// Every widget string (the dashboard's bundle). The survey has its own, smaller set: survey-localization.ts.
export const { getLocale, applyLocale } = localization(en);
export { pickLocale } from './localization-core.js';
