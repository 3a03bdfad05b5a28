import type { CeoTheme, CoreModule, Wet } from './constants.js';
import type { ErrorIssue } from './errors.js';
import type { ItemInput, QuestionnaireInput, Section } from './questionnaire.js';

// The CEO core modules: the yearly client-experience survey the law asks of every gemeente (Wmo 2015
// art. 2.5.1, Jeugdwet art. 2.10). Their items are locked: a gemeente adds items around them but never
// rewords or drops them, so a trend compares across years and with other gemeenten.
//
// Sources of the wordings, as far as they could be found in public material (the exact published
// questionnaires themselves were not available to check against):
//
// [A] ZorgfocuZ, "Analyse cliëntervaringsonderzoeken: Toenemende tevredenheid van cliënten met een
//     Wmo-voorziening" (28 november 2019), https://www.zorgfocuz.nl/clienten-wmo-voorziening-analyse-resultaten-ceo-wmo-nl-gemeenten/
//     — quotes the aspects "ik wist waar ik moest zijn met mijn hulpvraag" and "ik ben snel geholpen";
//     the standard questionnaire covers "het contact met de gemeente, de kwaliteit van de hulp en het
//     effect van de hulp".
// [B] Gemeente Almere, Monitor Sociaal Domein, "Wmo: toegang",
//     https://monitorsociaal.almere.nl/bekijk-de-cijfers/wat-zijn-de-ervaringen-van-almeerders/wmo-toegang
//     — "Deze vragen worden in alle gemeenten op dezelfde manier gesteld"; toegang = weten waar je
//     terecht kunt en snel geholpen zijn.
// [C] VNG, "Cliëntervaringen Wmo-ondersteuning overwegend positief" (2017),
//     https://vng.nl/nieuws/clientervaringen-wmo-ondersteuning-overwegend-positief — the three themes
//     toegang, kwaliteit and "de mate waarin die cliënten ook daadwerkelijk iets oplevert" (effect), and
//     the item on knowing of the onafhankelijke cliëntondersteuner.
// [D] Kempengemeenten, "Cliënttevredenheid Wmo gestegen" (2019), https://www.kempengemeenten.nl/clienttevredenheid-wmo-gestegen
//     — the effect items in paraphrase: "beter de dingen kunnen doen die ze willen", "zich beter
//     kunnen redden", "hun kwaliteit van leven is verbeterd"; "een standaard vragenlijst".
// [E] ZorgfocuZ, "Modelvragenlijst Cliëntervaring Jeugd en hun ouders (MCJO)",
//     https://www.zorgfocuz.nl/modelvragenlijst-clientervaring-jeugd-en-hun-ouders-mcjo/ and VNG,
//     "Modelvragenlijst cliëntervaring jeugdhulp is beschikbaar",
//     https://vng.nl/onderwerpenindex/jeugd/jeugdhulp/nieuws/modelvragenlijst-clientervaring-jeugdhulp-is-beschikbaar
//     — two lists (ouders; jongeren from 12 to 23) of the same build, "zes vragen met enkele stellingen
//     en drie open vragen", on toegankelijkheid, kwaliteit and effect.
// [F] VNG, "Wat zijn de verschillen met de BESTE vragen van het NJI?",
//     https://vng.nl/onderwerpenindex/jeugd/jeugdhulp/vraag-en-antwoord/wat-zijn-de-verschillen-met-de-beste-vragen-van-het-nji
//     — the MCJO asks about experience, "niet of ze de hulp ook aan een ander zouden aanraden".
// [Q] Peil's item bank (questionnaire-bank.md, "CEO core modules"): the ten CEO Wmo items in order.
//
// `verbatim` says whether the Dutch wording below was found word for word in a public source; where it
// is `false` the wording is the one gemeenten are known to ask [Q] but was not confirmed, and must be
// checked against the VNG model before a gemeente relies on exact trend continuity. The MCJO items were
// not found verbatim in any source at hand: their wordings are drafted on the published themes [E] and
// are marked so.
//
// Answer scale: the CEO and MCJO stellingen use five points and "weet niet / niet van toepassing";
// Peil's stelling scale has the same points (Helemaal mee eens … Helemaal mee oneens, Weet ik niet /
// niet van toepassing). The published labels of the middle points were not confirmed word for word.

