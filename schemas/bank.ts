import { CEO_WMO, MCJO_JONGEREN, MCJO_OUDERS } from './ceo.js';
import type { ItemInput, QuestionnaireInput } from './questionnaire.js';

const WEET_NIET = { id: 'weet_niet', text: { nl: 'Weet ik niet', en: "I don't know" } };
const JA = { id: 'ja', text: { nl: 'Ja', en: 'Yes' } };
const NEE = { id: 'nee', text: { nl: 'Nee', en: 'No' } };

// Items both questionnaires ask share one definition, so their results can be compared.
const totCijfer: ItemInput = {
  id: 'tot_cijfer',
  type: 'cijfer',
  required: true,
  text: {
    nl: 'Welk rapportcijfer geeft u {organisatie}?',
    en: 'What mark would you give {organisatie}, from 1 to 10?',
  },
  help: { nl: '1 is heel slecht, 10 is heel goed.', en: '1 is very bad, 10 is very good.' },
};

const totAanraden: ItemInput = {
  id: 'tot_aanraden',
  type: 'aanraden',
  required: true,
  text: {
    nl: 'Zou u familie, vrienden of buren met een vraag aanraden om naar {organisatie} te gaan?',
    en: 'Would you advise family, friends or neighbours with a question to go to {organisatie}?',
  },
};

const totBeter: ItemInput = {
  id: 'tot_beter',
  type: 'open',
  maxLength: 1000,
  text: { nl: 'Wat kan {organisatie} beter doen?', en: 'What could {organisatie} do better?' },
};

const mwSerieus: ItemInput = {
  id: 'mw_serieus',
  type: 'stelling',
  text: { nl: 'De medewerker nam mij serieus.', en: 'The staff member took me seriously.' },
};

const mwSamen: ItemInput = {
  id: 'mw_samen',
  type: 'stelling',
  text: {
    nl: 'De medewerker en ik hebben samen gezocht naar oplossingen.',
    en: 'The staff member and I looked for solutions together.',
  },
};

const resIetsGehad: ItemInput = {
  id: 'res_iets_gehad',
  type: 'stelling',
  text: {
    nl: 'Ik heb iets gehad aan de hulp van {organisatie}.',
    en: 'The help from {organisatie} was useful to me.',
  },
};

/** The short questionnaire, for right after a contact (about a minute). */
export const SOCIAAL_TEAM_KORT: QuestionnaireInput = {
  id: 'sociaal-team-kort',
  title: { nl: 'Korte vragenlijst over de hulp', en: 'Short questionnaire about the help' },
  intro: {
    nl: 'Wij willen graag weten wat u van de hulp vond. Het invullen duurt ongeveer 1 minuut. Uw antwoorden zijn anoniem.',
    en: 'We would like to know what you thought of the help. It takes about 1 minute. Your answers are anonymous.',
  },
  sections: [
    {
      id: 'uw_mening',
      title: { nl: 'Uw mening', en: 'Your opinion' },
      items: [totCijfer, mwSerieus, mwSamen, resIetsGehad, totAanraden, totBeter],
    },
  ],
};

