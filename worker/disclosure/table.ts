import { addMonth, monthCell, quarterCell, quarterStart, rolling12Cell, yearCell, type PeriodCell } from './periods.js';

/**
 * The whole table a protected audience of one partner can reach: every period cell (month, quarter,
 * year, twelve months) × every selection (the partner as a whole, or one team, contact type, status,
 * role, channel, age band or wijk), with its number of respondents. Which cells are hidden is decided here, once for
 * the table, so a cell is hidden the same way in every view that shows it: as a group of a breakdown,
 * as the total of a filtered view, as a month of a trend.
 */
export const PROTECTED_DIMS = ['team', 'contact', 'status', 'role', 'channel', 'leeftijd', 'wijk'] as const;
export type ProtectedDim = (typeof PROTECTED_DIMS)[number];

/** A selection within the partner: the whole partner, or one value of one dimension ('' = unknown). */
export type Slice = { dim: ProtectedDim; value: string } | undefined;

/** Respondents of one month with one combination of the dimensions. */
export interface MonthCount {
  month: string;
  dims: Record<ProtectedDim, string>;
  n: number;
}

export function sliceKey(slice: Slice): string {
  return slice ? `${slice.dim}=${slice.value}` : '';
}

/** The slice a key names: the inverse of `sliceKey`. */
export function sliceOf(key: string): Slice {
  const at = key.indexOf('=');
  return at < 0 ? undefined : { dim: key.slice(0, at) as ProtectedDim, value: key.slice(at + 1) };
}

/** The id of a cell: period and slice; releases and suppression are kept under it. */
export function cellId(period: string, slice: string): string {
  return `${period}|${slice}`;
}

/** An additive relation: the parent's respondents are the sum of the children's. */
interface Line {
  parent: string;
  children: string[];
}

export interface Table {
  /** Respondents per cell id; missing means 0. */
  n: ReadonlyMap<string, number>;
  /** Cells with k or more respondents hidden to protect another (complementary suppression). */
  complementary: ReadonlySet<string>;
  k: number;
}

/** Whether the table hides a cell: fewer than k respondents, or hidden to protect another cell. */
export function isHidden(table: Table, id: string): boolean {
  return (table.n.get(id) ?? 0) < table.k || table.complementary.has(id);
}

/** The period cells of the table: every month from the first response to `lastMonth`, and what contains them. */
function periodCells(
  firstMonth: string,
  lastMonth: string,
): { months: PeriodCell[]; quarters: PeriodCell[]; years: PeriodCell[]; rolling: PeriodCell[] } {
  const months: PeriodCell[] = [];
  for (let m = firstMonth; m <= lastMonth; m = addMonth(m, 1)) months.push(monthCell(m));
  const quarters = new Map<string, PeriodCell>();
  const years = new Map<string, PeriodCell>();
  const rolling: PeriodCell[] = [];
  for (const { id: m } of months) {
    const q = quarterCell(quarterStart(m));
    quarters.set(q.id, q);
    years.set(m.slice(0, 4), yearCell(m.slice(0, 4)));
    // Twelve months ending in December are the year itself.
    if (!m.endsWith('-12')) rolling.push(rolling12Cell(m));
  }
  return { months, quarters: [...quarters.values()], years: [...years.values()], rolling };
}

/**
 * Builds the table from monthly counts and hides cells: first every cell below k, then, line by line
 * until nothing changes, complementary cells. A line is any sum the audience could check: the partner
 * = its teams = its contact types = …, a quarter = its months, a year = its quarters = its months,
 * twelve months = their months. Wherever exactly one non-empty member of a line is hidden, the sum
 * and the others would give it away, so the smallest other non-empty member is hidden too. Empty cells
 * never count as cover: whoever knows a team had nobody subtracts its zero for free.
 */
