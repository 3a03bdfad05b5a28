import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Aggregate, Comparison, ReportLabels } from '../../schemas/aggregate.js';
import { apiBase, errorCode } from '../api.js';
import { aggregateQuery, localToday, periodRange, resolveRange, type Range, type Selection } from '../dashboard/selection.js';
import { LiveController } from './live-controller.js';

/** The token as a bearer header; none at all without one, so the session cookie is what counts. */
export const authHeaders = (token: string): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});

/** What the API adds to the figures of a read. */
type Read_ = Aggregate & { labels?: ReportLabels; comparison?: Comparison; weighting?: { dimensions: string[] } };

/** The trend's first period with figures tested against its last. */
export interface TrendTest {
  first: string;
  last: string;
  comparison: Comparison;
}

/** The reads one report needs. Only `current` is required; the others may be missing. */
export interface Report {
  /** The selection itself: tiles, stellingen, distributions, open answers. */
  current: Aggregate;
  /** Same selection, every team (the team filter left out), for the breakdown table. */
  byTeam?: Aggregate;
  /** Same selection, every language (the gemeente's own view only), for n per language. */
  byLanguage?: Aggregate;
  /** Same selection by month or quarter, for the trend. */
  trend?: Aggregate;
  /** The test against the comparison period the reader chose; absent for "all time". */
  comparison?: Comparison;
  /** What the comparison was asked against. */
  compare: Selection['compare'];
  /** The trend's first and last period tested against each other, when the trend has both. */
  trendTest?: TrendTest;
  /** Dimensions the figures are weighted to; absent when they are not weighted. */
  weighting?: { dimensions: string[] };
  range: Range;
  /** Names sent with the figures; live messages carry figures only, so these are kept from the read. */
  labels?: ReportLabels;
  /** The figures come through disclosure control (a partner viewer or public token): released, perturbed. */
  protected: boolean;
}

export type ReportState = 'idle' | 'loading' | 'ready' | 'error';

/** What a report is read for: the selection, the API base (as the attribute gives it) and the token. */
export type ReportArgs = readonly [selection: Selection | undefined, api: string, token: string];

/** A finished read, with what it was read for, so live changes and refreshes stay with it. */
interface Read {
  report: Report;
  /** The task's arguments of this read; a new read has new ones, even for the same selection. */
  args: ReportArgs;
  selection: Selection;
  api: string;
  token: string;
}

/** How long live changes are gathered before the breakdowns are read again. */
const REFRESH_DEBOUNCE_MS = 1500;

function isAggregate(x: unknown): x is Aggregate {
  if (typeof x !== 'object' || x === null || typeof (x as Aggregate).items !== 'object') return false;
  return typeof (x as Aggregate).n === 'number' || (x as Aggregate).suppressed === true;
}

/** When a protected report's figures were last released (its live messages change only then). */
const releasedAt = (a: Aggregate | undefined) => a?.disclosure?.release?.at;

/** A live message carries no open texts for a protected audience: keep those of the last read. */
function withTexts(message: Aggregate, last: Aggregate): Aggregate {
  const items = { ...message.items };
  for (const [id, cell] of Object.entries(last.items)) {
    const now = items[id];
    if ('texts' in cell && cell.texts && now && 'type' in now && now.type === 'open') items[id] = { ...now, texts: cell.texts };
  }
  return { ...message, items };
}

const STATES: Record<TaskStatus, ReportState> = {
  [TaskStatus.INITIAL]: 'idle',
  [TaskStatus.PENDING]: 'loading',
  [TaskStatus.COMPLETE]: 'ready',
  [TaskStatus.ERROR]: 'error',
};

/**
 * Reads a report and keeps it live. The read is a `@lit/task` over the host's selection, API and
 * token: a new filter or token reads again (aborting a read still under way), and the last report
 * stays shown while it loads or when it fails. One WebSocket carries the main selection; when its
 * respondent count changes, the breakdowns (team, trend) are read again after a short pause, so a
 * burst of submissions costs two reads instead of a socket per view.
 */
export class ReportController implements ReactiveController {
  /** Error code from the API (`unauthorized`, `forbidden`, …) or `load_failed`. */
  error?: string;
  updatedAt?: Date;
  readonly live: LiveController<unknown>;

  private read?: Read;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private readonly task: Task<ReportArgs, Read>;

  /** `onError` hears the code of every failed read, e.g. to ask for a new token on `unauthorized`. */
  constructor(
    private readonly host: ReactiveControllerHost,
    args: () => ReportArgs,
    onError: (code: string) => void = () => {},
  ) {
    host.addController(this);
    this.live = new LiveController<unknown>(host, (msg) => this.onLive(msg));
    this.task = new Task(host, {
      args,
      task: async (reportArgs, { signal }) => {
        clearTimeout(this.refreshTimer);
        const [selection, attr, token] = reportArgs;
        if (!selection) return initialState;
        const api = apiBase(attr);
        return { report: await this.fetchReport(selection, api, token, signal), args: reportArgs, selection, api, token };
      },
      onComplete: (read) => {
        this.read = read;
        this.error = undefined;
        this.updatedAt = new Date();
        this.live.connect(`${read.api}/v1/live?${aggregateQuery(read.selection, read.report.range, { unweighted: true })}`, read.token);
      },
      onError: (e) => {
        this.error = e instanceof ApiFailure ? e.code : 'load_failed';
        onError(this.error);
      },
    });
  }

