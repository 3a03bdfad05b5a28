import { ANSWERED, RESPONDENTS, UNKNOWN_GROUP } from '../../schemas/constants.js';
import type { AnswerValue } from '../../schemas/questionnaire.js';
import { DIMENSIONS, type CellFilter, type Dimension, type GroupBy, type LedgerRecord } from '../ledger-types.js';
import { groupKey } from '../report/period.js';
import { planRange, type RangePlan } from '../report/rollup.js';
import type { CubeCell } from '../report/stats.js';
import { valuesOf } from './cells.js';

// Reads of the ledger: which cube answers a selection, the stored responses and their open texts.

const OPEN_TEXT_LIMIT = 200;

const GROUP_EXPR: Record<GroupBy, string> = {
  team: 'team',
  partner: 'partner',
  contact: 'contact',
  status: 'status',
  role: 'role',
  channel: 'channel',
  leeftijd: 'leeftijd',
  wijk: 'wijk',
  language: 'language',
  day: 'day',
  // ISO 8601 weeks (Monday first, week-numbering year); workerd's SQLite has %G and %V.
  week: "strftime('%G-W%V', day)",
  month: 'substr(day, 1, 7)',
  quarter: "substr(day, 1, 4) || '-Q' || ((CAST(substr(day, 6, 2) AS INTEGER) + 2) / 3)",
  year: 'substr(day, 1, 4)',
};

type ResponseRow = {
  rowid: number;
  submission_id: string;
  version: number;
  day: string;
  flags: number;
  answers: string;
  texts: string;
} & Record<string, string>;

function dimsOf(row: Record<string, string>): LedgerRecord['dims'] {
  return Object.fromEntries(DIMENSIONS.map((k) => [k, row[k]])) as LedgerRecord['dims'];
}