/** The full periodic questionnaire (five to eight minutes), in sections. */
export const SOCIAAL_TEAM: QuestionnaireInput = {
  id: 'sociaal-team',
  title: { nl: 'Vragenlijst over de hulp', en: 'Questionnaire about the help' },
  intro: {
    nl: 'Wij willen graag weten wat u van de hulp vond. Het invullen duurt ongeveer 5 tot 8 minuten. U kunt vragen overslaan. Uw antwoorden zijn anoniem.',
    en: 'We would like to know what you thought of the help. It takes about 5 to 8 minutes. You can skip questions. Your answers are anonymous.',
  },
  sections: [
    {
      id: 'contact',
      title: { nl: 'Over uw contact', en: 'About your contact' },
      items: [
        {
          id: 'ctx_team',
          type: 'keuze',
          context: 'team',
          optionsFrom: 'teams',
          text: { nl: 'Met welk team had u contact?', en: 'Which team were you in contact with?' },
          options: [WEET_NIET],
        },
        {
          id: 'ctx_contact',
          type: 'keuze',
          context: 'contact',
          text: { nl: 'Wat voor contact had u?', en: 'What kind of contact did you have?' },
          options: [
            {
              id: 'kort',
              text: {
                nl: 'Een kort gesprek voor informatie of advies',
                en: 'A short conversation for information or advice',
              },
            },
            {
              id: 'lang',
              text: {
                nl: 'Ik krijg (of kreeg) langere tijd hulp',
                en: 'I get (or got) help for a longer time',
              },
            },
            WEET_NIET,
          ],
        },
        {
          id: 'ctx_status',
          type: 'keuze',
          context: 'status',
          text: { nl: 'Is de hulp afgerond?', en: 'Has the help ended?' },
          options: [
            { id: 'afgerond', text: { nl: 'Ja, de hulp is afgerond', en: 'Yes, the help has ended' } },
            { id: 'loopt', text: { nl: 'Nee, de hulp loopt nog', en: 'No, the help is still going on' } },
            WEET_NIET,
          ],
        },
        {
          id: 'ctx_rol',
          type: 'keuze',
          context: 'role',
          text: {
            nl: 'Voor wie vult u deze vragenlijst in?',
            en: 'Who are you filling in this questionnaire for?',
          },
          options: [
            { id: 'zelf', text: { nl: 'Voor mezelf', en: 'For myself' } },
            { id: 'kind', text: { nl: 'Voor mijn kind', en: 'For my child' } },
            { id: 'zorg', text: { nl: 'Voor iemand voor wie ik zorg', en: 'For someone I care for' } },
            { id: 'anders', text: { nl: 'Voor iemand anders', en: 'For someone else' } },
          ],
        },
      ],
    },
    {
      id: 'hulp_vragen',
      title: { nl: 'Hulp vragen', en: 'Asking for help' },
      items: [
        {
          id: 'toe_wist_waar',
          type: 'stelling',
          text: { nl: 'Ik wist waar ik moest zijn met mijn vraag.', en: 'I knew where to go with my question.' },
        },
        {
          id: 'toe_makkelijk',
          type: 'stelling',
          text: {
            nl: 'Het was makkelijk om in contact te komen met {organisatie}.',
            en: 'It was easy to get in touch with {organisatie}.',
          },
        },
        {
          id: 'toe_snel',
          type: 'stelling',
          text: { nl: 'Ik werd snel geholpen.', en: 'I was helped quickly.' },
        },
        {
          id: 'toe_info_vooraf',
          type: 'stelling',
          text: {
            nl: 'Voor het eerste gesprek wist ik waar het gesprek over zou gaan.',
            en: 'Before the first conversation, I knew what it would be about.',
          },
        },
        {
          id: 'toe_oco_bekend',
          type: 'keuze',
          text: {
            nl: 'Wist u dat u gratis hulp kunt krijgen van een onafhankelijke cliëntondersteuner? Dat is iemand die naast u staat, bijvoorbeeld bij een gesprek met de gemeente.',
            en: 'Did you know that you can get free help from an independent client supporter? That is someone who is on your side, for example in a conversation with the municipality.',
          },
          options: [JA, NEE],
        },
      ],
    },
    {
      id: 'medewerker',
      title: { nl: 'De medewerker', en: 'The staff member' },
      items: [
        mwSerieus,
        {
          id: 'mw_luisteren',
          type: 'stelling',
          text: { nl: 'De medewerker luisterde goed naar mij.', en: 'The staff member listened to me well.' },
        },
        mwSamen,
        {
          id: 'mw_deskundig',
          type: 'stelling',
          text: {
            nl: 'De medewerker wist genoeg om mij goed te helpen.',
            en: 'The staff member knew enough to help me well.',
          },
        },
        {
          id: 'mw_bereikbaar',
          type: 'stelling',
          text: {
            nl: 'Ik kon de medewerker goed bereiken als dat nodig was.',
            en: 'I could easily reach the staff member when I needed to.',
          },
        },
        {
          id: 'mw_verhaal',
          type: 'stelling',
          text: {
            nl: 'Ik hoefde mijn verhaal niet steeds opnieuw te vertellen.',
            en: 'I did not have to tell my story again and again.',
          },
        },
        {
          id: 'mw_aanspreekpunt',
          type: 'stelling',
          text: {
            nl: 'Het was duidelijk wie mijn vaste contactpersoon was.',
            en: 'It was clear who my regular contact person was.',
          },
        },
      ],
    },
    {
      id: 'opgeleverd',
      title: { nl: 'Wat heeft de hulp opgeleverd?', en: 'What has the help done for you?' },
      items: [
        {
          id: 'res_ondersteund',
          type: 'stelling',
          text: { nl: 'Ik voel me door {organisatie} gesteund.', en: 'I feel supported by {organisatie}.' },
        },
        resIetsGehad,
        {
          id: 'res_past',
          type: 'stelling',
          text: { nl: 'De hulp past bij mijn vraag.', en: 'The help fits my question.' },
        },
        {
          id: 'res_redden',
          type: 'stelling',
          text: { nl: 'Door de hulp kan ik mij beter redden.', en: 'Because of the help, I can manage better.' },
        },
        {
          id: 'res_doen',
          type: 'stelling',
          text: {
            nl: 'Door de hulp kan ik beter de dingen doen die ik wil.',
            en: 'Because of the help, I can better do the things I want to do.',
          },
        },
        {
          id: 'res_vel',
          type: 'stelling',
          text: { nl: 'Door de hulp zit ik beter in mijn vel.', en: 'Because of the help, I feel better.' },
        },
        {
          id: 'res_doel',
          type: 'keuze',
          text: {
            nl: 'Heeft de hulp u geholpen om te bereiken wat u wilde?',
            en: 'Did the help allow you to achieve what you wanted?',
          },
          options: [
            { id: 'helemaal', text: { nl: 'Ja, helemaal', en: 'Yes, completely' } },
            { id: 'beetje', text: { nl: 'Een beetje', en: 'A little' } },
            NEE,
            { id: 'nog_niet', text: { nl: 'Nog niet, de hulp loopt nog', en: 'Not yet, the help is still going on' } },
            WEET_NIET,
          ],
        },
        {
          id: 'res_nazorg',
          type: 'keuze',
          // Only someone whose help has ended can say whether anyone checked in afterwards.
          showIf: { item: 'ctx_status', in: ['afgerond'] },
          text: {
            nl: 'Heeft {organisatie} later nog contact met u opgenomen om te vragen hoe het gaat?',
            en: 'Did {organisatie} contact you later to ask how you were doing?',
          },
          options: [JA, NEE, WEET_NIET],
        },
        {
          id: 'hulp_geholpen_met',
          type: 'meerkeuze',
          text: { nl: 'Waarmee heeft {organisatie} u geholpen?', en: 'What did {organisatie} help you with?' },
          help: { nl: 'U kunt meer dan één antwoord kiezen.', en: 'You can choose more than one answer.' },
          options: [
            { id: 'formulieren', text: { nl: 'Formulieren lezen en invullen', en: 'Reading and filling in forms' } },
            { id: 'informatie', text: { nl: 'Informatie', en: 'Information' } },
            { id: 'advies', text: { nl: 'Advies', en: 'Advice' } },
            {
              id: 'samen_nadenken',
              text: {
                nl: 'Samen nadenken over oplossingen die ik zelf kon uitvoeren',
                en: 'Thinking together about solutions I could carry out myself',
              },
            },
            {
              id: 'doorverwijzen',
              text: {
                nl: 'Doorverwijzen naar een andere organisatie',
                en: 'Referring me to another organisation',
              },
            },
            { id: 'meegaan', text: { nl: 'Meegaan naar een gesprek', en: 'Going with me to a meeting' } },
            { id: 'geldzaken', text: { nl: 'Mijn geldzaken op orde brengen', en: 'Sorting out my money matters' } },
            {
              id: 'netwerk',
              text: {
                nl: 'Familie, vrienden of buren erbij betrekken',
                en: 'Involving family, friends or neighbours',
              },
            },
            { id: 'anders', text: { nl: 'Iets anders', en: 'Something else' } },
          ],
        },
      ],
    },
    {
      id: 'tot_slot',
      title: { nl: 'Tot slot', en: 'Finally' },
      items: [
        totCijfer,
        totAanraden,
        {
          id: 'tot_goed',
          type: 'open',
          maxLength: 1000,
          text: { nl: 'Wat ging er goed?', en: 'What went well?' },
        },
        totBeter,
        {
          id: 'ctx_leeftijd',
          type: 'keuze',
          context: 'leeftijd',
          text: { nl: 'Hoe oud bent u?', en: 'How old are you?' },
          help: {
            nl: 'Vult u dit in voor iemand anders? Geef dan de leeftijd van die persoon.',
            en: 'Filling this in for someone else? Then give that person’s age.',
          },
          options: [
            { id: 'jonger_dan_45', text: { nl: 'Jonger dan 45 jaar', en: 'Younger than 45' } },
            { id: '45_64', text: { nl: '45 tot en met 64 jaar', en: '45 to 64' } },
            { id: '65_plus', text: { nl: '65 jaar of ouder', en: '65 or older' } },
            { id: 'weet_niet', text: { nl: 'Zeg ik liever niet', en: 'I would rather not say' } },
          ],
        },
        {
          id: 'meta_hulp_invullen',
          type: 'keuze',
          text: {
            nl: 'Heeft iemand u geholpen bij het invullen van deze vragenlijst?',
            en: 'Did someone help you fill in this questionnaire?',
          },
          options: [JA, NEE],
        },
      ],
    },
  ],
};

