import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Aggregate, ReportLabels } from '../../schemas/aggregate.js';
import { TABLE_COLUMNS, aggregateTable, excelCsv, lineCells, type TableNames } from './aggregate-table.js';

const a: Aggregate = {
  n: 40,
  k: 10,
  items: {
    tot_cijfer: {
      type: 'cijfer',
      n: 40,
      indicatief: false,
      mean: 8.1,
      ci95: [7.7, 8.5],
      sd: 1.2,
      pctOnvoldoende: 5,
      pctAchtOfHoger: 70,
      ci95Pct: { onvoldoende: [1.4, 16.5], achtOfHoger: [54.6, 81.9] },
      distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1, '6': 4, '7': 6, '8': 12, '9': 10, '10': 6 },
    },
    mw_serieus: {
      type: 'stelling',
      n: 30,
      indicatief: false,
      nWeetNiet: 10,
      pctWeetNiet: 25,
      weetNietFlag: true,
      pct: { eens: 80, neutraal: 10, oneens: 10 },
      ci95: { eens: [62.7, 90.5], neutraal: [2.1, 26.5], oneens: [2.1, 26.5] },
      pctDetail: { helemaal_eens: 40, eens: 40, neutraal: 10, oneens: 6.7, helemaal_oneens: 3.3 },
      ci95Detail: {
        helemaal_eens: [22.7, 59.4],
        eens: [22.7, 59.4],
        neutraal: [2.1, 26.5],
        oneens: [0.8, 22.1],
        helemaal_oneens: [0.1, 17.2],
      },
    },
    ctx_team: {
      type: 'keuze',
      n: 40,
      indicatief: false,
      pct: { centrum: 70, weet_niet: 30 },
      ci95: { centrum: [54.6, 81.9], weet_niet: [18.1, 45.4] },
      counts: { centrum: 28, weet_niet: 12 },
    },
    tot_beter: { suppressed: true },
  },
  groups: [
    { key: 'centrum', n: 28, indicatief: true, items: { tot_cijfer: { suppressed: true } } },
    { key: 'oost', suppressed: true },
  ],
};
const labels: ReportLabels = {
  teams: { centrum: 'Centrum', oost: 'Oost' },
  items: {
    tot_cijfer: { type: 'cijfer', section: 's', text: { nl: 'Welk rapportcijfer geeft u het sociaal team?', en: '' } },
    mw_serieus: { type: 'stelling', section: 's', text: { nl: 'De medewerker nam mij serieus.', en: '' } },
    ctx_team: {
      type: 'keuze',
      section: 's',
      context: 'team',
      text: { nl: 'Welk team?', en: '' },
      options: { weet_niet: { nl: 'Weet ik niet', en: '' } },
    },
    tot_beter: { type: 'open', section: 's', text: { nl: '=Wat kan beter?', en: '' } },
  },
};
const names: TableNames = { labels, partners: {} };
const lines = aggregateTable(a, names, 'team');
const find = (group: string, item: string, measure: string) =>
  lines.find((l) => l.group === group && l.item === item && l.measure === measure);

describe('aggregateTable', () => {
  it('names every figure in Dutch, with its unit, base and interval', () => {
    expect(find('Totaal', 'tot_cijfer', 'Gemiddeld cijfer')).toMatchObject({
      value: 8.1,
      unit: 'gemiddelde',
      low: 7.7,
      high: 8.5,
      n: 40,
      groupN: 40,
      type: 'rapportcijfer',
      question: 'Welk rapportcijfer geeft u het sociaal team?',
    });
    expect(find('Totaal', 'tot_cijfer', 'Onvoldoende (5 of lager)')).toMatchObject({ value: 5, unit: '%', low: null });
    expect(find('Totaal', 'tot_cijfer', 'Cijfer 8')).toMatchObject({ value: 12, unit: 'aantal' });
    expect(find('Totaal', 'mw_serieus', 'Helemaal mee eens')).toMatchObject({ value: 40, unit: '%', n: 30 });
    expect(find('Totaal', 'mw_serieus', '(Helemaal) mee eens')).toMatchObject({ value: 80, note: expect.stringContaining('weet niet') });
    // Weet niet is counted of every answer, not of those with an opinion.
    expect(find('Totaal', 'mw_serieus', 'Weet ik niet / niet van toepassing')).toMatchObject({ value: 10, unit: 'aantal', n: 40 });
    expect(lines.filter((l) => l.item === 'ctx_team' && l.measure === 'Centrum').map((l) => [l.value, l.unit])).toEqual([
      [70, '%'],
      [28, 'aantal'],
    ]);
    expect(lines.filter((l) => l.item === 'ctx_team' && l.measure === 'Weet ik niet').map((l) => l.value)).toEqual([30, 12]);
  });

  it('marks hidden cells and groups as onderdrukt, with no figure at all', () => {
    expect(find('Totaal', 'tot_beter', '')).toMatchObject({
      suppressed: true,
      value: null,
      n: null,
      note: 'te weinig reacties',
      type: 'open vraag',
    });
    expect(lines.filter((l) => l.group === 'Centrum')).toEqual([
      expect.objectContaining({ item: 'tot_cijfer', suppressed: true, groupN: 28, value: null }),
    ]);
    expect(lines.filter((l) => l.group === 'Oost')).toEqual([
      expect.objectContaining({ item: '', suppressed: true, groupN: null, n: null }),
    ]);
  });

  it('writes the Excel CSV with semicolons, decimal commas, Dutch headers and formula-safe text', () => {
    const text = excelCsv(lines);
    expect(text.startsWith('\uFEFFGroep;Reacties in groep;Vraag;')).toBe(true);
    expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true);
    const rows: string[][] = parse(text.slice(1), { delimiter: ';' });
    expect(rows[0]).toEqual([...TABLE_COLUMNS]);
    const byMeasure = (item: string, measure: string) => rows.find((r) => r[3] === item && r[5] === measure)!;
    expect(byMeasure('tot_cijfer', 'Gemiddeld cijfer')).toEqual([
      'Totaal',
      '40',
      'Welk rapportcijfer geeft u het sociaal team?',
      'tot_cijfer',
      'rapportcijfer',
      'Gemiddeld cijfer',
      '8,1',
      'gemiddelde',
      '7,7',
      '8,5',
      '40',
      '',
    ]);
    expect(byMeasure('mw_serieus', 'Mee oneens')[6]).toBe('6,7');
    expect(byMeasure('tot_beter', '')).toEqual([
      'Totaal',
      '40',
      "'=Wat kan beter?",
      'tot_beter',
      'open vraag',
      '',
      'onderdrukt',
      '',
      '',
      '',
      '',
      'te weinig reacties',
    ]);
  });

  it('gives the workbook percentages as fractions with a percent format', () => {
    const cells = lineCells(find('Totaal', 'mw_serieus', 'Mee oneens')!);
    expect(cells[6]).toEqual({ number: 0.067, format: 'percent1' });
    expect(lineCells(find('Totaal', 'tot_cijfer', 'Gemiddeld cijfer')!).slice(6, 10)).toEqual([
      { number: 8.1, format: 'decimal1' },
      'gemiddelde',
      { number: 7.7, format: 'decimal1' },
      { number: 8.5, format: 'decimal1' },
    ]);
    // The workbook holds text as text cells, so a question starting with = needs no apostrophe there.
    expect(lineCells(find('Totaal', 'tot_beter', '')!)[2]).toBe('=Wat kan beter?');
  });
});