export function buildTable(rows: readonly MonthCount[], k: number, lastMonth: string): Table {
  const n = new Map<string, number>();
  if (rows.length === 0) return { n, complementary: new Set(), k };
  const monthly = new Map<string, Map<string, number>>();
  const values = new Map<ProtectedDim, Set<string>>(PROTECTED_DIMS.map((d) => [d, new Set<string>()]));
  let first = rows[0].month;
  let last = lastMonth;
  for (const r of rows) {
    if (r.month < first) first = r.month;
    if (r.month > last) last = r.month;
    const slices = ['', ...PROTECTED_DIMS.map((d) => sliceKey({ dim: d, value: r.dims[d] }))];
    PROTECTED_DIMS.forEach((d) => values.get(d)!.add(r.dims[d]));
    for (const s of slices) {
      const byMonth = monthly.get(s) ?? monthly.set(s, new Map()).get(s)!;
      byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.n);
    }
  }
  const periods = periodCells(first, last);
  const all = [...periods.months, ...periods.quarters, ...periods.years, ...periods.rolling];
  for (const [slice, byMonth] of monthly) {
    for (const p of all) {
      const total = p.months.reduce((s, m) => s + (byMonth.get(m) ?? 0), 0);
      if (total > 0) n.set(cellId(p.id, slice), total);
    }
  }

  const lines: Line[] = [];
  for (const p of all) {
    for (const d of PROTECTED_DIMS) {
      lines.push({ parent: cellId(p.id, ''), children: [...values.get(d)!].map((v) => cellId(p.id, sliceKey({ dim: d, value: v }))) });
    }
  }
  for (const slice of monthly.keys()) {
    const ids = (cells: PeriodCell[]) => cells.map((c) => cellId(c.id, slice));
    for (const q of periods.quarters) lines.push({ parent: cellId(q.id, slice), children: ids(q.months.map(monthCell)) });
    for (const y of periods.years) {
      const year = y.id;
      lines.push({
        parent: cellId(year, slice),
        children: periods.quarters.filter((q) => q.id.startsWith(`${year}-`)).map((q) => cellId(q.id, slice)),
      });
      lines.push({ parent: cellId(year, slice), children: ids(y.months.map(monthCell)) });
    }
    for (const r of periods.rolling) lines.push({ parent: cellId(r.id, slice), children: ids(r.months.map(monthCell)) });
  }

  const complementary = new Set<string>();
  const count = (id: string) => n.get(id) ?? 0;
  const hidden = (id: string) => count(id) < k || complementary.has(id);
  const unknowns = (line: Line) => [line.parent, ...line.children].filter((id) => hidden(id) && count(id) > 0);
  const linesOf = new Map<string, Line[]>();
  for (const line of lines) for (const id of [line.parent, ...line.children]) (linesOf.get(id) ?? linesOf.set(id, []).get(id)!).push(line);
  // What hiding a cell costs: lines it leaves with a single unknown, less lines it gives a second one.
  const cost = (id: string, line: Line) => {
    let score = 0;
    for (const other of linesOf.get(id) ?? []) {
      if (other === line) continue;
      const u = unknowns(other).length;
      if (u === 0) score++;
      else if (u === 1) score--;
    }
    return score;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const unknown = unknowns(line);
      if (unknown.length !== 1) continue;
      const members = [...line.children, line.parent].filter((id) => id !== unknown[0] && !hidden(id) && count(id) > 0);
      if (members.length === 0) continue;
      // The cover that closes other lines rather than opening new ones; then the smallest, so as
      // little as possible is hidden; a child before the line's total.
      const scored = members.map((id) => ({ id, score: cost(id, line), isParent: id === line.parent }));
      scored.sort(
        (a, b) => a.score - b.score || Number(a.isParent) - Number(b.isParent) || count(a.id) - count(b.id) || (a.id < b.id ? -1 : 1),
      );
      complementary.add(scored[0].id);
      changed = true;
    }
  }
  return { n, complementary, k };
}
