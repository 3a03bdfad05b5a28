import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SURVEY_LOCALES } from './build.mjs';
import { SURVEY_BUDGET_GZIP, sizes } from './size.mjs';

const XML = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as const;

/**
 * The Dutch source and the translation of each message of a generated locale module, from the XLIFF
 * translators edit. Only texts the minifier writes as they are: no placeholders, no backslash or backtick.
 */
function messages(localeModule: string, lang: string): { id: string; nl: string; target: string }[] {
  const ids = [...readFileSync(localeModule, 'utf8').matchAll(/'(s[0-9a-f]{16})'/g)].map((m) => m[1]);
  const xliff = readFileSync(`xliff/${lang}.xlf`, 'utf8');
  const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: keyof typeof XML) => XML[e]);
  return ids.flatMap((id) => {
    const unit = new RegExp(`<trans-unit id="${id}">\\s*<source>([^<]*)</source>\\s*<target>([^<]*)</target>`).exec(xliff);
    if (!unit) return [];
    const [nl, target] = [decode(unit[1]), decode(unit[2])];
    return /[\\`$]/.test(nl + target) ? [] : [{ id, nl, target }];
  });
}
const ascii = (s: string) => /^[\x20-\x7e]+$/.test(s);

describe('bundle size', () => {
  it('keeps the survey bundle (Lit, every item type, Dutch, the language choice, read-aloud, styles) within 20 kB gzip; each other language a file apart', async () => {
    const all = (await sizes()) as { file: string; raw: number; gzip: number; brotli: number }[];
    const [survey, dashboard, interview, beheer, ...languages] = all;
    expect(survey.file).toBe('dist/peil.js');
    expect(dashboard.file).toBe('dist/peil-dashboard.js');
    expect(interview.file).toBe('dist/peil-interview.js');
    expect(beheer.file).toBe('dist/peil-beheer.js');
    expect(languages.map((l) => l.file)).toEqual(SURVEY_LOCALES.map((l) => `dist/peil.${l}.js`));
    // The figures are of the files as built.
    for (const f of all) expect(f.raw, f.file).toBe(readFileSync(f.file).length);
    expect(survey.gzip).toBeLessThanOrEqual(SURVEY_BUDGET_GZIP);

    // What the budget holds: every Dutch survey text is in the bundle, and no translation is;
    // each language's file holds its own translations.
    const bundle = readFileSync(survey.file, 'utf8');
    for (const lang of SURVEY_LOCALES) {
      const own = messages(`widget/locales/survey/${lang}.ts`, lang);
      expect(own.length, `too few ${lang} survey texts to check`).toBeGreaterThan(20);
      expect(own.filter((m) => ascii(m.nl) && !bundle.includes(m.nl)).map((m) => m.id)).toEqual([]);
      const chunk = readFileSync(`dist/peil.${lang}.js`, 'utf8');
      expect(
        own.filter((m) => !chunk.includes(m.target)).map((m) => m.id),
        lang,
      ).toEqual([]);
      // Longer ones, which cannot occur by chance (non-ASCII would be escaped in peil.js, so only ASCII).
      const apart = own.filter((m) => m.target !== m.nl && m.target.length >= 15 && ascii(m.target));
      expect(
        apart.filter((m) => bundle.includes(m.target)).map((m) => m.id),
        lang,
      ).toEqual([]);
    }
    // …and none of the dashboard's own texts.
    const ownIds = new Set(messages('widget/locales/survey/en.ts', 'en').map((m) => m.id));
    const dashboardOnly = messages('widget/locales/en.ts', 'en').filter(
      (m) => !ownIds.has(m.id) && m.nl.length >= 15 && m.target.length >= 15 && ascii(m.nl + m.target),
    );
    expect(dashboardOnly.length, 'too few dashboard texts to check').toBeGreaterThan(10);
    // As a whole string: a dashboard text may be the start of a longer survey text ("Deze vragenlijst is gesloten.").
    const quoted = (t: string) => ['"', "'", '`'].some((q) => bundle.includes(`${q}${t}${q}`));
    expect(dashboardOnly.filter((m) => quoted(m.nl) || quoted(m.target)).map((m) => m.id)).toEqual([]);
  }, 60_000);
});
