import { DurableObject } from 'cloudflare:workers';
import type { Aggregate } from '../schemas/aggregate.js';
import { BurstDetector, burstSource, type BurstSource } from './burst.js';
import { RateLimiter } from './ratelimit.js';
import type { ProtectedQuery } from './disclosure/audience.js';
import { buildTable, type Table } from './disclosure/table.js';
import { RegistryCache, admission, type Admitted, type Checked, type WebSubmission } from './registry.js';
import { dutchDay } from './ingest.js';
import type { CellFilter, Dimension, GroupBy, LedgerRecord, SubmitResult } from './ledger-types.js';
import { removeResponses, storeResponse } from './ledger/cube.js';
import { acceptBurst, addHeldColumn, heldBursts, holdResponses, type HeldBurst } from './ledger/held.js';
import { applyRecordKeys, missingKeys, needsRecordKeys } from './ledger/keys.js';
import { LIVE_COALESCE_MS, attach, liveMessage, pushAll, subscriptionOf } from './ledger/live.js';
import { protectedAggregate } from './ledger/protected.js';
import { countResponses, readCells, readOpenTexts, readResponses, recompute } from './ledger/query.js';
import { repeatResult } from './ledger/repeat.js';
import { monthCounts } from './ledger/releases.js';
import { listTexts, setReview, type ReviewState, type ReviewText } from './ledger/review.js';
import { nextRun, retentionCutoff, retentionDays } from './ledger/retention.js';
import { closeExpired, closeSockets, liveSockets, socketTokenOf, tokenTag, tokenTags } from './ledger/sockets.js';
import { backfillRollup, bindMeta, createTables, lowerCaseIds, needsLowerCaseIds, needsRollup, readMeta } from './ledger/schema.js';
import type { CubeCell } from './report/stats.js';

/**
 * One ledger per (gemeente, questionnaire). The response row and its aggregate counts commit in one
 * transaction, keyed on submissionId, so duplicates are counted once and the cube never drifts.
 * This class holds the state and the transactions; the SQL lives in `ledger/`.
 */
