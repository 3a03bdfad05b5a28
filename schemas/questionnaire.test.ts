import { describe, expect, it } from 'vitest';
import { SOCIAAL_TEAM, SOCIAAL_TEAM_KORT } from './bank.js';
import {
  Item,
  ItemId,
  QuestionnaireDefinition,
  allItems,
  materialize,
  versionIssues,
  type ItemInput,
  type QuestionnaireInput,
} from './questionnaire.js';

const t = (nl: string) => ({ nl, en: nl });
const opts = (...ids: string[]) => ids.map((id) => ({ id, text: t(id) }));

function withItems(...items: ItemInput[]): QuestionnaireInput {
  return { id: 'proef', title: t('Proef'), sections: [{ id: 'een', title: t('Een'), items }] };
}

/** The messages of a definition that should not parse, with where each points. */
function problems(input: unknown): string[] {
  const r = QuestionnaireDefinition.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('Item', () => {
  it('is a discriminated union on type with defaults for required and maxLength', () => {
    expect(Item.parse({ id: 'o', type: 'open', text: t('?') })).toEqual({
      id: 'o',
      type: 'open',
      text: t('?'),
      required: false,
      maxLength: 1000,
    });
    expect(Item.safeParse({ id: 'x', type: 'schaal', text: t('?') }).success).toBe(false);
    expect(Item.safeParse({ id: 'k', type: 'keuze', text: t('?') }).success).toBe(false);
    expect(Item.safeParse({ id: 'o', type: 'open', maxLength: 5000, text: t('?') }).success).toBe(false);
  });

  it('needs Dutch text, takes any of the other languages (never empty); help text is optional', () => {
    expect(Item.safeParse({ id: 'c', type: 'cijfer', text: { nl: 'Cijfer?' } }).success).toBe(true);
    expect(Item.safeParse({ id: 'c', type: 'cijfer', text: { en: 'Mark?' } }).success).toBe(false);
    expect(Item.safeParse({ id: 'c', type: 'cijfer', text: { nl: 'Cijfer?', ar: '' } }).success).toBe(false);
    expect(Item.safeParse({ id: 'c', type: 'cijfer', text: { nl: 'Cijfer?', tr: 'Not?', uk: 'Оцінка?' } }).success).toBe(true);
    expect(Item.safeParse({ id: 'c', type: 'cijfer', text: t('Cijfer?'), help: t('1 is slecht') }).success).toBe(true);
  });

  it('has ids that cannot collide with Object.prototype', () => {
    expect(ItemId.safeParse('tot_cijfer').success).toBe(true);
    expect(ItemId.safeParse('constructor').success).toBe(false);
    expect(ItemId.safeParse('Tot').success).toBe(false);
  });
});

describe('QuestionnaireDefinition', () => {
  it('accepts both default questionnaires', () => {
    expect(problems(SOCIAAL_TEAM)).toEqual([]);
    expect(problems(SOCIAAL_TEAM_KORT)).toEqual([]);
  });

  it('refuses duplicate item, section and option ids', () => {
    const c = { id: 'c', type: 'cijfer', text: t('?') } as const;
    expect(problems(withItems(c, c))).toEqual(['sections.0.items.1.id: duplicate item id c']);
    const twice = withItems(c);
    twice.sections.push({ id: 'een', title: t('Twee'), items: [{ ...c, id: 'd' }] });
    expect(problems(twice)).toEqual(['sections.1.id: duplicate section id een']);
    expect(problems(withItems({ id: 'k', type: 'keuze', text: t('?'), options: opts('a', 'b', 'a') }))).toEqual([
      'sections.0.items.0.options.2.id: duplicate option id a',
    ]);
  });

  it('lets showIf refer only to an earlier, closed item, with values that item can take', () => {
    const k = { id: 'k', type: 'keuze', text: t('?'), options: opts('ja', 'nee') } as const;
    const later = { id: 'later', type: 'stelling', text: t('?') } as const;
    expect(problems(withItems(k, { ...later, showIf: { item: 'k', in: ['ja'] } }))).toEqual([]);
    expect(problems(withItems({ ...later, showIf: { item: 'k', in: ['ja'] } }, k))).toEqual([
      'sections.0.items.0.showIf.item: showIf must refer to an earlier item, not k',
    ]);
    expect(problems(withItems(k, { ...later, showIf: { item: 'k', in: ['ja', 'Ja'] } }))).toEqual([
      'sections.0.items.1.showIf.in.1: "Ja" is not an answer k can have',
    ]);
    expect(problems(withItems({ id: 'c', type: 'cijfer', text: t('?') }, { ...later, showIf: { item: 'c', in: [1, 2, 11] } }))).toEqual([
      'sections.0.items.1.showIf.in.2: 11 is not an answer c can have',
    ]);
    expect(problems(withItems({ id: 'o', type: 'open', text: t('?') }, { ...later, showIf: { item: 'o', in: ['x'] } }))).toEqual([
      'sections.0.items.1.showIf.item: showIf cannot depend on an open answer',
    ]);
    expect(
      problems(
        withItems(
          { id: 'm', type: 'meerkeuze', text: t('?'), options: opts('a', 'b') },
          { ...later, showIf: { item: 'm', in: ['b', 'c'] } },
        ),
      ),
    ).toEqual(['sections.0.items.1.showIf.in.1: "c" is not an answer m can have']);
  });

  it('lets a context item offer only values the context holds, once per field', () => {
    const status = { id: 'st', type: 'keuze', context: 'status', text: t('?'), options: opts('afgerond', 'loopt') } as const;
    expect(problems(withItems(status))).toEqual([]);
    expect(problems(withItems({ ...status, options: opts('afgerond', 'klaar') }))).toEqual([
      'sections.0.items.0.options.1.id: status is one of afgerond, loopt, weet_niet',
    ]);
    expect(problems(withItems(status, { ...status, id: 'st2' }))).toEqual(['sections.0.items.1.context: item st already asks for status']);
    expect(problems(withItems({ id: 'team', type: 'keuze', context: 'team', text: t('?'), options: opts('weet_niet') }))).toEqual([
      'sections.0.items.0.optionsFrom: an item with context team takes its options from the teams',
    ]);
    expect(problems(withItems({ id: 'tm', type: 'keuze', optionsFrom: 'teams', text: t('?'), options: opts('weet_niet') }))).toEqual([
      'sections.0.items.0.optionsFrom: team options only fit an item with context team',
    ]);
  });

  it('lets showIf depend on a team the partner will list', () => {
    const team = { id: 'tm', type: 'keuze', context: 'team', optionsFrom: 'teams', text: t('?'), options: opts('weet_niet') } as const;
    expect(problems(withItems(team, { id: 'x', type: 'stelling', text: t('?'), showIf: { item: 'tm', in: ['oost'] } }))).toEqual([]);
  });
});

describe('materialize', () => {
  const full = QuestionnaireDefinition.parse(SOCIAAL_TEAM);
  const served = materialize(full, {
    teams: [
      { id: 'oost', name: 'Oost' },
      { id: 'west', name: 'West' },
    ],
    organisatie: 'het sociaal team Oost',
  });

  it('fills {organisatie} in every text and leaves the definition itself alone', () => {
    const json = JSON.stringify(served);
    expect(json).not.toContain('{organisatie}');
    expect(json).toContain('Welk rapportcijfer geeft u het sociaal team Oost?');
    expect(JSON.stringify(full)).toContain('{organisatie}');
  });

  it('lists the partner teams before "weet ik niet"', () => {
    const team = allItems(served).find((i) => i.id === 'ctx_team');
    expect(team?.type === 'keuze' && team.options.map((o) => o.id)).toEqual(['oost', 'west', 'weet_niet']);
  });
});

describe('versionIssues', () => {
  const v1 = QuestionnaireDefinition.parse(SOCIAAL_TEAM_KORT);
  const edit = (f: (items: ItemInput[]) => ItemInput[]) =>
    QuestionnaireDefinition.parse({
      ...SOCIAAL_TEAM_KORT,
      sections: [{ ...SOCIAAL_TEAM_KORT.sections[0], items: f([...SOCIAAL_TEAM_KORT.sections[0].items]) }],
    });

  it('allows new text, new items, removed items and a new order', () => {
    const v2 = edit((items) => [
      { id: 'nieuw', type: 'nps', text: t('Nieuw?') },
      ...items
        .filter((i) => i.id !== 'mw_samen')
        .reverse()
        .map((i) => ({ ...i, text: t('Anders gezegd') })),
    ]);
    expect(versionIssues([{ version: 1, definition: v1 }], v2)).toEqual([]);
  });

  it('refuses an id that changes type, naming the item and the version it came from', () => {
    const v2 = edit((items) => items.map((i) => (i.id === 'mw_serieus' ? { id: 'mw_serieus', type: 'cijfer', text: i.text } : i)));
    expect(versionIssues([{ version: 1, definition: v1 }], v2)).toEqual([
      {
        code: 'incompatible_change',
        item: 'mw_serieus',
        path: ['sections', 0, 'items', 1, 'type'],
        message: 'mw_serieus was a stelling in version 1; give a cijfer a new id',
      },
    ]);
  });

  it('remembers items an intermediate version dropped', () => {
    const v2 = edit((items) => items.filter((i) => i.id !== 'tot_aanraden'));
    const v3 = edit((items) => items.map((i) => (i.id === 'tot_aanraden' ? { id: 'tot_aanraden', type: 'nps', text: i.text } : i)));
    const issues = versionIssues(
      [
        { version: 2, definition: v2 },
        { version: 1, definition: v1 },
      ],
      v3,
    );
    expect(issues.map((i) => [i.code, i.item])).toEqual([['incompatible_change', 'tot_aanraden']]);
  });
});
