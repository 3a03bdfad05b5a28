import type { Aggregate, ItemCell } from '../../schemas/aggregate.js';
import { csvRow } from './csv.js';

/** Header of the aggregate export: one figure per line ("long" format, as R's tidyverse and SPSS's CASESTOVARS expect). */
export const AGGREGATE_COLUMNS = ['group', 'group_n', 'item', 'type', 'n', 'indicatief', 'suppressed', 'measure', 'value'] as const;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Every number of a cell as [measure, value], nested keys joined with '_': pct.eens → pct_eens. */
function measures(figures: Record<string, unknown>, prefix = ''): [string, string | number][] {
  const out: [string, string | number][] = [];
  for (const [key, value] of Object.entries(figures)) {
    // Figures that are the row's own columns; open texts are left to the responses export.
    if (!prefix && ['type', 'n', 'indicatief', 'texts'].includes(key)) continue;
    const name = prefix + snake(key);
    if (typeof value === 'number') out.push([name, value]);
    else if (typeof value === 'boolean') out.push([name, value ? 1 : 0]);
    // Intervals ([low, high]) sit at every level: ci95, ci95.eens, ci95Pct.onvoldoende.
    else if (Array.isArray(value)) out.push([`${name}_low`, value[0] as number], [`${name}_high`, value[1] as number]);
    else if (value && typeof value === 'object') out.push(...measures(value as Record<string, unknown>, `${name}_`));
  }
  return out;
}

function cellRows(group: string, groupN: number | '', item: string, cell: ItemCell): string[] {
  if ('suppressed' in cell) return [csvRow([group, groupN, item, '', '', '', 1, '', ''])];
  const figures = measures(cell);
  // An open item has no figure but its n: one line keeps that count in the table.
  if (figures.length === 0) return [csvRow([group, groupN, item, cell.type, cell.n, cell.indicatief, 0, '', ''])];
  return figures.map(([measure, value]) => csvRow([group, groupN, item, cell.type, cell.n, cell.indicatief, 0, measure, value]));
}

/**
 * An aggregate as CSV lines. The whole selection has group '' ; a suppressed group is one line with
 * suppressed = 1 and no counts, exactly as the JSON hides it, so a CSV gives away nothing the API hides.
 */
export function aggregateCsv(a: Aggregate): string {
  const lines = [csvRow(AGGREGATE_COLUMNS)];
  for (const [item, cell] of Object.entries(a.items)) lines.push(...cellRows('', a.n ?? '', item, cell));
  for (const g of a.groups ?? []) {
    if ('suppressed' in g) {
      lines.push(csvRow([g.key, '', '', '', '', '', 1, '', '']));
      continue;
    }
    for (const [item, cell] of Object.entries(g.items)) lines.push(...cellRows(g.key, g.n, item, cell));
  }
  return lines.join('');
}
