import type { Aggregate, ItemCell, ItemFigures, ReportLabels } from '../../schemas/aggregate.js';
import { AANRADEN_VALUES, CIJFER_VALUES, NPS_VALUES, OPINION_VALUES, UNKNOWN_GROUP, languageName } from '../../schemas/constants.js';
import type { GroupBy } from '../ledger-types.js';
import { AANRADEN_CODES, LABELS, STELLING_CODES } from './codebook.js';
import { BOM, excelCsvRow } from './csv.js';
import type { XlsxCell } from './xlsx.js';

/**
 * The aggregate as a Dutch table for people who work in a spreadsheet: one figure per line, with the
 * question, a Dutch name for the figure, its unit, its base n and, where there is one, its interval.
 * The Excel CSV and the Excel workbook are both written from these lines.
 */

/** Units of a figure; a percentage is in percent (45.5), as in the JSON. */
export type Unit = '%' | 'aantal' | 'gemiddelde' | 'standaardafwijking' | 'score';

export interface TableLine {
  group: string;
  groupN: number | null;
  question: string;
  item: string;
  type: string;
  measure: string;
  /** A hidden cell or group: no figure, no count. */
  suppressed: boolean;
  value: number | null;
  unit: Unit | null;
  low: number | null;
  high: number | null;
  n: number | null;
  note: string;
}

export const TABLE_COLUMNS = [
  'Groep',
  'Reacties in groep',
  'Vraag',
  'Vraagcode',
  'Soort vraag',
  'Maat',
  'Waarde',
  'Eenheid',
  'Ondergrens 95%-interval',
  'Bovengrens 95%-interval',
  'Basis (n)',
  'Opmerking',
] as const;

/** What a hidden cell says in place of its figure, with the reason beside it. */
export const SUPPRESSED = { value: 'onderdrukt', note: 'te weinig reacties' } as const;
const INDICATIEF = 'indicatief (minder dan 30 reacties)';
const MANY_WEET_NIET = "veel 'weet niet' (20% of meer van de antwoorden)";
const WEET_NIET_INCLUDED = "inclusief 'weet niet': 20% of meer van de antwoorden, daarom meegeteld als antwoord";
const TOTAL = 'Totaal';

const TYPE_NAMES: Record<ItemFigures['type'], string> = {
  cijfer: 'rapportcijfer',
  stelling: 'stelling',
  aanraden: 'aanraden',
  nps: 'aanbevelen (0-10)',
  keuze: 'keuze',
  meerkeuze: 'meerkeuze',
  open: 'open vraag',
};

interface Figure {
  measure: string;
  value: number;
  unit: Unit;
  interval?: readonly [number, number];
  /** When the base is not the cell's n (weet niet is counted of every answer). */
  n?: number;
}

type Option = (id: string) => string;

/** The figures of one cell, in reading order, each with its Dutch name. */
const FIGURES: { [T in ItemFigures['type']]: (f: Extract<ItemFigures, { type: T }>, option: Option) => Figure[] } = {
  cijfer: (f) => [
    { measure: 'Gemiddeld cijfer', value: f.mean, unit: 'gemiddelde', interval: f.ci95 },
    { measure: 'Standaardafwijking', value: f.sd, unit: 'standaardafwijking' },
    { measure: 'Onvoldoende (5 of lager)', value: f.pctOnvoldoende, unit: '%' },
    { measure: '8 of hoger', value: f.pctAchtOfHoger, unit: '%' },
    ...CIJFER_VALUES.map((v) => ({ measure: `Cijfer ${v}`, value: f.distribution[v], unit: 'aantal' as const })),
  ],
  stelling: (f) => [
    { measure: '(Helemaal) mee eens', value: f.pct.eens, unit: '%' },
    { measure: 'Neutraal', value: f.pct.neutraal, unit: '%' },
    { measure: '(Helemaal) mee oneens', value: f.pct.oneens, unit: '%' },
    ...OPINION_VALUES.map((v) => ({ measure: STELLING_CODES[v][1], value: f.pctDetail[v], unit: '%' as const })),
    { measure: STELLING_CODES.weet_niet[1], value: f.nWeetNiet, unit: 'aantal', n: f.n + f.nWeetNiet },
    { measure: `${STELLING_CODES.weet_niet[1]} (van alle antwoorden)`, value: f.pctWeetNiet, unit: '%', n: f.n + f.nWeetNiet },
  ],
  aanraden: (f) => AANRADEN_VALUES.map((v) => ({ measure: AANRADEN_CODES[v][1], value: f.pct[v], unit: '%' as const })),
  nps: (f) => [
    { measure: 'Gemiddelde score', value: f.mean, unit: 'gemiddelde' },
    { measure: 'NPS (promotors min criticasters)', value: f.score, unit: 'score' },
    { measure: 'Promotors (9-10)', value: f.pct.promoters, unit: '%' },
    { measure: 'Passief (7-8)', value: f.pct.passives, unit: '%' },
    { measure: 'Criticasters (0-6)', value: f.pct.detractors, unit: '%' },
    ...NPS_VALUES.map((v) => ({ measure: `Score ${v}`, value: f.distribution[v], unit: 'aantal' as const })),
  ],
  keuze: (f, option) => choiceFigures(f, option),
  meerkeuze: (f, option) => choiceFigures(f, option),
  open: (f) => [{ measure: 'Aantal antwoorden', value: f.n, unit: 'aantal' }],
};

