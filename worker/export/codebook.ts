import {
  ANSWERED,
  STELLING_VALUES,
  AANRADEN_VALUES,
  CHANNELS,
  CONTACT_VALUES,
  LANGUAGE_INFO,
  LANGUAGES,
  LEEFTIJD_VALUES,
  ORGANISATIE_IN_GENERAL,
  ROLE_VALUES,
  STATUS_VALUES,
  WEET_NIET,
  type Language,
} from '../../schemas/constants.js';
import { assertNever } from '../../schemas/logic.js';
import { allItems, fillText, type Item, type Section, type Text } from '../../schemas/questionnaire.js';
import { FLAG_FAST, type LedgerRecord } from '../ledger-types.js';
import { csvRow, spssText } from './csv.js';

/** A coded value and its Dutch label. */
export interface ValueLabel {
  code: number | string;
  /** The answer as the API stores it (option id, `weet_niet`, …). */
  value: string;
  label: string;
}

/** One column of the responses CSV, described as SPSS and the codebook need it. */
export interface Variable {
  name: string;
  label: string;
  /** Item id and type, or 'context' / 'meta' for the fixed columns. */
  item: string;
  /** The option a meerkeuze item's 0/1 column stands for. */
  option?: string;
  kind: string;
  format: { type: 'string'; width: number } | { type: 'numeric'; width: number } | { type: 'date' };
  level: 'nominal' | 'ordinal' | 'scale';
  values: ValueLabel[];
  /** User-missing codes ("weet niet"): left out of SPSS statistics, listed in the codebook. */
  missing: number[];
  /** The coded cell of one response; '' when there is no answer. */
  encode: (rec: LedgerRecord) => string;
}

export interface CodebookInput {
  /** Published definitions, oldest first: codes follow first appearance, so a new version never renumbers. */
  versions: { sections: Section[] }[];
  teams: { id: string; name: string; partner_id: string }[];
  partners: { id: string; name: string }[];
  /** False for a jeugd questionnaire: the Jeugdwet forbids results per aanbieder, so the microdata has no partner column. */
  perPartner?: boolean;
  /** Answer values met in the data per item (from the cube), so codes cover values no definition lists. */
  seen?: ReadonlyMap<string, Iterable<string>>;
}

/** The code of "weet niet" in a stelling, declared user-missing. */
export const WEET_NIET_CODE = 9;

/** Stelling points, coded so that a higher number means more agreement. */
export const STELLING_CODES: Record<(typeof STELLING_VALUES)[number], [number, string]> = {
  helemaal_oneens: [1, 'Helemaal mee oneens'],
  oneens: [2, 'Mee oneens'],
  neutraal: [3, 'Niet mee eens, niet mee oneens'],
  eens: [4, 'Mee eens'],
  helemaal_eens: [5, 'Helemaal mee eens'],
  weet_niet: [WEET_NIET_CODE, 'Weet ik niet / niet van toepassing'],
};
/** Aanraden coded so that a higher number means more willing to recommend. */
export const AANRADEN_CODES: Record<(typeof AANRADEN_VALUES)[number], [number, string]> = {
  nee: [1, 'Nee'],
  misschien: [2, 'Misschien'],
  ja: [3, 'Ja'],
};

/** Dutch names of the context values, as the exports show them. */
export const LABELS = {
  channel: { web: 'Internet', telefoon: 'Telefonisch interview', papier: 'Papieren vragenlijst' } satisfies Record<
    (typeof CHANNELS)[number],
    string
  >,
  contact: { kort: 'Kort gesprek voor informatie of advies', lang: 'Langere tijd hulp', weet_niet: 'Weet ik niet' } satisfies Record<
    (typeof CONTACT_VALUES)[number],
    string
  >,
  status: { afgerond: 'Hulp afgerond', loopt: 'Hulp loopt nog', weet_niet: 'Weet ik niet' } satisfies Record<
    (typeof STATUS_VALUES)[number],
    string
  >,
  role: {
    zelf: 'Voor mezelf',
    kind: 'Voor mijn kind',
    zorg: 'Voor iemand voor wie ik zorg',
    anders: 'Voor iemand anders',
  } satisfies Record<(typeof ROLE_VALUES)[number], string>,
  leeftijd: {
    jonger_dan_45: 'Jonger dan 45 jaar',
    '45_64': '45 tot en met 64 jaar',
    '65_plus': '65 jaar of ouder',
    weet_niet: 'Zeg ik liever niet',
  } satisfies Record<(typeof LEEFTIJD_VALUES)[number], string>,
  language: Object.fromEntries(LANGUAGES.map((l) => [l, LANGUAGE_INFO[l].nl])) as Record<Language, string>,
};

