import { describe, expect, it } from 'vitest';
import { ceoDeadline } from '../routes/reports.js';
import { openThemes } from './ceo.js';

describe('ceoDeadline', () => {
  it('is 1 July for the year before, until that day has come', () => {
    expect(ceoDeadline('2026-06-30')).toEqual({ year: '2025', deadline: '2026-07-01', daysLeft: 1 });
    expect(ceoDeadline('2026-07-01')).toEqual({ year: '2026', deadline: '2027-07-01', daysLeft: 365 });
    expect(ceoDeadline('2026-01-01').daysLeft).toBe(181);
  });
});

describe('openThemes', () => {
  it('counts an answer under every subject it mentions, and one that mentions none as Overig', () => {
    const counts = Object.fromEntries(
      openThemes(['Ik moest weken wachten en kon niemand bellen.', 'Alles prima.', 'Heel vriendelijk.']).map((t) => [t.theme, t.count]),
    );
    expect(counts).toMatchObject({ 'Wachttijd en snelheid': 1, 'Bereikbaarheid en contact': 1, Bejegening: 1, Overig: 1 });
  });
});
