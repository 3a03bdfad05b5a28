import { describe, expect, it } from 'vitest';
import { textIn } from './logic.js';
import { QuestionnaireDefinition, fillText } from './questionnaire.js';
import { definitionTexts, missingTranslations } from './translations.js';

const def = QuestionnaireDefinition.parse({
  id: 'proef',
  title: { nl: 'Proef', en: 'Trial', tr: 'Deneme' },
  sections: [
    {
      id: 's',
      title: { nl: 'Deel', en: 'Part' },
      items: [
        {
          id: 'k',
          type: 'keuze',
          text: { nl: 'Kies', en: 'Choose', tr: 'Seçin' },
          help: { nl: 'Eén', en: 'One' },
          options: [{ id: 'a', text: { nl: 'A', en: 'A', tr: 'A' } }],
        },
      ],
    },
  ],
});

describe('missingTranslations', () => {
  it('lists per language every text without its translation, with its path, item and Dutch', () => {
    const missing = missingTranslations(def);
    expect(missing.en).toEqual([]);
    expect(missing.tr).toEqual([
      { path: ['sections', 0, 'title'], nl: 'Deel' },
      { path: ['sections', 0, 'items', 0, 'help'], item: 'k', nl: 'Eén' },
    ]);
    const all = definitionTexts(def).map((t) => ({ path: t.path, ...(t.item ? { item: t.item } : {}), nl: t.text.nl }));
    for (const lang of ['ar', 'pl', 'uk'] as const) expect(missing[lang], lang).toEqual(all);
  });
});

describe('textIn and fillText', () => {
  it('read the Dutch where a translation is missing, and say so', () => {
    expect(textIn({ nl: 'Ja', tr: 'Evet' }, 'tr')).toEqual({ value: 'Evet', lang: 'tr' });
    expect(textIn({ nl: 'Ja', tr: 'Evet' }, 'ar')).toEqual({ value: 'Ja', lang: 'nl' });
  });

  it('fill a placeholder in every language the text has, from the value in that language or its Dutch', () => {
    const text = { nl: 'Hoe was {organisatie}?', en: 'How was {organisatie}?', pl: 'Jak było w {organisatie}?' };
    expect(fillText(text, { organisatie: { nl: 'het sociaal team', en: 'the social team' } })).toEqual({
      nl: 'Hoe was het sociaal team?',
      en: 'How was the social team?',
      pl: 'Jak było w het sociaal team?',
    });
    // In Arabic the Dutch name is isolated (FSI … PDI), so it keeps its own direction.
    expect(fillText({ nl: '{organisatie}?', ar: 'مع {organisatie}؟' }, { organisatie: 'het sociaal team' }).ar).toBe(
      'مع \u2068het sociaal team\u2069؟',
    );
  });
});