  get state(): ReportState {
    return STATES[this.task.status];
  }

  /** The last report read, with live changes applied; kept while a new read loads or fails. */
  get report(): Report | undefined {
    return this.read?.report;
  }

  /** Reads the same selection again: a retry, or a login with the token already given. */
  reload(): void {
    void this.task.run();
  }

  hostDisconnected(): void {
    clearTimeout(this.refreshTimer);
  }

  private async fetchReport(sel: Selection, api: string, token: string, signal?: AbortSignal): Promise<Report> {
    const get = (params: URLSearchParams) => this.get(api, token, params, signal);
    const range = resolveRange(sel, localToday());
    // The selection first: whether it is protected decides which other reads may be made.
    const current = await get(aggregateQuery(sel, range, { compare: true }));
    const guarded = current.disclosure?.protected === true;
    const [byTeam, byLanguage, trendRead] = await Promise.all([
      // A partner reads one dimension at a time: no breakdown by team beside another filter.
      guarded && (sel.contact || sel.status)
        ? undefined
        : get(aggregateQuery(sel, range, { groupBy: 'team', withTeam: false })).catch(() => undefined),
      // Languages single out the few who answered in each: only the gemeente sees them.
      guarded ? undefined : get(aggregateQuery(sel, range, { groupBy: 'language' })).catch(() => undefined),
      this.trendOf(get, sel, range),
    ]);
    const { labels, comparison, weighting } = current;
    return { current, byTeam, byLanguage, ...trendRead, comparison, compare: sel.compare, weighting, range, labels, protected: guarded };
  }

  /** The trend, and its first period with a cijfer tested against its last, so the headline states only a real change. */
  private async trendOf(
    get: (p: URLSearchParams) => Promise<Read_>,
    sel: Selection,
    range: Range,
  ): Promise<{ trend?: Aggregate; trendTest?: TrendTest }> {
    const trend = await get(aggregateQuery(sel, range, { groupBy: sel.trend })).catch(() => undefined);
    const shown = (trend?.groups ?? []).filter(
      (g) => 'items' in g && Object.values(g.items).some((c) => 'type' in c && c.type === 'cijfer'),
    );
    if (shown.length < 2) return { trend };
    const [first, last] = [shown[0].key, shown[shown.length - 1].key];
    const [then, now] = [periodRange(first, range), periodRange(last, range)];
    if (!then || !now) return { trend };
    const tested = await get(aggregateQuery(sel, now, { compare: then })).catch(() => undefined);
    return { trend, ...(tested?.comparison ? { trendTest: { first, last, comparison: tested.comparison } } : {}) };
  }

  private async get(api: string, token: string, params: URLSearchParams, signal?: AbortSignal): Promise<Read_> {
    const res = await fetch(`${api}/v1/aggregates?${params}`, {
      headers: authHeaders(token),
      // Without a token, a browser signed in to beheer on the same origin is let in by its session cookie.
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
    if (!res.ok) throw new ApiFailure((await errorCode(res)) ?? 'load_failed');
    const body: unknown = await res.json();
    if (!isAggregate(body)) throw new ApiFailure('load_failed');
    return body;
  }

  private onLive(message: unknown): void {
    // The socket also answers pings; only aggregates change the report.
    if (!isAggregate(message) || !this.read) return;
    const report = this.read.report;
    const last = report.current;
    // A protected feed sends only releases; the admin's every change.
    const changed = report.protected ? releasedAt(message) !== releasedAt(last) : message.n !== last.n;
    // A push is counted, not weighted: weighted figures are read again instead.
    if (report.weighting) {
      if (changed) void this.task.run();
      return;
    }
    this.read = { ...this.read, report: { ...report, current: report.protected ? withTexts(message, last) : message } };
    this.updatedAt = new Date();
    this.host.requestUpdate();
    // The first message after (re)connecting repeats what was read; only a new count means new responses.
    if (changed) {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => void this.refreshBreakdowns(), REFRESH_DEBOUNCE_MS);
    }
  }

  private async refreshBreakdowns(): Promise<void> {
    const read = this.read;
    if (!read) return;
    const { selection: sel, api, token } = read;
    const { range } = read.report;
    const guarded = read.report.protected;
    const [byTeam, trendRead, current] = await Promise.all([
      guarded && (sel.contact || sel.status)
        ? undefined
        : this.get(api, token, aggregateQuery(sel, range, { groupBy: 'team', withTeam: false })).catch(() => read.report.byTeam),
      this.trendOf((p) => this.get(api, token, p), sel, range).catch(() => read.report),
      // The comparison is not pushed, and released open texts come only with a read: read it again.
      this.get(api, token, aggregateQuery(sel, range, { compare: true })).catch(() => undefined),
    ]);
    // A new selection was asked for meanwhile: these breakdowns belong to the old one.
    if (this.task.status === TaskStatus.PENDING || this.read?.args !== read.args) return;
    const comparison = current ? current.comparison : this.read.report.comparison;
    this.read = {
      ...this.read,
      report: {
        ...this.read.report,
        byTeam,
        trend: trendRead.trend,
        trendTest: trendRead.trendTest,
        comparison,
        ...(guarded && current ? { current } : {}),
      },
    };
    this.host.requestUpdate();
  }
}

class ApiFailure extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
