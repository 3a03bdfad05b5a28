import { DurableObject } from 'cloudflare:workers';
import { allItems, type AnswerValue, type Section } from '../schemas/questionnaire.js';
import { reportDefinition } from './db.js';
import {
  DIMENSIONS,
  type CellFilter,
  type GroupBy,
  type LedgerRecord,
  type LiveSubscription,
  type SubmitResult,
} from './ledger-types.js';
import { RegistryCache, admission, type Admitted, type Checked, type WebSubmission } from './registry.js';
import { monthOf, planRange, type RangePlan } from './report/rollup.js';
import { currentPeriod, groupKey } from './report/period.js';
import { ANSWERED, RESPONDENTS, UNKNOWN_GROUP, buildAggregate, type CubeCell } from './report/stats.js';
import { dutchDay } from './ingest.js';

const DAY_MS = 86_400_000;
/** Live pushes are coalesced: at most one per connection per this many milliseconds. */
const LIVE_COALESCE_MS = 250;
const OPEN_TEXT_LIMIT = 200;

const GROUP_EXPR: Record<GroupBy, string> = {
  team: 'team',
  partner: 'partner',
  contact: 'contact',
  status: 'status',
  role: 'role',
  channel: 'channel',
  day: 'day',
  // ISO 8601 weeks (Monday first, week-numbering year); workerd's SQLite has %G and %V.
  week: "strftime('%G-W%V', day)",
  month: 'substr(day, 1, 7)',
  quarter: "substr(day, 1, 4) || '-Q' || ((CAST(substr(day, 6, 2) AS INTEGER) + 2) / 3)",
  year: 'substr(day, 1, 4)',
};

/** The daily cube and its monthly roll-up share one shape; the roll-up's day is the month's first. */
function cubeTable(name: string): string {
  return `CREATE TABLE IF NOT EXISTS ${name} (
        day TEXT NOT NULL,
        ${DIMENSIONS.map((d) => `${d} TEXT NOT NULL`).join(', ')},
        item TEXT NOT NULL, value TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (day, ${DIMENSIONS.join(', ')}, item, value)
      ) WITHOUT ROWID;`;
}

function valuesOf(value: AnswerValue): string[] {
  return Array.isArray(value) ? value : [String(value)];
}

/**
 * One ledger per (gemeente, questionnaire). The response row and its aggregate counts commit in one
 * transaction, keyed on submissionId, so duplicates are counted once and the cube never drifts.
 */