/** Where a locked item's wording comes from, and whether it was confirmed word for word. */
export interface CoreSource {
  sources: readonly string[];
  verbatim: boolean;
  note?: string;
}

/** One locked item of a core module: its theme in the yearly report and its source. */
export interface CoreItem {
  item: ItemInput;
  theme: CeoTheme;
  source: CoreSource;
}

const stelling = (id: string, nl: string, en: string): ItemInput => ({ id, type: 'stelling', required: false, text: { nl, en } });

const CEO_WMO_ITEMS: CoreItem[] = [
  {
    item: stelling('ceo_wist_waar', 'Ik wist waar ik moest zijn met mijn hulpvraag.', 'I knew where to go with my request for help.'),
    theme: 'toegang',
    source: { sources: ['A', 'B', 'Q'], verbatim: true, note: 'quoted in lower case in [A]' },
  },
  {
    item: stelling('ceo_snel', 'Ik werd snel geholpen.', 'I was helped quickly.'),
    theme: 'toegang',
    source: { sources: ['A', 'B', 'Q'], verbatim: false, note: '[A] quotes the aspect as "ik ben snel geholpen"' },
  },
  {
    item: stelling('ceo_serieus', 'De medewerker nam mij serieus.', 'The staff member took me seriously.'),
    theme: 'toegang',
    source: { sources: ['Q'], verbatim: false },
  },
  {
    item: stelling(
      'ceo_samen',
      'De medewerker en ik hebben in het gesprek samen naar oplossingen gezocht.',
      'In the conversation, the staff member and I looked for solutions together.',
    ),
    theme: 'toegang',
    source: { sources: ['Q'], verbatim: false },
  },
  {
    item: {
      id: 'ceo_oco',
      type: 'keuze',
      required: false,
      text: {
        nl: 'Wist u dat u gebruik kon maken van een onafhankelijke cliëntondersteuner?',
        en: 'Did you know you could get help from an independent client supporter?',
      },
      help: {
        nl: 'Dat is iemand die naast u staat, bijvoorbeeld bij een gesprek met de gemeente. Die hulp is gratis.',
        en: 'Someone who stands beside you, for example in a talk with the gemeente. That help is free.',
      },
      options: [
        { id: 'ja', text: { nl: 'Ja', en: 'Yes' } },
        { id: 'nee', text: { nl: 'Nee', en: 'No' } },
      ],
    },
    theme: 'toegang',
    source: { sources: ['C', 'Q'], verbatim: false, note: '[C] names the item, not its wording' },
  },
  {
    item: stelling(
      'ceo_kwaliteit',
      'Ik vind de kwaliteit van de ondersteuning die ik krijg goed.',
      'I think the quality of the support I get is good.',
    ),
    theme: 'kwaliteit',
    source: { sources: ['A', 'C', 'Q'], verbatim: false },
  },
  {
    item: stelling('ceo_past', 'De ondersteuning die ik krijg past bij mijn hulpvraag.', 'The support I get fits my request for help.'),
    theme: 'kwaliteit',
    source: { sources: ['Q'], verbatim: false },
  },
  {
    item: stelling(
      'ceo_doen',
      'Door de ondersteuning die ik krijg kan ik beter de dingen doen die ik wil.',
      'Because of the support I get, I can better do the things I want.',
    ),
    theme: 'effect',
    source: { sources: ['D', 'Q'], verbatim: false, note: 'paraphrased in [D]' },
  },
  {
    item: stelling(
      'ceo_redden',
      'Door de ondersteuning die ik krijg kan ik mij beter redden.',
      'Because of the support I get, I can manage better.',
    ),
    theme: 'effect',
    source: { sources: ['D', 'Q'], verbatim: false, note: 'paraphrased in [D]; completed from [Q]' },
  },
  {
    item: stelling(
      'ceo_kwaliteit_leven',
      'Door de ondersteuning die ik krijg heb ik een betere kwaliteit van leven.',
      'Because of the support I get, I have a better quality of life.',
    ),
    theme: 'effect',
    source: { sources: ['D', 'Q'], verbatim: false, note: 'paraphrased in [D]; completed from [Q]' },
  },
];