/** The gemeente's wijken as its questionnaires list them (the options of a wijk item), newest wording first. */
export function wijkenOf(versions: { sections: Section[] }[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const def of [...versions].reverse()) {
    for (const section of def.sections) {
      for (const item of section.items) {
        if (item.type !== 'keuze' || item.context !== 'wijk') continue;
        for (const o of item.options) names[o.id] ??= o.text.nl;
      }
    }
  }
  return names;
}

/** SPSS keywords that cannot name a variable. */
const RESERVED = new Set(['all', 'and', 'by', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'not', 'or', 'to', 'with']);

/** Hands out names valid in SPSS and R (letter first; letters, digits, _; at most 64 bytes) and unique. */
function namer() {
  const used = new Set<string>();
  return (wanted: string): string => {
    let base = wanted.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60);
    if (!/^[A-Za-z]/.test(base)) base = `v_${base}`.slice(0, 60);
    if (RESERVED.has(base.toLowerCase())) base = `${base}_`;
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    used.add(name.toLowerCase());
    return name;
  };
}

// Labels are read outside any partner: {organisatie} reads as on the dashboard.
const dutch = (text: Text) => fillText(text, { organisatie: ORGANISATIE_IN_GENERAL }).nl;

/** Items of all versions: the latest first in its order, then items only earlier versions had; options merged. */
function mergedItems(versions: { sections: Section[] }[]): Item[] {
  const byId = new Map<string, Item>();
  const optionOrder = new Map<string, Map<string, string>>();
  for (const v of versions) {
    for (const item of allItems(v)) {
      byId.set(item.id, item);
      if (item.type === 'keuze' || item.type === 'meerkeuze') {
        const opts = optionOrder.get(item.id) ?? new Map<string, string>();
        for (const o of item.options) opts.set(o.id, dutch(o.text));
        optionOrder.set(item.id, opts);
      }
    }
  }
  const latest = versions.length ? allItems(versions[versions.length - 1]).map((i) => i.id) : [];
  const order = [...latest, ...[...byId.keys()].filter((id) => !latest.includes(id))];
  return order.map((id) => {
    const item = byId.get(id)!;
    if (item.type !== 'keuze' && item.type !== 'meerkeuze') return item;
    const options = [...optionOrder.get(id)!].map(([oid, nl]) => ({ id: oid, text: { nl, en: nl } }));
    return { ...item, options };
  });
}

function stringVar(name: string, label: string, width: number, values: ValueLabel[], get: (r: LedgerRecord) => string): Variable {
  return {
    name,
    label,
    item: 'context',
    kind: 'context',
    format: { type: 'string', width },
    level: 'nominal',
    values,
    missing: [],
    encode: get,
  };
}

function labelled<V extends string>(labels: Record<V, string>): ValueLabel[] {
  return Object.entries<string>(labels).map(([value, label]) => ({ code: value, value, label }));
}

/**
 * The columns of the responses export: fixed columns, then one per item (one 0/1 column per option of
 * a meerkeuze item). The CSV, the SPSS syntax and the codebook are all written from this one list.
 */
