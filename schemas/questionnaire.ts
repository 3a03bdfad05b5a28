import { z } from 'zod';
import { CONTACT_VALUES, CORE_MODULES, LEEFTIJD_VALUES, ROLE_VALUES, STATUS_VALUES, WETTEN, type ContextField } from './constants.js';
import type { ErrorIssue } from './errors.js';
import { QuestionnaireId } from './ids.js';
import { Section, Text, type Item, type ItemType, type KeuzeItem, type ShowIf } from './item.js';
import { allItems, fillText, valueProblem } from './logic.js';

export * from './item.js';
export { ItemId, QuestionnaireId } from './ids.js';
export { AANRADEN_VALUES, CONTEXT_FIELDS, STELLING_VALUES, WETTEN, type ContextField, type CoreModule, type Wet } from './constants.js';

/**
 * The values a `keuze` item that fills a context field may offer. Team options come from the partner;
 * a wijk item's options are the gemeente's own list of wijken.
 */
export const CONTEXT_OPTIONS: Record<Exclude<ContextField, 'team' | 'wijk'>, readonly string[]> = {
  contact: CONTACT_VALUES,
  status: STATUS_VALUES,
  role: ROLE_VALUES,
  leeftijd: LEEFTIJD_VALUES,
};

type AddIssue = (where: PropertyKey[], message: string) => void;

// A context item's answer becomes the response's context, so it may only offer values the context can hold.
function checkContextItem(item: KeuzeItem, contextItems: Map<ContextField, string>, issue: AddIssue): void {
  if (item.optionsFrom === 'teams' && item.context !== 'team') issue(['optionsFrom'], 'team options only fit an item with context team');
  if (!item.context) return;
  const other = contextItems.get(item.context);
  if (other) issue(['context'], `item ${other} already asks for ${item.context}`);
  contextItems.set(item.context, item.id);
  if (item.context === 'team') {
    if (item.optionsFrom !== 'teams') issue(['optionsFrom'], 'an item with context team takes its options from the teams');
    return;
  }
  if (item.context === 'wijk') return;
  const allowed = CONTEXT_OPTIONS[item.context];
  item.options.forEach((o, i) => {
    if (!allowed.includes(o.id)) issue(['options', i, 'id'], `${item.context} is one of ${allowed.join(', ')}`);
  });
}

// A showIf value no answer can take hides its item for ever; catch the typo when the draft is saved.
function checkShowIf(showIf: ShowIf, target: Item | undefined, issue: AddIssue): void {
  if (!target) return issue(['showIf', 'item'], `showIf must refer to an earlier item, not ${showIf.item}`);
  if (target.type === 'open') return issue(['showIf', 'item'], 'showIf cannot depend on an open answer');
  showIf.in.forEach((v, i) => {
    const fits =
      target.type === 'meerkeuze'
        ? target.options.some((o) => o.id === v)
        : (target.type === 'keuze' && target.optionsFrom === 'teams' && typeof v === 'string') || !valueProblem(target, v);
    if (!fits) issue(['showIf', 'in', i], `${JSON.stringify(v)} is not an answer ${target.id} can have`);
  });
}