const DRAFTED: CoreSource = {
  sources: ['E', 'F'],
  verbatim: false,
  note: 'drafted on the published MCJO themes; the model wording was not found',
};

const MCJO_OUDERS_ITEMS: CoreItem[] = [
  {
    item: stelling('mcjo_snel', 'Mijn kind en ik kregen snel hulp.', 'My child and I got help quickly.'),
    theme: 'toegang',
    source: DRAFTED,
  },
  {
    item: stelling('mcjo_serieus', 'De hulpverlener nam mij serieus.', 'The care worker took me seriously.'),
    theme: 'kwaliteit',
    source: DRAFTED,
  },
  {
    item: stelling('mcjo_respect', 'De hulpverlener had respect voor mij en mijn kind.', 'The care worker respected me and my child.'),
    theme: 'kwaliteit',
    source: DRAFTED,
  },
  {
    item: stelling(
      'mcjo_samen',
      'Ik kon samen met de hulpverlener beslissen over de hulp.',
      'I could decide about the help together with the care worker.',
    ),
    theme: 'kwaliteit',
    source: DRAFTED,
  },
  {
    item: stelling('mcjo_beter', 'Door de hulp gaat het beter met mijn kind.', 'Because of the help, my child is doing better.'),
    theme: 'effect',
    source: DRAFTED,
  },
  {
    item: stelling('mcjo_thuis', 'Door de hulp gaat het thuis beter.', 'Because of the help, things are better at home.'),
    theme: 'effect',
    source: DRAFTED,
  },
];

const MCJO_JONGEREN_ITEMS: CoreItem[] = [
  { item: stelling('mcjo_snel', 'Ik kreeg snel hulp.', 'I got help quickly.'), theme: 'toegang', source: DRAFTED },
  {
    item: stelling('mcjo_serieus', 'De hulpverlener nam mij serieus.', 'The care worker took me seriously.'),
    theme: 'kwaliteit',
    source: DRAFTED,
  },
  {
    item: stelling('mcjo_respect', 'De hulpverlener had respect voor mij.', 'The care worker respected me.'),
    theme: 'kwaliteit',
    source: DRAFTED,
  },
  {
    item: stelling(
      'mcjo_samen',
      'Ik kon samen met de hulpverlener beslissen over de hulp.',
      'I could decide about the help together with the care worker.',
    ),
    theme: 'kwaliteit',
    source: DRAFTED,
  },
  {
    item: stelling('mcjo_beter', 'Door de hulp gaat het beter met mij.', 'Because of the help, I am doing better.'),
    theme: 'effect',
    source: DRAFTED,
  },
  {
    item: stelling(
      'mcjo_school',
      'Door de hulp gaat het beter op school of op mijn werk.',
      'Because of the help, school or work is going better.',
    ),
    theme: 'effect',
    source: DRAFTED,
  },
];

const open = (id: string, nl: string, en: string): ItemInput => ({ id, type: 'open', maxLength: 1000, text: { nl, en } });

