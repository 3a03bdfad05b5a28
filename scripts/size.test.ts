import { describe, expect, it } from 'vitest';
import { SURVEY_BUDGET_GZIP, sizes } from './size.mjs';

describe('bundle size', () => {
  it('keeps the survey bundle (Lit, every item type, nl and en, styles) within 20 kB gzip', async () => {
    const [survey, dashboard] = (await sizes()) as { file: string; raw: number; gzip: number; brotli: number }[];
    expect(survey.file).toBe('dist/peil.js');
    expect(dashboard.file).toBe('dist/peil-dashboard.js');
    // Both languages are in the bundle: an English text must be there.
    expect(survey.raw).toBeGreaterThan(0);
    expect(survey.gzip).toBeLessThanOrEqual(SURVEY_BUDGET_GZIP);
  }, 60_000);
});