function where(filter: CellFilter): { sql: string; args: string[] } {
  const parts: string[] = [];
  const args: string[] = [];
  if (filter.from) {
    parts.push('day >= ?');
    args.push(filter.from);
  }
  if (filter.to) {
    parts.push('day <= ?');
    args.push(filter.to);
  }
  for (const dim of DIMENSIONS) {
    const v = filter.dims?.[dim];
    if (v !== undefined) {
      parts.push(`${dim} = ?`);
      args.push(v);
    }
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

/**
 * Summed cube cells for a selection, optionally broken down by a dimension or period. Whole months
 * are read from the monthly roll-up and only the loose days from the daily cube, so the cost of a read
 * does not grow with the number of responses (see report/rollup.ts). Day and week breakdowns need days.
 */
export function readCells(sql: SqlStorage, filter: CellFilter, groupBy?: GroupBy, by: readonly Dimension[] = []): CubeCell[] {
  const group = groupBy ? GROUP_EXPR[groupBy] : "''";
  // Cells kept apart per combination of `by` (for weights, which depend only on those values).
  const extra = by.map((d) => `, ${d}`).join('');
  const plan: RangePlan =
    groupBy === 'day' || groupBy === 'week' ? { days: [{ from: filter.from, to: filter.to }] } : planRange(filter.from, filter.to);
  const reads: { table: string; from?: string; to?: string; toExcl?: string }[] = plan.days.map((d) => ({ table: 'cube', ...d }));
  if (plan.months) reads.push({ table: 'cube_month', from: plan.months.from, toExcl: plan.months.toExcl });
  const sums = new Map<string, CubeCell>();
  for (const read of reads) {
    const w = where({ from: read.from, to: read.to, dims: filter.dims });
    const bounds = read.toExcl ? `${w.sql ? `${w.sql} AND` : 'WHERE'} day < ?` : w.sql;
    const rows = sql
      .exec<{ grp: string; item: string; value: string; count: number } & Record<string, string>>(
        `SELECT ${group} AS grp${extra}, item, value, SUM(count) AS count FROM ${read.table} ${bounds} GROUP BY grp${extra}, item, value`,
        ...w.args,
        ...(read.toExcl ? [read.toExcl] : []),
      )
      .toArray();
    for (const r of rows) {
      const g = r.grp === '' && groupBy ? UNKNOWN_GROUP : r.grp;
      const combo = by.map((d) => r[d]);
      const key = [g, ...combo, r.item, r.value].join('\u0000');
      const cell = sums.get(key);
      if (cell) cell.count += r.count;
      else
        sums.set(key, {
          group: g,
          item: r.item,
          value: r.value,
          count: r.count,
          ...(by.length ? { dims: Object.fromEntries(by.map((d, i) => [d, combo[i]])) } : {}),
        });
    }
  }
  return [...sums.values()];
}

/**
 * The cube's figures rebuilt from the stored responses with plain code, for checking the cube: it
 * reads every response of the selection, so it is a test and audit tool, never a dashboard path
 * (except over the few rows a `condition` such as the held ones picks out by an index).
 */
export function recompute(sql: SqlStorage, filter: CellFilter, groupBy?: GroupBy, condition?: string): CubeCell[] {
  const w = where(filter);
  if (condition) w.sql = w.sql ? `${w.sql} AND ${condition}` : `WHERE ${condition}`;
  const sums = new Map<string, CubeCell>();
  const add = (group: string, item: string, value: string) => {
    const key = JSON.stringify([group, item, value]);
    const cell = sums.get(key);
    if (cell) cell.count += 1;
    else sums.set(key, { group, item, value, count: 1 });
  };
  for (const r of sql.exec<ResponseRow>(`SELECT * FROM responses ${w.sql}`, ...w.args)) {
    const group = groupBy ? groupKey(groupBy, r.day, dimsOf(r)) || UNKNOWN_GROUP : '';
    add(group, RESPONDENTS, '');
    for (const [item, value] of Object.entries(JSON.parse(r.answers) as Record<string, AnswerValue>)) {
      add(group, item, ANSWERED);
      for (const v of valuesOf(value)) add(group, item, v);
    }
    for (const item of Object.keys(JSON.parse(r.texts) as Record<string, string>)) add(group, item, ANSWERED);
  }
  return [...sums.values()];
}

/**
 * The most recent open answers of a selection (already scrubbed when stored), per open item. One
 * query per item walks the (item, day) index from the newest day and stops at the limit, so a read
 * does not grow with the number of stored texts.
 */
export function readOpenTexts(sql: SqlStorage, filter: CellFilter, items: string[]): Record<string, string[]> {
  const w = where(filter);
  const out: Record<string, string[]> = {};
  for (const item of items) {
    const texts = sql
      .exec<{ text: string }>(
        `SELECT text FROM open_texts ${w.sql ? `${w.sql} AND` : 'WHERE'} item = ? ORDER BY day DESC LIMIT ${OPEN_TEXT_LIMIT}`,
        ...w.args,
        item,
      )
      .toArray()
      .map((r) => r.text);
    if (texts.length) out[item] = texts;
  }
  return out;
}

/** Number of stored responses and the cube's own respondent total: equal unless something drifted. */
export function countResponses(sql: SqlStorage): { responses: number; cube: number } {
  const responses = sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM responses').one().n;
  const cube = sql.exec<{ n: number | null }>('SELECT SUM(count) AS n FROM cube WHERE item = ?', RESPONDENTS).one().n ?? 0;
  return { responses, cube };
}

/** Stored responses after a row id, oldest first (for streaming exports). */
export function readResponses(sql: SqlStorage, afterId: string, limit: number): (LedgerRecord & { rowid: number })[] {
  return sql
    .exec<ResponseRow>('SELECT rowid, * FROM responses WHERE rowid > ? ORDER BY rowid LIMIT ?', Number(afterId) || 0, limit)
    .toArray()
    .map((r) => ({
      rowid: r.rowid,
      submissionId: r.submission_id,
      version: r.version,
      day: r.day,
      flags: r.flags,
      dims: dimsOf(r),
      answers: JSON.parse(r.answers),
      texts: JSON.parse(r.texts),
    }));
}