function choiceFigures(f: { pct: Record<string, number>; counts: Record<string, number> }, option: Option): Figure[] {
  return Object.keys(f.pct).flatMap((id) => [
    { measure: option(id), value: f.pct[id], unit: '%' as const },
    { measure: option(id), value: f.counts[id] ?? 0, unit: 'aantal' as const },
  ]);
}

function figuresOf(cell: ItemFigures, option: Option): Figure[] {
  return (FIGURES[cell.type] as (f: ItemFigures, option: Option) => Figure[])(cell, option);
}

export interface TableNames {
  labels: ReportLabels;
  /** Partner id → name, for a breakdown by partner. */
  partners: Record<string, string>;
}

/** A wijk as the questionnaire's wijk item names it. */
function wijkName(labels: ReportLabels, key: string): string {
  const item = Object.values(labels.items).find((i) => i.context === 'wijk');
  return item?.options?.[key]?.nl ?? key;
}

/** The Dutch name of a group key in a breakdown. */
export function groupName(groupBy: GroupBy | undefined, key: string, names: TableNames): string {
  if (key === UNKNOWN_GROUP) return 'Onbekend';
  switch (groupBy) {
    case 'team':
      return names.labels.teams[key] ?? key;
    case 'partner':
      return names.partners[key] ?? key;
    case 'contact':
    case 'status':
    case 'role':
    case 'channel':
    case 'leeftijd':
      return (LABELS[groupBy] as Record<string, string>)[key] ?? key;
    case 'wijk':
      return wijkName(names.labels, key);
    case 'language':
      return languageName(key, 'nl');
    default:
      return key;
  }
}

/** The lines of an aggregate: the whole selection first ("Totaal"), then each group of a breakdown. */
export function aggregateTable(a: Aggregate, names: TableNames, groupBy?: GroupBy): TableLine[] {
  const { labels } = names;
  const question = (item: string) => labels.items[item]?.text.nl ?? item;
  const option = (item: string): Option => {
    const options = labels.items[item]?.options ?? {};
    const teams = labels.items[item]?.context === 'team' ? labels.teams : {};
    return (id) => options[id]?.nl ?? teams[id] ?? id;
  };
  const blank = {
    question: '',
    item: '',
    type: '',
    measure: '',
    value: null,
    unit: null,
    low: null,
    high: null,
    n: null,
    suppressed: true,
    note: SUPPRESSED.note,
  };
  const cellLines = (group: string, groupN: number | null, item: string, cell: ItemCell): TableLine[] => {
    const head = { group, groupN, question: question(item), item };
    if ('suppressed' in cell) {
      const type = labels.items[item]?.type;
      return [{ ...blank, ...head, type: type && type in TYPE_NAMES ? TYPE_NAMES[type as ItemFigures['type']] : '' }];
    }
    const notes = [
      cell.indicatief ? INDICATIEF : '',
      cell.type === 'stelling' && cell.weetNietFlag ? (cell.weetNietIncluded ? WEET_NIET_INCLUDED : MANY_WEET_NIET) : '',
    ]
      .filter(Boolean)
      .join('; ');
    return figuresOf(cell, option(item)).map((f) => ({
      ...head,
      suppressed: false,
      type: TYPE_NAMES[cell.type],
      measure: f.measure,
      value: f.value,
      unit: f.unit,
      low: f.interval?.[0] ?? null,
      high: f.interval?.[1] ?? null,
      n: f.n ?? cell.n,
      note: notes,
    }));
  };
  const lines = Object.entries(a.items).flatMap(([item, cell]) => cellLines(TOTAL, a.n ?? null, item, cell));
  for (const g of a.groups ?? []) {
    const group = groupName(groupBy, g.key, names);
    if ('suppressed' in g) lines.push({ ...blank, group, groupN: null });
    else lines.push(...Object.entries(g.items).flatMap(([item, cell]) => cellLines(group, g.n, item, cell)));
  }
  return lines;
}

function lineFields(l: TableLine): (string | number | null)[] {
  const value = l.suppressed ? SUPPRESSED.value : l.value;
  return [l.group, l.groupN, l.question, l.item, l.type, l.measure, value, l.unit, l.low, l.high, l.n, l.note];
}