/**
 * A questionnaire with the gemeente's own list of wijken asked at the end (`ctx_wijk`), unless the embed
 * sets the wijk. The list is the gemeente's: its ids are what breakdowns, filters and weights use.
 */
export function withWijken(q: QuestionnaireInput, wijken: { id: string; name: string }[]): QuestionnaireInput {
  const wijk: ItemInput = {
    id: 'ctx_wijk',
    type: 'keuze',
    context: 'wijk',
    text: { nl: 'In welke wijk woont u?', en: 'Which neighbourhood do you live in?' },
    options: [
      ...wijken.map((w) => ({ id: w.id, text: { nl: w.name, en: w.name } })),
      { id: 'weet_niet', text: { nl: 'Zeg ik liever niet', en: 'I would rather not say' } },
    ],
  };
  const last = q.sections.length - 1;
  return { ...q, sections: q.sections.map((s, i) => (i === last ? { ...s, items: [...s.items, wijk] } : s)) };
}

/** The default questionnaires by id. */
export const TEMPLATES = {
  'sociaal-team-kort': SOCIAAL_TEAM_KORT,
  'sociaal-team': SOCIAAL_TEAM,
  'ceo-wmo': CEO_WMO,
  'mcjo-ouders': MCJO_OUDERS,
  'mcjo-jongeren': MCJO_JONGEREN,
} as const satisfies Record<string, QuestionnaireInput>;
