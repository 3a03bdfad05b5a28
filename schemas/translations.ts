import { TRANSLATION_LANGUAGES, type Translation } from './constants.js';
import type { Section, Text } from './item.js';

// Which texts of a definition a language still lacks: what the questionnaire editor shows beside
// each language. Zod-free, so the beheer bundle can import it without the schemas.

/** One text of a definition: where it sits (the path a validation issue would name) and its item. */
export interface DefinitionText {
  path: (string | number)[];
  /** The item the text belongs to (its question, help or one of its options); none for titles. */
  item?: string;
  text: Text;
}

/** A text without a translation into some language, with its Dutch to translate from. */
export interface MissingText {
  path: (string | number)[];
  item?: string;
  nl: string;
}

/** Every text a client can read in a definition, in the order the client meets them. */
export function definitionTexts(def: { title: Text; intro?: Text; sections: Section[] }): DefinitionText[] {
  const out: DefinitionText[] = [{ path: ['title'], text: def.title }];
  if (def.intro) out.push({ path: ['intro'], text: def.intro });
  def.sections.forEach((section, s) => {
    out.push({ path: ['sections', s, 'title'], text: section.title });
    section.items.forEach((item, i) => {
      const at = ['sections', s, 'items', i];
      out.push({ path: [...at, 'text'], item: item.id, text: item.text });
      if (item.help) out.push({ path: [...at, 'help'], item: item.id, text: item.help });
      if (item.type === 'keuze' || item.type === 'meerkeuze') {
        item.options.forEach((o, n) => out.push({ path: [...at, 'options', n, 'text'], item: item.id, text: o.text }));
      }
    });
  });
  return out;
}

/** Per language other than Dutch, the texts that have no translation into it (and so show the Dutch). */
export function missingTranslations(def: { title: Text; intro?: Text; sections: Section[] }): Record<Translation, MissingText[]> {
  const texts = definitionTexts(def);
  const missing = {} as Record<Translation, MissingText[]>;
  for (const lang of TRANSLATION_LANGUAGES) {
    missing[lang] = texts
      .filter((t) => !t.text[lang]?.trim())
      .map((t) => ({ path: t.path, ...(t.item ? { item: t.item } : {}), nl: t.text.nl }));
  }
  return missing;
}