/** A questionnaire definition as edited (draft) or published (immutable, with a version). */
export const QuestionnaireDefinition = z
  .object({
    id: QuestionnaireId,
    title: Text,
    intro: Text.optional(),
    /** The law this questionnaire measures for; `jeugd` refuses every per-partner view. */
    wet: z.enum(WETTEN).default('overig'),
    /** The CEO core module it carries: those items are locked (see lockedIssues). */
    core: z.enum(CORE_MODULES).optional(),
    sections: z.array(Section).min(1),
  })
  .superRefine((q, ctx) => {
    const sectionIds = new Set<string>();
    const contextItems = new Map<ContextField, string>();
    const seen = new Map<string, Item>();
    q.sections.forEach((section, s) => {
      if (sectionIds.has(section.id)) {
        ctx.addIssue({ code: 'custom', path: ['sections', s, 'id'], message: `duplicate section id ${section.id}` });
      }
      sectionIds.add(section.id);
      section.items.forEach((item, i) => {
        const path = ['sections', s, 'items', i];
        const issue = (where: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path: [...path, ...where], message });
        if (seen.has(item.id)) issue(['id'], `duplicate item id ${item.id}`);
        if (item.type === 'keuze' || item.type === 'meerkeuze') {
          const ids = item.options.map((o) => o.id);
          ids.forEach((id, o) => {
            if (ids.indexOf(id) !== o) issue(['options', o, 'id'], `duplicate option id ${id}`);
          });
        }
        if (item.type === 'keuze') checkContextItem(item, contextItems, issue);
        if (item.showIf) checkShowIf(item.showIf, seen.get(item.showIf.item), issue);
        seen.set(item.id, item);
      });
    });
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
  /** The site key takes only answers with a one-time invite: without one the widget says so up front. */
  inviteRequired: z.literal(true).optional(),
});
export type PublishedQuestionnaire = z.infer<typeof PublishedQuestionnaire>;

export { allItems, effectiveAnswers, fillText, isShown, textIn, type AnswerValue, type Answers } from './logic.js';
export { definitionTexts, missingTranslations, type DefinitionText, type MissingText } from './translations.js';

/** What a partner fills in when a definition is served: its teams and the name for `{organisatie}`. */
export interface Materialize {
  teams: { id: string; name: string }[];
  organisatie: string | Text;
}

/**
 * The definition as one partner's clients see it: placeholders filled and team options listed.
 * Answers are validated against this, so a team id is valid exactly when the partner has that team.
 */
export function materialize<Q extends { sections: Section[]; title: Text; intro?: Text }>(q: Q, m: Materialize): Q {
  const values = { organisatie: m.organisatie };
  const fillItem = (item: Item): Item => {
    const filled = { ...item, text: fillText(item.text, values), ...(item.help ? { help: fillText(item.help, values) } : {}) };
    if (filled.type === 'keuze' || filled.type === 'meerkeuze') {
      const options = filled.options.map((o) => ({ ...o, text: fillText(o.text, values) }));
      if (filled.type === 'keuze' && filled.optionsFrom === 'teams') {
        // A team's name is a Dutch name in every language.
        const teams = m.teams.map((t) => ({ id: t.id, text: { nl: t.name } }));
        return { ...filled, options: [...teams, ...options.filter((o) => !m.teams.some((t) => t.id === o.id))] };
      }
      return { ...filled, options } as Item;
    }
    return filled;
  };
  return {
    ...q,
    title: fillText(q.title, values),
    ...(q.intro ? { intro: fillText(q.intro, values) } : {}),
    sections: q.sections.map((s) => ({ ...s, title: fillText(s.title, values), items: s.items.map(fillItem) })),
  };
}

/**
 * What keeps trends valid across versions: an item id that an earlier version had must keep its type,
 * because answers on the old and new scale would be counted together. Text, help, options and order
 * may change; a changed question gets a new id.
 */
export function versionIssues(
  earlier: { version: number; definition: { sections: Section[] } }[],
  next: { sections: Section[] },
): ErrorIssue[] {
  const before = new Map<string, { type: ItemType; version: number }>();
  for (const { version, definition } of [...earlier].sort((a, b) => a.version - b.version)) {
    for (const item of allItems(definition)) before.set(item.id, { type: item.type, version });
  }
  const issues: ErrorIssue[] = [];
  next.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      const old = before.get(item.id);
      if (old && old.type !== item.type) {
        issues.push({
          code: 'incompatible_change',
          item: item.id,
          path: ['sections', s, 'items', i, 'type'],
          message: `${item.id} was a ${old.type} in version ${old.version}; give a ${item.type} a new id`,
        });
      }
    }),
  );
  return issues;
}