/** The table as Dutch Excel opens it with a double click: BOM, semicolons, decimal commas, CRLF. */
export function excelCsv(lines: readonly TableLine[]): string {
  return BOM + excelCsvRow(TABLE_COLUMNS) + lines.map((l) => excelCsvRow(lineFields(l))).join('');
}

/** Number formats per unit: a percentage cell holds the fraction (0.455) and shows 45.5%. */
function valueCell(value: number, unit: Unit | null): XlsxCell {
  switch (unit) {
    case '%':
      return { number: Math.round(value * 10) / 1000, format: 'percent1' };
    case 'gemiddelde':
      return { number: value, format: 'decimal1' };
    case 'standaardafwijking':
      return { number: value, format: 'decimal2' };
    default:
      return { number: value, format: 'integer' };
  }
}

/** One table line as workbook cells. */
export function lineCells(l: TableLine): XlsxCell[] {
  const fields = lineFields(l);
  const interval = (x: number | null) => (x === null ? null : { number: x, format: 'decimal1' as const });
  return [
    ...fields.slice(0, 6),
    l.value === null ? fields[6] : valueCell(l.value, l.unit),
    l.unit,
    interval(l.low),
    interval(l.high),
    l.n,
    l.note,
  ];
}

/** What an aggregate export was asked for: the query of `GET /v1/aggregates`. */
export interface TableSelection {
  from?: string;
  to?: string;
  period?: string;
  team?: string;
  partner?: string;
  contact?: string;
  status?: string;
  role?: string;
  channel?: string;
  leeftijd?: string;
  wijk?: string;
  language?: string;
  groupBy?: GroupBy;
}

const GROUP_BY_NAMES: Record<GroupBy, string> = {
  team: 'team',
  partner: 'partner',
  contact: 'soort contact',
  status: 'hulp afgerond of niet',
  role: 'ingevuld voor',
  channel: 'kanaal',
  leeftijd: 'leeftijd',
  wijk: 'wijk',
  language: 'taal',
  day: 'dag',
  week: 'week',
  month: 'maand',
  quarter: 'kwartaal',
  year: 'jaar',
};
const PERIOD_NAMES: Record<string, string> = {
  day: 'vandaag',
  week: 'deze week',
  month: 'deze maand',
  quarter: 'dit kwartaal',
  year: 'dit jaar',
};

/** The "Toelichting" of the workbook: what was selected, and how to read the table, in Dutch and English. */
export function aboutTable(
  a: Aggregate,
  names: TableNames,
  q: TableSelection & { questionnaire: string },
  today: string,
): [string, XlsxCell][] {
  const filters = (['team', 'partner', 'contact', 'status', 'role', 'channel', 'leeftijd', 'wijk', 'language'] as const)
    .filter((f) => q[f] !== undefined)
    .map((f) => `${GROUP_BY_NAMES[f]}: ${groupName(f, q[f]!, names)}`);
  const period = q.period
    ? PERIOD_NAMES[q.period]
    : q.from || q.to
      ? `${q.from ?? 'begin'} tot en met ${q.to ?? 'vandaag'}`
      : 'alle reacties';
  const title = names.labels.title?.nl;
  return [
    ['Vragenlijst', title ? `${title} (${q.questionnaire})` : q.questionnaire],
    ['Periode', period],
    ['Selectie', filters.length ? filters.join('; ') : 'alle teams en kanalen'],
    ['Uitgesplitst naar', q.groupBy ? GROUP_BY_NAMES[q.groupBy] : 'niet uitgesplitst'],
    ['Reacties in de selectie', a.n],
    ['Kleinste groep die getoond wordt (k)', a.k],
    ['Gemaakt op', { date: today }],
    ['', ''],
    [
      'Hoe lees ik dit?',
      'Elke regel op het blad Cijfers is één cijfer, met de vraag, de maat, de eenheid en het aantal reacties waarop het berust (Basis).',
    ],
    [
      SUPPRESSED.value,
      `${SUPPRESSED.note}: minder dan ${a.k} reacties, of een cel waaruit anders een verborgen cel terug te rekenen is. Zo blijft iedereen anoniem.`,
    ],
    ['indicatief', `Tussen ${a.k} en 30 reacties: lees het cijfer als een aanwijzing.`],
    [
      'Percentages',
      "Van wie de vraag beantwoordde; bij stellingen van wie een mening gaf ('weet niet' staat apart). Bij meerkeuze kan het totaal boven 100% komen.",
    ],
    [
      'In English',
      'One figure per row on the sheet Cijfers. "onderdrukt" = suppressed (too few responses); "indicatief" = fewer than 30 responses. Percentages are of those who answered; for stellingen of those with an opinion.',
    ],
  ];
}