export class Ledger extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  /** In memory only: a new object (after eviction or a restart) starts counting afresh. */
  private readonly bursts = new BurstDetector();
  /** Protected tables per partner and k, built from the counts as they are; dropped at every change. */
  private readonly tables = new Map<string, Table>();
  private readonly tableOf = (partner: string, k: number): Table => {
    const month = dutchDay().slice(0, 7);
    const key = `${partner}\u0000${k}\u0000${month}`;
    let table = this.tables.get(key);
    if (!table) this.tables.set(key, (table = buildTable(monthCounts(this.sql, partner), k, month)));
    return table;
  };
  /** This questionnaire's slice of the registry, for checking submissions without D1 (see registry.ts). */
  private readonly registry = new RegistryCache();
  /** Submissions per site key × address: a busy office kiosk is exempt; see RateLimiter. */
  private readonly limiter = new RateLimiter();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    createTables(this.sql);
    addHeldColumn(this.sql);
    if (needsRollup(this.sql)) ctx.storage.transactionSync(() => backfillRollup(this.sql));
    if (needsLowerCaseIds(this.sql)) {
      ctx.storage.transactionSync(() => lowerCaseIds(this.sql, (id) => removeResponses(this.sql, 'submission_id = ?', [id])));
    }
    if (needsRecordKeys(this.sql)) void ctx.blockConcurrencyWhile(() => this.giveRecordKeys());
  }

  /** Gives responses stored before disclosure control their record keys, once (see ledger/keys.ts). */
  async giveRecordKeys(): Promise<void> {
    const missing = await missingKeys(this.sql);
    this.ctx.storage.transactionSync(() => applyRecordKeys(this.sql, missing));
    this.tables.clear();
  }

  /**
   * Stores one response and counts it, once. A repeat of a submissionId with the same answers returns
   * the original result; with other answers it is a conflict and nothing changes.
   * With a `source` (a web submission), a burst from that source into its selection is held: stored
   * and counted, but out of protected figures until an admin accepts it. The client is not told.
   */
  async submit(gemeente: string, questionnaire: string, rec: LedgerRecord, source?: BurstSource): Promise<SubmitResult> {
    const burstKey = source ? await this.bursts.keyOf(source) : undefined;
    const [result] = this.store(gemeente, questionnaire, [rec], burstKey);
    await this.afterStore(gemeente, questionnaire, [result]);
    return result;
  }

  /** What a repeat of this record would get, or null when it is new: lets a caller answer a repeat before spending an invite on it. */
  async repeatOf(rec: LedgerRecord): Promise<SubmitResult | null> {
    return repeatResult(this.sql, rec) ?? null;
  }

  /**
   * Checks a web submission against this ledger's slice of the registry, which it keeps in memory (see
   * registry.ts): site key, origin, invites-only, the rate limit (never for a registered kiosk), status,
   * version and teams.
   */
  async check(gemeente: string, questionnaire: string, input: WebSubmission): Promise<Checked> {
    const slice = await this.registry.slice(this.env.DB, gemeente, questionnaire);
    const checked = admission(slice, input);
    if (!checked.ok || !input.rateLimited || checked.site.kiosk) return checked;
    // Only the hash of the address with a daily salt is kept, in memory; see RateLimiter.
    if (!(await this.limiter.allow(input.siteKey, input.address ?? 'local'))) {
      return { ok: false, error: { status: 429, code: 'rate_limited', message: 'Too many submissions. Please try again in a minute.' } };
    }
    return checked;
  }

  /**
   * Checks and stores a web submission without an invite: one call where there were two D1 reads and
   * this write. A burst from one source into one selection is held (see BurstDetector).
   */
  async admit(gemeente: string, questionnaire: string, input: WebSubmission): Promise<Admitted> {
    const checked = await this.check(gemeente, questionnaire, input);
    if (!checked.ok) return checked;
    const source = burstSource(checked.site, input.context.team, input.address);
    return { ok: true, result: await this.submit(gemeente, questionnaire, checked.record, source) };
  }

  /** Admin writes to the registry call this before they answer, so the next submission sees them. */
  async registryChanged(): Promise<void> {
    this.registry.clear();
  }

  /** Stores responses, each idempotent on its submissionId, all in one transaction. */
  async submitMany(gemeente: string, questionnaire: string, recs: LedgerRecord[]): Promise<SubmitResult[]> {
    const results = this.store(gemeente, questionnaire, recs);
    await this.afterStore(gemeente, questionnaire, results);
    return results;
  }

  private store(gemeente: string, questionnaire: string, recs: LedgerRecord[], burstKey?: string): SubmitResult[] {
    return this.ctx.storage.transactionSync(() =>
      recs.map((rec): SubmitResult => {
        const repeat = repeatResult(this.sql, rec);
        if (repeat) return repeat;
        storeResponse(this.sql, rec);
        const held = burstKey === undefined ? undefined : this.bursts.arrive(burstKey, rec.submissionId);
        if (held) holdResponses(this.sql, held.hold, held.burst);
        return { status: 'stored', receivedOn: rec.day };
      }),
    );
  }

  private async afterStore(gemeente: string, questionnaire: string, results: SubmitResult[]): Promise<void> {
    if (results.some((r) => r.status === 'stored')) {
      this.tables.clear();
      bindMeta(this.sql, gemeente, questionnaire);
      if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(nextRun());
      this.scheduleLive();
    }
  }

  /** Summed cube cells for a selection, optionally broken down (see ledger/query.ts): exact, held responses included. */
  async cells(filter: CellFilter, groupBy?: GroupBy, by?: Dimension[]): Promise<CubeCell[]> {
    return readCells(this.sql, filter, groupBy, by);
  }

  /** The bursts held out of protected figures, for an admin to accept or reject. */
  async heldBursts(): Promise<HeldBurst[]> {
    return heldBursts(this.sql);
  }

  /** Accepts a held burst: protected audiences see its responses from now on. Returns how many. */
  async acceptHeld(burst: string): Promise<number> {
    const accepted = this.ctx.storage.transactionSync(() => acceptBurst(this.sql, burst));
    if (accepted > 0) {
      this.tables.clear();
      this.scheduleLive();
    }
    return accepted;
  }

  /** Rejects a held burst: its responses are deleted and leave the counts. Returns how many. */
  async rejectHeld(burst: string): Promise<number> {
    const rejected = this.ctx.storage.transactionSync(() => removeResponses(this.sql, 'held = ?', [burst]));
    if (rejected > 0) {
      this.tables.clear();
      this.scheduleLive();
    }
    return rejected;
  }

  /** Disclosure-controlled figures for a protected audience (see ledger/protected.ts). */
  async protectedView(q: ProtectedQuery): Promise<Aggregate> {
    return protectedAggregate(this.sql, (partner) => this.tableOf(partner, q.k), q, dutchDay());
  }

  /** Open texts in one review state, for the gemeente admin. */
  async reviewTexts(review: ReviewState, limit: number): Promise<ReviewText[]> {
    return listTexts(this.sql, review, limit);
  }

  /** Releases open texts for viewers, or holds them back; returns how many changed. */
  async review(texts: { submissionId: string; item: string }[], review: ReviewState): Promise<number> {
    return this.ctx.storage.transactionSync(() => setReview(this.sql, texts, review));
  }

  /** The cube's figures rebuilt from the stored responses: a test and audit tool, never a dashboard path. */
  async recompute(filter: CellFilter, groupBy?: GroupBy): Promise<CubeCell[]> {
    return recompute(this.sql, filter, groupBy);
  }

  /** The most recent open answers of a selection, per open item (the gemeente's exact view). */
  async openTexts(filter: CellFilter, items: string[]): Promise<Record<string, string[]>> {
    return readOpenTexts(this.sql, filter, items);
  }

  /** Number of stored responses and the cube's own respondent total: equal unless something drifted. */
  async counts(): Promise<{ responses: number; cube: number }> {
    return countResponses(this.sql);
  }

  /** Stored responses, oldest first, in pages (for streaming exports). */
  async responses(afterId: string, limit: number): Promise<(LedgerRecord & { rowid: number })[]> {
    return readResponses(this.sql, afterId, limit);
  }

  /** Deletes one response and takes it out of the counts, in one transaction. */
  async deleteResponse(submissionId: string): Promise<boolean> {
    this.tables.clear();
    return this.ctx.storage.transactionSync(() => removeResponses(this.sql, 'submission_id = ?', [submissionId]) > 0);
  }

  /**
   * Retention: responses older than the questionnaire's retention period are deleted, daily. The alarm
   * also comes when a live connection's token expires, to close it; retention then runs early, which
   * deletes nothing it would not delete anyway.
   */
  override async alarm(): Promise<void> {
    const nextExpiry = closeExpired(this.ctx);
    const gemeente = readMeta(this.sql, 'gemeente');
    const questionnaire = readMeta(this.sql, 'questionnaire');
    const days = gemeente && questionnaire ? await retentionDays(this.env.DB, gemeente, questionnaire) : undefined;
    if (days !== undefined) await this.applyRetention(days);
    await this.ctx.storage.setAlarm(Math.min(nextRun(), nextExpiry ?? Infinity));
  }

  /** Closes the live connections opened with a token, when it is revoked or rotated; returns how many. */
  async closeTokenSockets(tokenId: string, reason: string): Promise<number> {
    return closeSockets(this.ctx.getWebSockets(tokenTag(tokenId)), reason);
  }

  /** Deletes responses received more than `days` days ago; returns how many. */
  async applyRetention(days: number, today = new Date()): Promise<number> {
    const cutoff = retentionCutoff(days, today);
    this.tables.clear();
    return this.ctx.storage.transactionSync(() => removeResponses(this.sql, 'day < ?', [cutoff]));
  }

  /** What `applyRetention(days)` would delete now, without deleting: the first day kept and the number of responses before it. */
  retentionPreview(days: number, today = new Date()): { cutoff: string; responses: number } {
    const cutoff = retentionCutoff(days, today);
    const [row] = this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM responses WHERE day < ?', cutoff).toArray();
    return { cutoff, responses: row.n };
  }

  /** Live dashboards connect here; the connection hibernates between pushes. */
  override async fetch(request: Request): Promise<Response> {
    const sub = subscriptionOf(request);
    if (!sub) return new Response('expected a websocket upgrade', { status: 426 });
    bindMeta(this.sql, sub.gemeente, sub.questionnaire);
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    const token = socketTokenOf(request);
    if (token?.expires_at) {
      const alarm = await this.ctx.storage.getAlarm();
      const expiry = Date.parse(token.expires_at);
      if (alarm === null || expiry < alarm) await this.ctx.storage.setAlarm(expiry);
    }
    const protocol = request.headers.get('x-peil-protocol');
    // The first message before the socket joins the pushes, so a push never finds it without one.
    const message = await liveMessage(this.sql, this.env.DB, sub, this.tableOf);
    this.ctx.acceptWebSocket(server, token ? tokenTags(token) : []);
    attach(server, sub, message);
    return new Response(null, { status: 101, webSocket: client, headers: protocol ? { 'Sec-WebSocket-Protocol': protocol } : {} });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    if (message === 'ping') ws.send('{"type":"pong"}');
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      // 1005 means "no code given" and may not be sent back.
      ws.close(code === 1005 ? 1000 : code, 'closing');
    } catch {
      // This side closed first (a revoked token): the close is already on its way.
    }
  }

  private scheduleLive(): void {
    if (this.liveTimer !== undefined || this.ctx.getWebSockets().length === 0) return;
    this.liveTimer = setTimeout(() => {
      this.liveTimer = undefined;
      // Only connections whose token still holds get the push; the others are closed on the way.
      this.ctx.waitUntil(liveSockets(this.ctx, this.env.DB).then((sockets) => pushAll(this.sql, this.env.DB, sockets, this.tableOf)));
    }, LIVE_COALESCE_MS);
  }
}
