import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './constants.js';
import { SOCIAAL_TEAM, SOCIAAL_TEAM_KORT, TEMPLATES, withWijken } from './bank.js';
import { QuestionnaireDefinition, allItems, definitionTexts, missingTranslations, type Answers } from './questionnaire.js';
import { CONTACT_VALUES, CONTEXT_OPTIONS, ROLE_VALUES, STATUS_VALUES, checkAnswers } from './response.js';

const kort = QuestionnaireDefinition.parse(SOCIAAL_TEAM_KORT);
const full = QuestionnaireDefinition.parse(SOCIAAL_TEAM);

// Copied from questionnaire-bank.md on purpose: the bank is the reference, not bank.ts.
const KORT_SECTIONS = {
  uw_mening: ['tot_cijfer', 'mw_serieus', 'mw_samen', 'res_iets_gehad', 'tot_aanraden', 'tot_beter'],
};
const FULL_SECTIONS = {
  contact: ['ctx_team', 'ctx_contact', 'ctx_status', 'ctx_rol'],
  hulp_vragen: ['toe_wist_waar', 'toe_makkelijk', 'toe_snel', 'toe_info_vooraf', 'toe_oco_bekend'],
  medewerker: ['mw_serieus', 'mw_luisteren', 'mw_samen', 'mw_deskundig', 'mw_bereikbaar', 'mw_verhaal', 'mw_aanspreekpunt'],
  opgeleverd: [
    'res_ondersteund',
    'res_iets_gehad',
    'res_past',
    'res_redden',
    'res_doen',
    'res_vel',
    'res_doel',
    'res_nazorg',
    'hulp_geholpen_met',
  ],
  tot_slot: ['tot_cijfer', 'tot_aanraden', 'tot_goed', 'tot_beter', 'ctx_leeftijd', 'meta_hulp_invullen'],
};

const KORT_ANSWERS: Answers = {
  tot_cijfer: 8,
  mw_serieus: 'helemaal_eens',
  mw_samen: 'eens',
  res_iets_gehad: 'weet_niet',
  tot_aanraden: 'ja',
  tot_beter: 'Sneller terugbellen.',
};

const FULL_ANSWERS: Answers = {
  ctx_team: 'weet_niet',
  ctx_contact: 'lang',
  ctx_status: 'afgerond',
  ctx_rol: 'zorg',
  toe_wist_waar: 'eens',
  toe_makkelijk: 'neutraal',
  toe_snel: 'oneens',
  toe_info_vooraf: 'helemaal_oneens',
  toe_oco_bekend: 'nee',
  mw_serieus: 'helemaal_eens',
  mw_luisteren: 'eens',
  mw_samen: 'eens',
  mw_deskundig: 'eens',
  mw_bereikbaar: 'weet_niet',
  mw_verhaal: 'oneens',
  mw_aanspreekpunt: 'eens',
  res_ondersteund: 'eens',
  res_iets_gehad: 'eens',
  res_past: 'eens',
  res_redden: 'neutraal',
  res_doen: 'neutraal',
  res_vel: 'eens',
  res_doel: 'beetje',
  res_nazorg: 'ja',
  hulp_geholpen_met: ['formulieren', 'geldzaken', 'netwerk'],
  tot_cijfer: 9,
  tot_aanraden: 'misschien',
  tot_goed: 'Ze luisterden echt.',
  tot_beter: 'Minder wisselingen van medewerker.',
  ctx_leeftijd: '65_plus',
  meta_hulp_invullen: 'ja',
};

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['sociaal-team-kort', kort, KORT_SECTIONS, KORT_ANSWERS],
  ['sociaal-team', full, FULL_SECTIONS, FULL_ANSWERS],
] as const)('%s', (id, q, sections, answers) => {
  it('has the id it is listed under in TEMPLATES', () => {
    expect(q.id).toBe(id);
    expect(QuestionnaireDefinition.parse(TEMPLATES[id])).toEqual(q);
  });

  it('has the sections and items of the bank, in order', () => {
    expect(Object.fromEntries(q.sections.map((s) => [s.id, s.items.map((i) => i.id)]))).toEqual(sections);
  });

  it('has every text in all six languages, with the same placeholders as the Dutch', () => {
    expect(Object.values(missingTranslations(q)).flat()).toEqual([]);
    for (const { path, text } of definitionTexts(q)) {
      for (const lang of LANGUAGES) {
        const where = `${path.join('.')} ${lang}`;
        expect(text[lang]?.trim(), where).toBeTruthy();
        expect(placeholders(text[lang]!), where).toEqual(placeholders(text.nl));
      }
    }
  });

  it('requires only the mark and the recommendation', () => {
    const required = allItems(q)
      .filter((i) => i.required)
      .map((i) => i.id);
    expect(required.sort()).toEqual(['tot_aanraden', 'tot_cijfer']);
    expect(checkAnswers(q, { tot_cijfer: 7, tot_aanraden: 'nee' })).toEqual([]);
  });

  it('caps open answers at 1000 characters', () => {
    for (const item of allItems(q)) if (item.type === 'open') expect(item.maxLength, item.id).toBe(1000);
  });

  it('accepts a full valid answer set', () => {
    expect(Object.keys(answers).sort()).toEqual(
      allItems(q)
        .map((i) => i.id)
        .sort(),
    );
    expect(checkAnswers(q, answers)).toEqual([]);
  });
});

