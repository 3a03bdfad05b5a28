import { z } from 'zod';
import { CONTEXT_FIELDS, TRANSLATION_LANGUAGES, type Translation } from './constants.js';
import { ItemId, Slug } from './ids.js';

// The shapes of questionnaire items. Zod-free logic (logic.ts) reads these types; the checks across a
// whole definition are in questionnaire.ts.

/**
 * Text in Dutch (the reference, always there) and any of the other languages; a language without its
 * translation reads the Dutch (`textIn` in logic.ts).
 */
export const Text = z.object({
  nl: z.string().min(1),
  ...(Object.fromEntries(TRANSLATION_LANGUAGES.map((l) => [l, z.string().min(1).optional()])) as Record<
    Translation,
    z.ZodOptional<z.ZodString>
  >),
});
export type Text = z.infer<typeof Text>;

/** A condition on an earlier answer: the item is shown only when it holds. */
export const ShowIf = z.object({
  item: ItemId,
  /** The answer (or, for meerkeuze, one of the chosen options) is one of these. */
  in: z.array(z.union([z.string(), z.number().int()])).min(1),
});
export type ShowIf = z.infer<typeof ShowIf>;

const base = {
  id: ItemId,
  text: Text,
  help: Text.optional(),
  required: z.boolean().default(false),
  showIf: ShowIf.optional(),
};

export const Option = z.object({
  id: Slug,
  text: Text,
});
export type Option = z.infer<typeof Option>;

export const CijferItem = z.object({ ...base, type: z.literal('cijfer') });
export const StellingItem = z.object({ ...base, type: z.literal('stelling') });
export const AanradenItem = z.object({ ...base, type: z.literal('aanraden') });
export const NpsItem = z.object({ ...base, type: z.literal('nps') });
export const KeuzeItem = z.object({
  ...base,
  type: z.literal('keuze'),
  options: z.array(Option).min(1),
  /** Fills a context field (team, contact type, …); skipped when the embed already sets it. */
  context: z.enum(CONTEXT_FIELDS).optional(),
  /** Options come from the partner's teams (plus `weet_niet`), filled when the definition is served. */
  optionsFrom: z.literal('teams').optional(),
});
export type KeuzeItem = z.infer<typeof KeuzeItem>;
export const MeerkeuzeItem = z.object({
  ...base,
  type: z.literal('meerkeuze'),
  options: z.array(Option).min(1),
});
export const OpenItem = z.object({
  ...base,
  type: z.literal('open'),
  maxLength: z.number().int().min(1).max(4000).default(1000),
});

export const Item = z.discriminatedUnion('type', [CijferItem, StellingItem, AanradenItem, NpsItem, KeuzeItem, MeerkeuzeItem, OpenItem]);
export type Item = z.infer<typeof Item>;
export type ItemInput = z.input<typeof Item>;
export type ItemType = Item['type'];

export const Section = z.object({
  id: ItemId,
  title: Text,
  items: z.array(Item).min(1),
});
export type Section = z.infer<typeof Section>;
