import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SURVEY_BUDGET_GZIP, sizes } from './size.mjs';

const XML = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as const;

/**
 * The Dutch source and English translation of each message of a generated locale module, from the
 * XLIFF translators edit. Only texts the minifier writes as they are: ASCII, no placeholders.
 */
function messages(localeModule: string): { id: string; nl: string; en: string }[] {
  const ids = [...readFileSync(localeModule, 'utf8').matchAll(/'(s[0-9a-f]{16})'/g)].map((m) => m[1]);
  const xliff = readFileSync('xliff/en.xlf', 'utf8');
  const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: keyof typeof XML) => XML[e]);
  return ids.flatMap((id) => {
    const unit = new RegExp(`<trans-unit id="${id}">\\s*<source>([^<]*)</source>\\s*<target>([^<]*)</target>`).exec(xliff);
    if (!unit) return [];
    const [nl, en] = [decode(unit[1]), decode(unit[2])];
    return /^[\x20-\x7e]+$/.test(nl + en) ? [{ id, nl, en }] : [];
  });
}

describe('bundle size', () => {
  it('keeps the survey bundle (Lit, every item type, nl and en, styles) within 20 kB gzip', async () => {
    const [survey, dashboard] = (await sizes()) as { file: string; raw: number; gzip: number; brotli: number }[];
    expect(survey.file).toBe('dist/peil.js');
    expect(dashboard.file).toBe('dist/peil-dashboard.js');
    // The figures are of the files as built.
    expect(survey.raw).toBe(readFileSync(survey.file).length);
    expect(dashboard.raw).toBe(readFileSync(dashboard.file).length);
    expect(survey.gzip).toBeLessThanOrEqual(SURVEY_BUDGET_GZIP);

    // What the budget holds: both languages of every survey text are in the bundle…
    const bundle = readFileSync(survey.file, 'utf8');
    const own = messages('widget/locales/survey/en.ts');
    expect(own.length, 'too few survey texts to check').toBeGreaterThan(20);
    expect(own.filter((m) => !bundle.includes(m.nl) || !bundle.includes(m.en)).map((m) => m.id)).toEqual([]);
    // …and none of the dashboard's own texts (longer ones, which cannot occur by chance).
    const ownIds = new Set(own.map((m) => m.id));
    const dashboardOnly = messages('widget/locales/en.ts').filter((m) => !ownIds.has(m.id) && m.nl.length >= 15 && m.en.length >= 15);
    expect(dashboardOnly.length, 'too few dashboard texts to check').toBeGreaterThan(10);
    expect(dashboardOnly.filter((m) => bundle.includes(m.nl) || bundle.includes(m.en)).map((m) => m.id)).toEqual([]);
  }, 60_000);
});