const MCJO_OPEN_OUDERS = [
  open('mcjo_goed', 'Wat vond u goed aan de hulp?', 'What did you like about the help?'),
  open('mcjo_beter_kan', 'Wat kan er beter aan de hulp?', 'What could be better about the help?'),
  open('mcjo_verder', 'Wilt u verder nog iets zeggen over de hulp?', 'Is there anything else you want to say about the help?'),
];
const MCJO_OPEN_JONGEREN = [
  open('mcjo_goed', 'Wat vond je goed aan de hulp?', 'What did you like about the help?'),
  open('mcjo_beter_kan', 'Wat kan er beter aan de hulp?', 'What could be better about the help?'),
  open('mcjo_verder', 'Wil je verder nog iets zeggen over de hulp?', 'Is there anything else you want to say about the help?'),
];

/** The sources the core items cite, by their letter. */
export const CORE_SOURCES: Record<string, { title: string; url: string }> = {
  A: {
    title: 'ZorgfocuZ, Analyse cliëntervaringsonderzoeken Wmo (2019)',
    url: 'https://www.zorgfocuz.nl/clienten-wmo-voorziening-analyse-resultaten-ceo-wmo-nl-gemeenten/',
  },
  B: {
    title: 'Gemeente Almere, Monitor Sociaal Domein, Wmo: toegang',
    url: 'https://monitorsociaal.almere.nl/bekijk-de-cijfers/wat-zijn-de-ervaringen-van-almeerders/wmo-toegang',
  },
  C: {
    title: 'VNG, Cliëntervaringen Wmo-ondersteuning overwegend positief',
    url: 'https://vng.nl/nieuws/clientervaringen-wmo-ondersteuning-overwegend-positief',
  },
  D: {
    title: 'Kempengemeenten, Cliënttevredenheid Wmo gestegen (2019)',
    url: 'https://www.kempengemeenten.nl/clienttevredenheid-wmo-gestegen',
  },
  E: {
    title: 'ZorgfocuZ, Modelvragenlijst Cliëntervaring Jeugd en hun ouders (MCJO)',
    url: 'https://www.zorgfocuz.nl/modelvragenlijst-clientervaring-jeugd-en-hun-ouders-mcjo/',
  },
  F: {
    title: 'VNG, Wat zijn de verschillen met de BESTE vragen van het NJI?',
    url: 'https://vng.nl/onderwerpenindex/jeugd/jeugdhulp/vraag-en-antwoord/wat-zijn-de-verschillen-met-de-beste-vragen-van-het-nji',
  },
  Q: { title: 'Peil, item bank: CEO core modules', url: 'questionnaire-bank.md' },
};

/** Each core module: its law and its locked items, in the order the module asks them. */
export const CORE: Record<CoreModule, { wet: Wet; items: CoreItem[] }> = {
  'ceo-wmo': { wet: 'wmo', items: CEO_WMO_ITEMS },
  'mcjo-ouders': { wet: 'jeugd', items: MCJO_OUDERS_ITEMS },
  'mcjo-jongeren': { wet: 'jeugd', items: MCJO_JONGEREN_ITEMS },
};

const cijfer: ItemInput = {
  id: 'tot_cijfer',
  type: 'cijfer',
  required: false,
  text: {
    nl: 'Welk rapportcijfer geeft u de ondersteuning die u krijgt?',
    en: 'What mark would you give the support you get, from 1 to 10?',
  },
  help: { nl: '1 is heel slecht, 10 is heel goed.', en: '1 is very bad, 10 is very good.' },
};