export function buildCodebook(input: CodebookInput): Variable[] {
  const name = namer();
  const answer = (r: LedgerRecord, id: string) => (Object.hasOwn(r.answers, id) ? r.answers[id] : undefined);
  const vars: Variable[] = [
    { ...stringVar(name('submission_id'), 'Inzending (willekeurige code)', 36, [], (r) => r.submissionId), item: 'meta', kind: 'meta' },
    {
      name: name('version'),
      label: 'Versie van de vragenlijst',
      item: 'meta',
      kind: 'meta',
      format: { type: 'numeric', width: 4 },
      level: 'nominal',
      values: [],
      missing: [],
      encode: (r) => String(r.version),
    },
    {
      name: name('day'),
      label: 'Dag van invullen of interview (Nederlandse tijd)',
      item: 'meta',
      kind: 'meta',
      format: { type: 'date' },
      level: 'scale',
      values: [],
      missing: [],
      encode: (r) => r.day,
    },
    stringVar(name('channel'), 'Kanaal', 8, labelled(LABELS.channel), (r) => r.dims.channel),
    // Empty for responses from before the language was kept.
    stringVar(name('language'), 'Taal van invullen', 2, labelled(LABELS.language), (r) => r.dims.language),
    ...(input.perPartner === false
      ? []
      : [
          stringVar(
            name('partner'),
            'Partner',
            64,
            input.partners.map((p) => ({ code: p.id, value: p.id, label: p.name })),
            (r) => r.dims.partner,
          ),
        ]),
    stringVar(
      name('team'),
      'Team',
      64,
      input.teams.map((t) => ({ code: t.id, value: t.id, label: t.name })),
      (r) => r.dims.team,
    ),
    stringVar(name('contact'), 'Soort contact', 9, labelled(LABELS.contact), (r) => r.dims.contact),
    stringVar(name('status'), 'Hulp afgerond?', 9, labelled(LABELS.status), (r) => r.dims.status),
    stringVar(name('role'), 'Ingevuld voor', 6, labelled(LABELS.role), (r) => r.dims.role),
    stringVar(name('leeftijd'), 'Leeftijd', 13, labelled(LABELS.leeftijd), (r) => r.dims.leeftijd),
    stringVar(name('wijk'), 'Wijk', 64, labelled(wijkenOf(input.versions)), (r) => r.dims.wijk),
    {
      name: name('fast'),
      label: 'Opvallend snel ingevuld',
      item: 'meta',
      kind: 'meta',
      format: { type: 'numeric', width: 1 },
      level: 'nominal',
      values: [
        { code: 0, value: '0', label: 'Nee' },
        { code: 1, value: '1', label: 'Ja' },
      ],
      missing: [],
      encode: (r) => ((r.flags & FLAG_FAST) !== 0 ? '1' : '0'),
    },
  ];

  for (const item of mergedItems(input.versions)) {
    const label = dutch(item.text);
    const base = { item: item.id, kind: item.type, label };
    switch (item.type) {
      case 'cijfer':
      case 'nps': {
        const values =
          item.type === 'cijfer'
            ? [
                { code: 1, value: '1', label: '1 heel slecht' },
                { code: 10, value: '10', label: '10 heel goed' },
              ]
            : [
                { code: 0, value: '0', label: '0 zeer onwaarschijnlijk' },
                { code: 10, value: '10', label: '10 zeer waarschijnlijk' },
              ];
        vars.push({
          ...base,
          name: name(item.id),
          format: { type: 'numeric', width: 2 },
          level: 'scale',
          values,
          missing: [],
          encode: (r) => (typeof answer(r, item.id) === 'number' ? String(answer(r, item.id)) : ''),
        });
        break;
      }
      case 'stelling':
      case 'aanraden': {
        const codes: Record<string, [number, string]> = item.type === 'stelling' ? STELLING_CODES : AANRADEN_CODES;
        vars.push({
          ...base,
          name: name(item.id),
          format: { type: 'numeric', width: 1 },
          level: 'ordinal',
          values: Object.entries(codes)
            .map(([value, [code, l]]) => ({ code, value, label: l }))
            .sort((a, b) => a.code - b.code),
          missing: item.type === 'stelling' ? [WEET_NIET_CODE] : [],
          encode: (r) => {
            const v = answer(r, item.id);
            return typeof v === 'string' && Object.hasOwn(codes, v) ? String(codes[v][0]) : '';
          },
        });
        break;
      }
      case 'keuze': {
        const options: { id: string; label: string }[] = [];
        const add = (id: string, l: string) => options.some((o) => o.id === id) || options.push({ id, label: l });
        if (item.optionsFrom === 'teams') for (const t of input.teams) add(t.id, t.name);
        for (const o of item.options) add(o.id, dutch(o.text));
        for (const v of [...(input.seen?.get(item.id) ?? [])].filter((v) => v !== ANSWERED).sort()) add(v, v);
        const others = options.filter((o) => o.id !== WEET_NIET);
        // "Weet niet" gets the customary 9 as long as the real options fit below it.
        const missingCode = others.length < WEET_NIET_CODE ? WEET_NIET_CODE : 99;
        const values: ValueLabel[] = [];
        let next = 1;
        for (const o of others) {
          if (next === missingCode) next++;
          values.push({ code: next++, value: o.id, label: o.label });
        }
        const weetNiet = options.find((o) => o.id === WEET_NIET);
        if (weetNiet) values.push({ code: missingCode, value: WEET_NIET, label: weetNiet.label });
        const codeOf = new Map(values.map((v) => [v.value, String(v.code)]));
        vars.push({
          ...base,
          name: name(item.id),
          format: { type: 'numeric', width: String(Math.max(...values.map((v) => Number(v.code)), 9)).length },
          level: 'nominal',
          values,
          missing: weetNiet ? [missingCode] : [],
          encode: (r) => {
            const v = answer(r, item.id);
            return typeof v === 'string' ? (codeOf.get(v) ?? '') : '';
          },
        });
        break;
      }
      case 'meerkeuze': {
        const ids = item.options.map((o) => o.id);
        const labels = new Map(item.options.map((o) => [o.id, dutch(o.text)]));
        for (const v of [...(input.seen?.get(item.id) ?? [])].filter((v) => v !== ANSWERED && !ids.includes(v)).sort()) ids.push(v);
        for (const id of ids) {
          vars.push({
            ...base,
            name: name(`${item.id}__${id}`),
            option: id,
            label: `${label} ${labels.get(id) ?? id}`,
            format: { type: 'numeric', width: 1 },
            level: 'nominal',
            values: [
              { code: 0, value: '0', label: 'Niet gekozen' },
              { code: 1, value: '1', label: 'Gekozen' },
            ],
            missing: [],
            encode: (r) => {
              const v = answer(r, item.id);
              return Array.isArray(v) ? (v.includes(id) ? '1' : '0') : '';
            },
          });
        }
        break;
      }
      case 'open':
        vars.push({
          ...base,
          name: name(item.id),
          // SPSS string widths are bytes; UTF-8 takes up to 4 per character, and 32767 is the maximum.
          format: { type: 'string', width: Math.min(32767, item.maxLength * 4) },
          level: 'nominal',
          values: [],
          missing: [],
          encode: (r) => (Object.hasOwn(r.texts, item.id) ? r.texts[item.id] : ''),
        });
        break;
      default:
        assertNever(item);
    }
  }
  return vars;
}

