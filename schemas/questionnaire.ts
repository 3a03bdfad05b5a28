import { z } from 'zod';

/** Text in Dutch (the reference) and English. */
export const Text = z.object({
  nl: z.string().min(1),
  en: z.string().min(1),
});
export type Text = z.infer<typeof Text>;

export const ItemId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'lowercase letters, digits and _ , starting with a letter');

export const STELLING_VALUES = [
  'helemaal_eens',
  'eens',
  'neutraal',
  'oneens',
  'helemaal_oneens',
  'weet_niet',
] as const;
export const AANRADEN_VALUES = ['ja', 'misschien', 'nee'] as const;
export const CONTEXT_FIELDS = ['team', 'contact', 'status', 'role'] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];

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
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/),
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

export const Item = z.discriminatedUnion('type', [
  CijferItem,
  StellingItem,
  AanradenItem,
  NpsItem,
  KeuzeItem,
  MeerkeuzeItem,
  OpenItem,
]);
export type Item = z.infer<typeof Item>;
export type ItemInput = z.input<typeof Item>;
export type ItemType = Item['type'];

export const Section = z.object({
  id: ItemId,
  title: Text,
  items: z.array(Item).min(1),
});
export type Section = z.infer<typeof Section>;

export const QuestionnaireId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/);

/** A questionnaire definition as edited (draft) or published (immutable, with a version). */
export const QuestionnaireDefinition = z
  .object({
    id: QuestionnaireId,
    title: Text,
    intro: Text.optional(),
    sections: z.array(Section).min(1),
  })
  .superRefine((q, ctx) => {
    const seen = new Map<string, Item>();
    q.sections.forEach((section, s) =>
      section.items.forEach((item, i) => {
        const path = ['sections', s, 'items', i];
        if (seen.has(item.id)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate item id ${item.id}` });
        }
        if (item.showIf) {
          const target = seen.get(item.showIf.item);
          if (!target) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'showIf'],
              message: `showIf must refer to an earlier item, not ${item.showIf.item}`,
            });
          }
        }
        seen.set(item.id, item);
      }),
    );
  });
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinition>;
export type QuestionnaireInput = z.input<typeof QuestionnaireDefinition>;

/** What `GET /v1/questionnaires/:id` returns: a published version, placeholders filled. */
export const PublishedQuestionnaire = z.object({
  id: QuestionnaireId,
  version: z.number().int().min(1),
  status: z.enum(['open', 'closed']),
  title: Text,
  intro: Text.optional(),
  sections: z.array(Section),
  /** Context already known from the embed or the partner; the widget skips items that ask it. */
  context: z.record(z.string(), z.string()).optional(),
});
export type PublishedQuestionnaire = z.infer<typeof PublishedQuestionnaire>;

export function allItems(q: { sections: Section[] }): Item[] {
  return q.sections.flatMap((s) => s.items);
}

/** Replaces `{name}` placeholders in both languages; unknown names stay as written. */
export function fillText(text: Text, values: Record<string, string>): Text {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
  return { nl: fill(text.nl), en: fill(text.en) };
}

export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

/** Whether an item is shown, given the answers so far (hidden items must stay unanswered). */
export function isShown(item: Item, answers: Answers): boolean {
  if (!item.showIf) return true;
  const a = answers[item.showIf.item];
  if (a === undefined) return false;
  const wanted = item.showIf.in;
  return Array.isArray(a) ? a.some((v) => wanted.includes(v)) : wanted.includes(a);
}