describe('sociaal-team context items', () => {
  const byId = new Map(allItems(full).map((i) => [i.id, i]));
  const optionIds = (id: string) => {
    const item = byId.get(id);
    return item?.type === 'keuze' ? item.options.map((o) => o.id) : undefined;
  };

  it('use the context values the server stores', () => {
    expect(optionIds('ctx_contact')).toEqual([...CONTACT_VALUES]);
    expect(optionIds('ctx_status')).toEqual([...STATUS_VALUES]);
    expect(optionIds('ctx_rol')).toEqual([...ROLE_VALUES]);
    for (const item of allItems(full)) {
      if (item.type !== 'keuze' || !item.context || item.context === 'team' || item.context === 'wijk') continue;
      expect(
        item.options.map((o) => o.id),
        item.id,
      ).toEqual([...CONTEXT_OPTIONS[item.context]]);
    }
  });

  it('leave the team options to the server', () => {
    const team = byId.get('ctx_team');
    expect(team).toMatchObject({ type: 'keuze', context: 'team', optionsFrom: 'teams' });
    expect(optionIds('ctx_team')).toEqual(['weet_niet']);
  });

  it('hide res_nazorg while the help is still going on', () => {
    const issues = checkAnswers(full, { ...FULL_ANSWERS, ctx_status: 'loopt' });
    expect(issues).toEqual([expect.objectContaining({ code: 'hidden_item_answered', item: 'res_nazorg' })]);
  });
});

describe('withWijken', () => {
  const wijken = [
    { id: 'noord', name: 'Noord' },
    { id: 'zuid', name: 'Zuid' },
  ];
  const q = QuestionnaireDefinition.parse(withWijken(TEMPLATES['sociaal-team'], wijken));

  it('asks for the wijk last, with the gemeente’s list and a way not to say', () => {
    const last = q.sections.at(-1)!.items.at(-1)!;
    expect(last).toMatchObject({ id: 'ctx_wijk', type: 'keuze', context: 'wijk' });
    expect(last.type === 'keuze' && last.options.map((o) => o.id)).toEqual(['noord', 'zuid', 'weet_niet']);
  });

  it('takes a wijk from the list, from the answers or from the embed, and nothing else', () => {
    expect(checkAnswers(q, { tot_cijfer: 7, tot_aanraden: 'nee', ctx_wijk: 'zuid' })).toEqual([]);
    expect(checkAnswers(q, { tot_cijfer: 7, tot_aanraden: 'nee', ctx_wijk: 'oost' }).map((i) => i.code)).toEqual(['invalid_value']);
    expect(checkAnswers(q, { tot_cijfer: 7, tot_aanraden: 'nee' }, { wijk: 'noord' })).toEqual([]);
    expect(checkAnswers(q, { tot_cijfer: 7, tot_aanraden: 'nee' }, { wijk: 'oost' })).toEqual([
      expect.objectContaining({ code: 'invalid_value', path: ['context', 'wijk'] }),
    ]);
    // Without a wijk question the gemeente has no list: a wijk from the embed cannot be checked, so it is refused.
    expect(checkAnswers(full, { tot_cijfer: 7, tot_aanraden: 'nee' }, { wijk: 'noord' }).map((i) => i.code)).toEqual(['invalid_value']);
    // The embed's wijk skips the question: answering it as well is an answer to a hidden item.
    expect(checkAnswers(q, { tot_cijfer: 7, tot_aanraden: 'nee', ctx_wijk: 'zuid' }, { wijk: 'noord' }).map((i) => i.code)).toEqual([
      'hidden_item_answered',
    ]);
  });
});