/** The CSV header line of the responses export. */
export function headerRow(vars: readonly Variable[]): string {
  return csvRow(vars.map((v) => v.name));
}

/**
 * One response as a CSV line: every text exactly as stored, or for SPSS (`spss`), open text on one
 * line with its line breaks escaped as the syntax restores them.
 */
export function responseRow(vars: readonly Variable[], rec: LedgerRecord, dialect: 'data' | 'spss' = 'data'): string {
  return csvRow(vars.map((v) => (dialect === 'spss' && v.kind === 'open' ? spssText(v.encode(rec)) : v.encode(rec))));
}

/** The codebook as CSV: one line per variable, and one more per coded value. */
export function codebookCsv(vars: readonly Variable[]): string {
  const head = csvRow(['variable', 'label', 'item', 'item_type', 'format', 'measure', 'code', 'value', 'value_label', 'missing']);
  const lines = vars.flatMap((v) => {
    const format = v.format.type === 'string' ? `A${v.format.width}` : v.format.type === 'date' ? 'SDATE10' : `F${v.format.width}.0`;
    const common = [v.name, v.label, v.item, v.kind, format, v.level];
    return [
      csvRow([...common, '', '', '', '']),
      ...v.values.map((val) =>
        csvRow([...common, val.code, val.value, val.label, typeof val.code === 'number' && v.missing.includes(val.code) ? 1 : 0]),
      ),
    ];
  });
  return head + lines.join('');
}
