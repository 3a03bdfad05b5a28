import { describe, expect, it } from 'vitest';
import { QuestionnaireDefinition, type QuestionnaireInput } from './questionnaire.js';
import { Day } from './ids.js';
import { checkAnswers, resolveContext } from './response.js';

const t = (nl: string) => ({ nl, en: nl });

const def = QuestionnaireDefinition.parse({
  id: 'proef',
  title: t('Proef'),
  sections: [
    {
      id: 'een',
      title: t('Een'),
      items: [
        { id: 'cijfer', type: 'cijfer', required: true, text: t('Cijfer?') },
        { id: 'stelling', type: 'stelling', text: t('Stelling.') },
        { id: 'aanraden', type: 'aanraden', text: t('Aanraden?') },
        { id: 'nps', type: 'nps', text: t('NPS?') },
        {
          id: 'status',
          type: 'keuze',
          context: 'status',
          text: t('Afgerond?'),
          options: [
            { id: 'afgerond', text: t('Ja') },
            { id: 'loopt', text: t('Nee') },
            { id: 'weet_niet', text: t('Weet niet') },
          ],
        },
      ],
    },
    {
      id: 'twee',
      title: t('Twee'),
      items: [
        { id: 'nazorg', type: 'stelling', required: true, showIf: { item: 'status', in: ['afgerond'] }, text: t('Nazorg.') },
        {
          id: 'waarmee',
          type: 'meerkeuze',
          text: t('Waarmee?'),
          options: [
            { id: 'a', text: t('A') },
            { id: 'b', text: t('B') },
          ],
        },
        { id: 'vooral_b', type: 'open', maxLength: 5, showIf: { item: 'waarmee', in: ['b'] }, text: t('Waarom B?') },
        { id: 'open', type: 'open', maxLength: 3, text: t('Nog iets?') },
      ],
    },
  ],
} satisfies QuestionnaireInput);

const ok = { cijfer: 8 };
const codes = (answers: Record<string, unknown>, known = {}) => checkAnswers(def, answers as never, known).map((i) => [i.code, i.item]);

describe('checkAnswers', () => {
  it('accepts the smallest and a full valid answer set', () => {
    expect(codes(ok)).toEqual([]);
    expect(
      codes({
        cijfer: 10,
        stelling: 'weet_niet',
        aanraden: 'misschien',
        nps: 0,
        status: 'afgerond',
        nazorg: 'eens',
        waarmee: ['a', 'b'],
        vooral_b: 'want',
        open: 'ja',
      }),
    ).toEqual([]);
  });

  it('unknown_item: an answer to an item this version does not have', () => {
    expect(codes({ ...ok, weg: 'eens' })).toEqual([['unknown_item', 'weg']]);
    expect(codes({ ...ok, constructor: 3 })).toEqual([['unknown_item', 'constructor']]);
  });

  it.each([
    ['cijfer', 0],
    ['cijfer', 11],
    ['cijfer', 7.5],
    ['cijfer', '8'],
    ['nps', -1],
    ['nps', 11],
    ['stelling', 'Eens'],
    ['stelling', 3],
    ['aanraden', 'misschien niet'],
    ['status', 'klaar'],
    ['waarmee', []],
    ['waarmee', ['a', 'a']],
    ['waarmee', ['c']],
    ['waarmee', 'a'],
    ['open', 12],
  ])('invalid_value: %s = %j', (item, value) => {
    const answers = item === 'cijfer' ? { [item]: value } : { ...ok, [item]: value };
    expect(codes(answers)).toEqual([['invalid_value', item]]);
  });

  it('hidden_item_answered: an answer to an item whose showIf does not hold', () => {
    expect(codes({ ...ok, status: 'loopt', nazorg: 'eens' })).toEqual([['hidden_item_answered', 'nazorg']]);
    expect(codes({ ...ok, nazorg: 'eens' })).toEqual([['hidden_item_answered', 'nazorg']]);
    expect(codes({ ...ok, waarmee: ['a'], vooral_b: 'x' })).toEqual([['hidden_item_answered', 'vooral_b']]);
  });

  it('hidden_item_answered: an answer to a context item the embed already set', () => {
    expect(codes({ ...ok, status: 'loopt' }, { status: 'loopt' })).toEqual([['hidden_item_answered', 'status']]);
  });

  it('required_missing: a required item left open, or answered with blank text', () => {
    expect(codes({})).toEqual([['required_missing', 'cijfer']]);
    expect(codes({ ...ok, status: 'afgerond' })).toEqual([['required_missing', 'nazorg']]);
    expect(codes({ ...ok, status: 'afgerond', nazorg: '  ' })).toEqual([['required_missing', 'nazorg']]);
  });

  it('required_missing counts the context the embed set for showIf', () => {
    expect(codes(ok, { status: 'afgerond' })).toEqual([['required_missing', 'nazorg']]);
    expect(codes({ ...ok, nazorg: 'oneens' }, { status: 'afgerond' })).toEqual([]);
    expect(codes(ok, { status: 'loopt' })).toEqual([]);
  });

  it('text_too_long: open text over its limit, counted in characters, not UTF-16 units', () => {
    expect(codes({ ...ok, open: 'abcd' })).toEqual([['text_too_long', 'open']]);
    expect(codes({ ...ok, open: '😀😀😀' })).toEqual([]);
    expect(codes({ ...ok, open: '😀😀😀😀' })).toEqual([['text_too_long', 'open']]);
  });

  it('reports every problem in questionnaire order, unknown items first', () => {
    expect(codes({ zzz: 1, cijfer: 11, status: 'loopt', nazorg: 'eens', open: 'lang!' })).toEqual([
      ['unknown_item', 'zzz'],
      ['invalid_value', 'cijfer'],
      ['hidden_item_answered', 'nazorg'],
      ['text_too_long', 'open'],
    ]);
  });
});

describe('resolveContext', () => {
  it('fills what the embed left open from the context items, and keeps what it set', () => {
    expect(resolveContext(def, { status: 'afgerond' }, {})).toEqual({ status: 'afgerond' });
    expect(resolveContext(def, {}, { status: 'loopt', team: 'oost' })).toEqual({ status: 'loopt', team: 'oost' });
  });
});

describe('Day', () => {
  it('takes days that exist, leap days included', () => {
    for (const day of ['2024-02-29', '2026-12-31', '2026-01-01', '2000-02-29']) expect(Day.safeParse(day).success, day).toBe(true);
  });

  it('calls a well-formed day that does not exist invalid_date, and a malformed one only malformed', () => {
    for (const day of ['2026-02-30', '2025-02-29', '2026-13-45', '2026-00-10', '2026-04-31', '1900-02-29']) {
      const issues = Day.safeParse(day).error?.issues ?? [];
      expect({ day, codes: issues.map((i) => (i as { params?: { code?: string } }).params?.code) }).toEqual({
        day,
        codes: ['invalid_date'],
      });
    }
    for (const day of ['1-1-2026', '2026-1-1', '20260101', '2026-01-01T00:00', '']) {
      const issues = Day.safeParse(day).error?.issues ?? [];
      expect({ day, codes: issues.map((i) => i.code) }).toEqual({ day, codes: ['invalid_format'] });
    }
  });
});
