import { msg } from '@lit/localize';
import { TEMPLATES } from '../../schemas/bank.js';
import type { ReportLabels } from '../../schemas/aggregate.js';
import { UNKNOWN_GROUP, type ContactValue, type Language, type StatusValue } from '../../schemas/constants.js';
import { textIn } from '../../schemas/logic.js';
import type { ItemInput } from '../../schemas/questionnaire.js';
import { getLocale } from '../localization.js';

/**
 * Fallback item texts: the default bank (whose ids stay stable across versions). The names the server
 * sends with the figures (`labels`) come first; see `Labels`.
 */
const BANK = new Map<string, ItemInput>();
for (const q of Object.values(TEMPLATES)) for (const s of q.sections) for (const i of s.items) if (!BANK.has(i.id)) BANK.set(i.id, i);

/** The dashboard speaks Dutch and English. */
const reader = (): Language => (getLocale() === 'en' ? 'en' : 'nl');

export function bankItem(id: string): ItemInput | undefined {
  return BANK.get(id);
}

/** Questionnaires the reader can pick: the bank's, plus the one the page asked for. */
export function questionnaireOptions(current: string): { id: string; title: string }[] {
  const list = Object.values(TEMPLATES).map((q) => ({ id: q.id, title: textIn(q.title, reader()).value }));
  if (!list.some((q) => q.id === current)) list.push({ id: current, title: current });
  return list;
}

/** The item's question, with `{organisatie}` read as the social teams in general. */
export function itemText(id: string): string {
  const item = BANK.get(id);
  if (!item) return id;
  return textIn(item.text, reader()).value.replace(/\{organisatie\}/g, msg('het sociaal team'));
}

export function optionText(itemId: string, optionId: string): string {
  const item = BANK.get(itemId);
  const option = item && 'options' in item ? item.options.find((o) => o.id === optionId) : undefined;
  if (!option) return optionId;
  return textIn(option.text, reader()).value;
}

/** Items that fill a context field (team, contact type, …) are filters, not results. */
export function isContextItem(id: string): boolean {
  const item = BANK.get(id);
  return !!item && item.type === 'keuze' && !!item.context;
}

export type BlockId = 'hulp_vragen' | 'medewerker' | 'opgeleverd' | 'overig';

/** The report block of a stelling, after the sections of the evaluation reports. */
export function blockOf(itemId: string): BlockId {
  if (itemId.startsWith('toe_')) return 'hulp_vragen';
  if (itemId.startsWith('mw_')) return 'medewerker';
  if (itemId.startsWith('res_')) return 'opgeleverd';
  return 'overig';
}

export const BLOCKS: readonly BlockId[] = ['hulp_vragen', 'medewerker', 'opgeleverd', 'overig'];

export function blockTitle(block: BlockId): string {
  switch (block) {
    case 'hulp_vragen':
      return msg('Hulp vragen');
    case 'medewerker':
      return msg('Tevredenheid over medewerkers');
    case 'opgeleverd':
      return msg('Tevredenheid met ondersteuning');
    case 'overig':
      return msg('Overige stellingen');
  }
}

/** A team id as a name: the demo ids are the names in lower case; unknown responses get a word. */
export function teamName(key: string): string {
  if (key === UNKNOWN_GROUP) return msg('Onbekend');
  return key
    .split(/[-_]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

const CONTACT_TEXT: Record<ContactValue, () => string> = {
  kort: () => msg('Kort gesprek (informatie of advies)'),
  lang: () => msg('Langere tijd hulp'),
  weet_niet: () => msg('Weet niet'),
};

const STATUS_TEXT: Record<StatusValue, () => string> = {
  afgerond: () => msg('Hulp afgerond'),
  loopt: () => msg('Hulp loopt nog'),
  weet_niet: () => msg('Weet niet'),
};

export function contactText(v: ContactValue): string {
  return CONTACT_TEXT[v]();
}

export function statusText(v: StatusValue): string {
  return STATUS_TEXT[v]();
}

const DIMENSION_TEXT: Record<string, () => string> = {
  partner: () => msg('partner'),
  team: () => msg('team'),
  contact: () => msg('soort contact'),
  status: () => msg('status van de hulp'),
  role: () => msg('wie invulde'),
  leeftijd: () => msg('leeftijd'),
  wijk: () => msg('wijk'),
};

/** A dimension the figures are weighted to, as a reader names it. */
export function dimensionText(d: string): string {
  return DIMENSION_TEXT[d]?.() ?? d;
}

/**
 * Names for one report: the server's `labels` (the gemeente's own questions and team names) first,
 * the default bank and the id as fallbacks.
 */
export class Labels {
  constructor(private readonly server?: ReportLabels) {}

  private get en(): boolean {
    return getLocale() === 'en';
  }

  itemText(id: string): string {
    const s = this.server?.items[id];
    return s ? (this.en ? s.text.en : s.text.nl) : itemText(id);
  }

  optionText(itemId: string, optionId: string): string {
    const o = this.server?.items[itemId]?.options?.[optionId];
    return o ? (this.en ? o.en : o.nl) : optionText(itemId, optionId);
  }

  type(id: string): string | undefined {
    return this.server?.items[id]?.type ?? bankItem(id)?.type;
  }

  isContextItem(id: string): boolean {
    const s = this.server?.items[id];
    return s ? s.context !== undefined : isContextItem(id);
  }

  /** The report block: the item's section when it is one of the report's blocks, else by id prefix. */
  blockOf(id: string): BlockId {
    const section = this.server?.items[id]?.section;
    return section && (BLOCKS as readonly string[]).includes(section) && section !== 'overig' ? (section as BlockId) : blockOf(id);
  }

  teamName(key: string): string {
    return this.server?.teams[key] ?? teamName(key);
  }

  /** The answers of the question that asks a context field (the age bands, the gemeente's wijken), in its order. */
  contextOptions(field: 'leeftijd' | 'wijk'): { id: string; text: string }[] {
    const found = Object.entries(this.server?.items ?? {}).find(([, i]) => i.context === field);
    if (!found) return [];
    const [itemId, item] = found;
    return Object.keys(item.options ?? {}).map((id) => ({ id, text: this.optionText(itemId, id) }));
  }

  questionnaireTitle(): string | undefined {
    const t = this.server?.title;
    return t && (this.en ? t.en : t.nl);
  }
}