export class Ledger extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly registry = new RegistryCache();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS responses (
        submission_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        day TEXT NOT NULL,
        partner TEXT NOT NULL, team TEXT NOT NULL, contact TEXT NOT NULL,
        status TEXT NOT NULL, role TEXT NOT NULL, channel TEXT NOT NULL,
        flags INTEGER NOT NULL DEFAULT 0,
        answers TEXT NOT NULL,
        texts TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS responses_day ON responses (day);
      ${cubeTable('cube')}
      ${cubeTable('cube_month')}
      CREATE TABLE IF NOT EXISTS open_texts (
        submission_id TEXT NOT NULL,
        item TEXT NOT NULL,
        day TEXT NOT NULL,
        partner TEXT NOT NULL, team TEXT NOT NULL, contact TEXT NOT NULL,
        status TEXT NOT NULL, role TEXT NOT NULL, channel TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (submission_id, item)
      );
      CREATE INDEX IF NOT EXISTS open_texts_day ON open_texts (day);
      CREATE INDEX IF NOT EXISTS open_texts_item_day ON open_texts (item, day);
    `);
    // Ledgers from before the monthly roll-up get it built once from their daily cube.
    if (this.meta('rollup') === undefined) {
      ctx.storage.transactionSync(() => {
        this.sql.exec('DELETE FROM cube_month');
        this.sql.exec(
          `INSERT INTO cube_month (day, ${DIMENSIONS.join(', ')}, item, value, count)
           SELECT substr(day, 1, 7) || '-01', ${DIMENSIONS.join(', ')}, item, value, SUM(count) FROM cube
           GROUP BY substr(day, 1, 7), ${DIMENSIONS.join(', ')}, item, value`,
        );
        this.sql.exec("INSERT INTO meta (key, value) VALUES ('rollup', 'month')");
      });
    }
  }

  /** Remembers which questionnaire this ledger holds, for alarms and live pushes. */
  private bind(gemeente: string, questionnaire: string): void {
    this.sql.exec(
      "INSERT OR IGNORE INTO meta (key, value) VALUES ('gemeente', ?), ('questionnaire', ?)",
      gemeente,
      questionnaire,
    );
  }

  private meta(key: string): string | undefined {
    return this.sql.exec<{ value: string }>('SELECT value FROM meta WHERE key = ?', key).toArray()[0]?.value;
  }

  /** Stores one response and counts it, once. A repeat of a submissionId returns the original result. */
  async submit(gemeente: string, questionnaire: string, rec: LedgerRecord): Promise<SubmitResult> {
    const result = this.ctx.storage.transactionSync((): SubmitResult => {
      const existing = this.sql
        .exec<{ day: string }>('SELECT day FROM responses WHERE submission_id = ?', rec.submissionId)
        .toArray()[0];
      if (existing) return { status: 'duplicate', receivedOn: existing.day };
      this.insert(rec);
      return { status: 'stored', receivedOn: rec.day };
    });
    if (result.status === 'stored') {
      this.bind(gemeente, questionnaire);
      await this.ensureAlarm();
      this.scheduleLive();
    }
    return result;
  }

  /** Checks a web submission against this ledger's slice of the registry, which it keeps in memory (see registry.ts). */
  async check(gemeente: string, questionnaire: string, input: WebSubmission): Promise<Checked> {
    return admission(await this.registry.slice(this.env.DB, gemeente, questionnaire), input);
  }

  /** Checks and stores a web submission: one call where there were two D1 reads and this write. */
  async admit(gemeente: string, questionnaire: string, input: WebSubmission): Promise<Admitted> {
    const checked = await this.check(gemeente, questionnaire, input);
    return checked.ok ? { ok: true, result: await this.submit(gemeente, questionnaire, checked.record) } : checked;
  }

  /** Admin writes to the registry call this before they answer, so the next submission sees them. */
  async registryChanged(): Promise<void> {
    this.registry.clear();
  }

  /** The day a submission was received, or null: lets a caller answer a repeat before spending an invite on it. */
  async receivedOn(submissionId: string): Promise<string | null> {
    return this.sql.exec<{ day: string }>('SELECT day FROM responses WHERE submission_id = ?', submissionId).toArray()[0]?.day ?? null;
  }

  /** Bulk path for imports and seeding: each record idempotent, all in one transaction. */
  async submitMany(gemeente: string, questionnaire: string, recs: LedgerRecord[]): Promise<SubmitResult[]> {
    const results = this.ctx.storage.transactionSync(() =>
      recs.map((rec): SubmitResult => {
        const existing = this.sql
          .exec<{ day: string }>('SELECT day FROM responses WHERE submission_id = ?', rec.submissionId)
          .toArray()[0];
        if (existing) return { status: 'duplicate', receivedOn: existing.day };
        this.insert(rec);
        return { status: 'stored', receivedOn: rec.day };
      }),
    );
    if (results.some((r) => r.status === 'stored')) {
      this.bind(gemeente, questionnaire);
      await this.ensureAlarm();
      this.scheduleLive();
    }
    return results;
  }

  private insert(rec: LedgerRecord): void {
    const d = rec.dims;
    const dimValues = DIMENSIONS.map((k) => d[k]);
    this.sql.exec(
      `INSERT INTO responses (submission_id, version, day, ${DIMENSIONS.join(', ')}, flags, answers, texts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      rec.submissionId,
      rec.version,
      rec.day,
      ...dimValues,
      rec.flags,
      JSON.stringify(rec.answers),
      JSON.stringify(rec.texts),
    );
    const month = monthOf(rec.day);
    const bump = (item: string, value: string) => {
      for (const [table, day] of [['cube', rec.day], ['cube_month', month]] as const) {
        this.sql.exec(
          `INSERT INTO ${table} (day, ${DIMENSIONS.join(', ')}, item, value, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
           ON CONFLICT DO UPDATE SET count = count + 1`,
          day,
          ...dimValues,
          item,
          value,
        );
      }
    };
    bump('_resp', '');
    for (const [item, value] of Object.entries(rec.answers)) {
      bump(item, '*');
      for (const v of valuesOf(value)) bump(item, v);
    }
    for (const [item, text] of Object.entries(rec.texts)) {
      bump(item, '*');
      this.sql.exec(
        `INSERT INTO open_texts (submission_id, item, day, ${DIMENSIONS.join(', ')}, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        rec.submissionId,
        item,
        rec.day,
        ...dimValues,
        text,
      );
    }
  }

  private where(filter: CellFilter, table = ''): { sql: string; args: string[] } {
    const parts: string[] = [];
    const args: string[] = [];
    const p = table ? `${table}.` : '';
    if (filter.from) {
      parts.push(`${p}day >= ?`);
      args.push(filter.from);
    }
    if (filter.to) {
      parts.push(`${p}day <= ?`);
      args.push(filter.to);
    }
    for (const dim of DIMENSIONS) {
      const v = filter.dims?.[dim];
      if (v !== undefined) {
        parts.push(`${p}${dim} = ?`);
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
  async cells(filter: CellFilter, groupBy?: GroupBy): Promise<CubeCell[]> {
    const group = groupBy ? GROUP_EXPR[groupBy] : "''";
    const plan: RangePlan = groupBy === 'day' || groupBy === 'week' ? { days: [{ from: filter.from, to: filter.to }] } : planRange(filter.from, filter.to);
    const reads: { table: string; from?: string; to?: string; toExcl?: string }[] = plan.days.map((d) => ({ table: 'cube', ...d }));
    if (plan.months) reads.push({ table: 'cube_month', from: plan.months.from, toExcl: plan.months.toExcl });
    const sums = new Map<string, CubeCell>();
    for (const read of reads) {
      const w = this.where({ from: read.from, to: read.to, dims: filter.dims });
      const bounds = read.toExcl ? `${w.sql ? `${w.sql} AND` : 'WHERE'} day < ?` : w.sql;
      const rows = this.sql
        .exec<{ grp: string; item: string; value: string; count: number }>(
          `SELECT ${group} AS grp, item, value, SUM(count) AS count FROM ${read.table} ${bounds} GROUP BY grp, item, value`,
          ...w.args,
          ...(read.toExcl ? [read.toExcl] : []),
        )
        .toArray();
      for (const r of rows) {
        const g = r.grp === '' && groupBy ? '_onbekend' : r.grp;
        const key = `${g}\u0000${r.item}\u0000${r.value}`;
        const cell = sums.get(key);
        if (cell) cell.count += r.count;
        else sums.set(key, { group: g, item: r.item, value: r.value, count: r.count });
      }
    }
    return [...sums.values()];
  }

  /**
   * The cube's figures rebuilt from the stored responses with plain code, for checking the cube: it
   * reads every response of the selection, so it is a test and audit tool, never a dashboard path.
   */
  async recompute(filter: CellFilter, groupBy?: GroupBy): Promise<CubeCell[]> {
    const w = this.where(filter);
    const sums = new Map<string, CubeCell>();
    const add = (group: string, item: string, value: string) => {
      const key = JSON.stringify([group, item, value]);
      const cell = sums.get(key);
      if (cell) cell.count += 1;
      else sums.set(key, { group, item, value, count: 1 });
    };
    for (const r of this.sql.exec<{ day: string; answers: string; texts: string } & Record<string, string>>(
      `SELECT * FROM responses ${w.sql}`,
      ...w.args,
    )) {
      const dims = Object.fromEntries(DIMENSIONS.map((k) => [k, r[k]])) as LedgerRecord['dims'];
      const group = groupBy ? groupKey(groupBy, r.day, dims) || UNKNOWN_GROUP : '';
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
  async openTexts(filter: CellFilter, items: string[]): Promise<Record<string, string[]>> {
    const w = this.where(filter);
    const out: Record<string, string[]> = {};
    for (const item of items) {
      const texts = this.sql
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
  async counts(): Promise<{ responses: number; cube: number }> {
    const responses = this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM responses').one().n;
    const cube = this.sql.exec<{ n: number | null }>("SELECT SUM(count) AS n FROM cube WHERE item = '_resp'").one().n ?? 0;
    return { responses, cube };
  }

  /** Stored responses, oldest first, in pages (for streaming exports). */
  async responses(afterId: string, limit: number): Promise<(LedgerRecord & { rowid: number })[]> {
    return this.sql
      .exec<{ rowid: number; submission_id: string; version: number; day: string; flags: number; answers: string; texts: string } & Record<string, string>>(
        `SELECT rowid, * FROM responses WHERE rowid > ? ORDER BY rowid LIMIT ?`,
        Number(afterId) || 0,
        limit,
      )
      .toArray()
      .map((r) => ({
        rowid: r.rowid,
        submissionId: r.submission_id,
        version: r.version,
        day: r.day,
        flags: r.flags,
        dims: Object.fromEntries(DIMENSIONS.map((k) => [k, r[k]])) as LedgerRecord['dims'],
        answers: JSON.parse(r.answers),
        texts: JSON.parse(r.texts),
      }));
  }

  /** Deletes one response and takes it out of the counts, in one transaction. */
  async deleteResponse(submissionId: string): Promise<boolean> {
    return this.ctx.storage.transactionSync(() => this.remove(`submission_id = ?`, [submissionId]) > 0);
  }

  private remove(where: string, args: (string | number)[]): number {
    const rows = this.sql
      .exec<{ submission_id: string; day: string; answers: string; texts: string } & Record<string, string>>(
        `SELECT * FROM responses WHERE ${where}`,
        ...args,
      )
      .toArray();
    for (const r of rows) {
      const dimValues = DIMENSIONS.map((k) => r[k]);
      const drop = (item: string, value: string) => {
        for (const [table, day] of [['cube', r.day], ['cube_month', monthOf(r.day)]] as const) {
          this.sql.exec(
            `UPDATE ${table} SET count = count - 1 WHERE day = ? AND ${DIMENSIONS.map((d) => `${d} = ?`).join(' AND ')} AND item = ? AND value = ?`,
            day,
            ...dimValues,
            item,
            value,
          );
        }
      };
      drop('_resp', '');
      for (const [item, value] of Object.entries(JSON.parse(r.answers) as Record<string, AnswerValue>)) {
        drop(item, '*');
        for (const v of valuesOf(value)) drop(item, v);
      }
      for (const item of Object.keys(JSON.parse(r.texts) as Record<string, string>)) drop(item, '*');
      this.sql.exec('DELETE FROM open_texts WHERE submission_id = ?', r.submission_id);
      this.sql.exec('DELETE FROM responses WHERE submission_id = ?', r.submission_id);
    }
    this.sql.exec('DELETE FROM cube WHERE count <= 0');
    this.sql.exec('DELETE FROM cube_month WHERE count <= 0');
    return rows.length;
  }

  private async ensureAlarm(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + DAY_MS);
  }

  /** Retention: responses older than the questionnaire's retention period are deleted, daily. */
  override async alarm(): Promise<void> {
    const gemeente = this.meta('gemeente');
    const questionnaire = this.meta('questionnaire');
    if (gemeente && questionnaire) {
      const row = await this.env.DB.prepare('SELECT retention_days FROM questionnaires WHERE gemeente_id = ? AND id = ?')
        .bind(gemeente, questionnaire)
        .first<{ retention_days: number }>();
      if (row) await this.applyRetention(row.retention_days);
    }
    await this.ctx.storage.setAlarm(Date.now() + DAY_MS);
  }

  /** Deletes responses received more than `days` days ago; returns how many. */
  async applyRetention(days: number, today = new Date()): Promise<number> {
    const cutoff = new Date(today.getTime() - days * DAY_MS).toISOString().slice(0, 10);
    return this.ctx.storage.transactionSync(() => this.remove('day < ?', [cutoff]));
  }

  /** Live dashboards connect here; the connection hibernates between pushes. */
  override async fetch(request: Request): Promise<Response> {
    const sub = JSON.parse(request.headers.get('x-peil-subscription') ?? 'null') as LiveSubscription | null;
    if (!sub || request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('expected a websocket upgrade', { status: 426 });
    }
    this.bind(sub.gemeente, sub.questionnaire);
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment(sub);
    const protocol = request.headers.get('x-peil-protocol');
    const message = await this.aggregateFor(sub);
    server.send(message);
    return new Response(null, { status: 101, webSocket: client, headers: protocol ? { 'Sec-WebSocket-Protocol': protocol } : {} });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    if (message === 'ping') ws.send('{"type":"pong"}');
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    // 1005 means "no code given" and may not be sent back.
    ws.close(code === 1005 ? 1000 : code, 'closing');
  }

  private scheduleLive(): void {
    if (this.liveTimer !== undefined || this.ctx.getWebSockets().length === 0) return;
    this.liveTimer = setTimeout(() => {
      this.liveTimer = undefined;
      this.ctx.waitUntil(this.pushLive());
    }, LIVE_COALESCE_MS);
  }

  private async pushLive(): Promise<void> {
    const byKey = new Map<string, { sub: LiveSubscription; sockets: WebSocket[] }>();
    for (const ws of this.ctx.getWebSockets()) {
      const sub = ws.deserializeAttachment() as LiveSubscription;
      const key = JSON.stringify(sub);
      const entry = byKey.get(key) ?? { sub, sockets: [] };
      entry.sockets.push(ws);
      byKey.set(key, entry);
    }
    for (const { sub, sockets } of byKey.values()) {
      const message = await this.aggregateFor(sub);
      for (const ws of sockets) {
        try {
          ws.send(message);
        } catch {
          // A socket that closed between listing and sending needs nothing more.
        }
      }
    }
  }

  private async aggregateFor(sub: LiveSubscription): Promise<string> {
    const def: { sections: Section[] } = (await reportDefinition(this.env.DB, sub.gemeente, sub.questionnaire)) ?? { sections: [] };
    // "This month" is resolved at each push, so a dashboard left open overnight moves with the calendar.
    const filter = sub.period ? { ...sub.filter, ...currentPeriod(sub.period, dutchDay()) } : sub.filter;
    const cells = await this.cells(filter, sub.groupBy);
    const openItems = allItems(def).flatMap((i) => (i.type === 'open' ? [i.id] : []));
    const openTexts = openItems.length ? await this.openTexts(filter, openItems) : undefined;
    const aggregate = buildAggregate(def, cells, { k: sub.k, grouped: sub.groupBy !== undefined, groupOrder: sub.groupOrder, openTexts });
    return JSON.stringify({ type: 'aggregate', questionnaire: sub.questionnaire, ...aggregate });
  }
}
