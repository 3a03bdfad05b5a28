import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../schemas/constants.js';
import { SURVEY_LOCALES } from './build.mjs';

const config = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { targetLocales: string[]; inputFiles: string[] };

describe('the survey localization configs', () => {
  // Two configs because extracting with the survey's would rewrite xliff/en.xlf with the survey's texts
  // only; the dashboard's English lives there too.
  it('extract the other languages from exactly the files the survey is built from', () => {
    const build = config('widget/lit-localize.survey.json');
    const extract = config('widget/lit-localize.survey-translations.json');
    expect(extract.inputFiles).toEqual(build.inputFiles);
    expect(extract.targetLocales).toEqual(build.targetLocales.filter((l) => l !== 'en'));
  });

  it('cover every client language but Dutch, and the build makes a file for each', () => {
    const targets = config('widget/lit-localize.survey.json').targetLocales;
    expect([...targets].sort()).toEqual(LANGUAGES.filter((l) => l !== 'nl').sort());
    expect([...SURVEY_LOCALES].sort()).toEqual([...targets].sort());
  });
});
