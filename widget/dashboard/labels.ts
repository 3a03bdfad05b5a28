import { msg } from '@lit/localize';
import { TEMPLATES } from '../../schemas/bank.js';
import type { ItemInput } from '../../schemas/questionnaire.js';
import { getLocale } from '../localization.js';

/**
 * Item texts for labels. The aggregate carries figures only, and the dashboard has no site key to read
 * a served definition, so labels come from the default bank (whose ids stay stable across versions);
 * an item the bank does not know is shown by its id.
 */
const BANK = new Map<string, ItemInput>();
for (const q of Object.values(TEMPLATES)) for (const s of q.sections) for (const i of s.items) if (!BANK.has(i.id)) BANK.set(i.id, i);

export function bankItem(id: string): ItemInput | undefined {
  return BANK.get(id);
}

/** Questionnaires the reader can pick: the bank's, plus the one the page asked for. */
export function questionnaireOptions(current: string): { id: string; title: string }[] {
  const en = getLocale() === 'en';
  const list = Object.values(TEMPLATES).map((q) => ({ id: q.id, title: en ? q.title.en : q.title.nl }));
  if (!list.some((q) => q.id === current)) list.push({ id: current, title: current });
  return list;
}

/** The item's question, with `{organisatie}` read as the social teams in general. */
export function itemText(id: string): string {
  const item = BANK.get(id);
  if (!item) return id;
  const text = getLocale() === 'en' ? item.text.en : item.text.nl;
  return text.replace(/\{organisatie\}/g, msg('het sociaal team'));
}

export function optionText(itemId: string, optionId: string): string {
  const item = BANK.get(itemId);
  const option = item && 'options' in item ? item.options.find((o) => o.id === optionId) : undefined;
  if (!option) return optionId;
  return getLocale() === 'en' ? option.text.en : option.text.nl;
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
  if (key === '_onbekend') return msg('Onbekend');
  return key
    .split(/[-_]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

export function contactText(v: string): string {
  switch (v) {
    case 'kort':
      return msg('Kort gesprek (informatie of advies)');
    case 'lang':
      return msg('Langere tijd hulp');
    default:
      return msg('Weet niet');
  }
}

export function statusText(v: string): string {
  switch (v) {
    case 'afgerond':
      return msg('Hulp afgerond');
    case 'loopt':
      return msg('Hulp loopt nog');
    default:
      return msg('Weet niet');
  }
}