export const CEO_WMO: QuestionnaireInput = {
  id: 'ceo-wmo',
  wet: 'wmo',
  core: 'ceo-wmo',
  title: { nl: 'Uw ervaring met de ondersteuning van de gemeente', en: 'Your experience with the support of the gemeente' },
  intro: {
    nl: 'U kreeg hulp of ondersteuning van de gemeente. Wij willen weten wat u daarvan vond. Het duurt ongeveer vijf minuten.',
    en: 'You got help or support from the gemeente. We would like to know what you thought of it. It takes about five minutes.',
  },
  sections: [
    {
      id: 'toegang',
      title: { nl: 'Hulp vragen', en: 'Asking for help' },
      items: CEO_WMO_ITEMS.filter((c) => c.theme === 'toegang').map((c) => c.item),
    },
    {
      id: 'kwaliteit_effect',
      title: { nl: 'De ondersteuning', en: 'The support' },
      items: CEO_WMO_ITEMS.filter((c) => c.theme !== 'toegang').map((c) => c.item),
    },
    {
      id: 'tot_slot',
      title: { nl: 'Tot slot', en: 'Finally' },
      items: [
        cijfer,
        open('tot_goed', 'Wat ging er goed?', 'What went well?'),
        open('tot_beter', 'Wat kan de gemeente beter doen?', 'What could the gemeente do better?'),
      ],
    },
  ],
};

function mcjo(id: 'mcjo-ouders' | 'mcjo-jongeren', items: CoreItem[], openItems: ItemInput[], title: QuestionnaireInput['title']) {
  return {
    id,
    wet: 'jeugd',
    core: id,
    title,
    sections: [
      { id: 'stellingen', title: { nl: 'De hulp', en: 'The help' }, items: items.map((c) => c.item) },
      { id: 'open_vragen', title: { nl: 'In uw eigen woorden', en: 'In your own words' }, items: openItems },
    ],
  } satisfies QuestionnaireInput;
}

export const MCJO_OUDERS = mcjo('mcjo-ouders', MCJO_OUDERS_ITEMS, MCJO_OPEN_OUDERS, {
  nl: 'Uw ervaring met de jeugdhulp voor uw kind',
  en: 'Your experience with the youth care for your child',
});
export const MCJO_JONGEREN = mcjo('mcjo-jongeren', MCJO_JONGEREN_ITEMS, MCJO_OPEN_JONGEREN, {
  nl: 'Jouw ervaring met de jeugdhulp',
  en: 'Your experience with youth care',
});

/** The theme of each locked item of a module, for the yearly report. */
export function themeOf(module: CoreModule, item: string): CeoTheme | undefined {
  return CORE[module].items.find((c) => c.item.id === item)?.theme;
}

/**
 * What a new version may not do to a core module: drop a locked item, change its type, its Dutch
 * wording or its options, or leave the module or its law. The Dutch is the reference; translations
 * may improve.
 */
export function lockedIssues(
  earlier: { definition: { core?: CoreModule; wet?: Wet } }[],
  next: { core?: CoreModule; wet?: Wet; sections: Section[] },
): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const before = earlier.find((v) => v.definition.core)?.definition.core;
  if (before && next.core !== before) {
    issues.push({
      code: 'locked_item',
      path: ['core'],
      message: `this questionnaire carries the core module ${before}; it cannot leave it`,
    });
  }
  const module = next.core ?? before;
  if (!module) return issues;
  if (next.wet !== CORE[module].wet) {
    issues.push({ code: 'locked_item', path: ['wet'], message: `the core module ${module} is for the ${CORE[module].wet}` });
  }
  const items = new Map(next.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  for (const { item: locked } of CORE[module].items) {
    const found = items.get(locked.id);
    if (!found) {
      issues.push({
        code: 'locked_item',
        item: locked.id,
        message: `${locked.id} belongs to the core module ${module} and may not be dropped`,
      });
      continue;
    }
    const sameOptions =
      locked.type !== 'keuze' ||
      (found.type === 'keuze' &&
        JSON.stringify(found.options.map((o) => [o.id, o.text.nl])) === JSON.stringify(locked.options.map((o) => [o.id, o.text.nl])));
    if (found.type !== locked.type || found.text.nl !== locked.text.nl || !sameOptions) {
      issues.push({
        code: 'locked_item',
        item: locked.id,
        message: `${locked.id} belongs to the core module ${module}; its wording is "${locked.text.nl}"`,
      });
    }
  }
  return issues;
}
