import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Aggregate, ReportLabels } from '../../schemas/aggregate.js';
import { apiBase, errorCode } from '../api.js';
import { aggregateQuery, localToday, previousRange, resolveRange, type Range, type Selection } from '../dashboard/selection.js';
import { LiveController } from './live-controller.js';

/** The four reads one report needs. Only `current` is required; the others may be missing. */
export interface Report {
  /** The selection itself: tiles, stellingen, distributions, open answers. */
  current: Aggregate;
  /** Same selection, every team (the team filter left out), for the breakdown table. */
  byTeam?: Aggregate;
  /** Same selection by month or quarter, for the trend. */
  trend?: Aggregate;
  /** The period before, for the comparison on the tiles; absent for "all time". */
  previous?: Aggregate;
  range: Range;
  previousRange?: Range;
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
        if (!selection || !token) return initialState;
        const api = apiBase(attr);
        return { report: await this.fetchReport(selection, api, token, signal), args: reportArgs, selection, api, token };
      },
      onComplete: (read) => {
        this.read = read;
        this.error = undefined;
        this.updatedAt = new Date();
        this.live.connect(`${read.api}/v1/live?${aggregateQuery(read.selection, read.report.range)}`, read.token);
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
    const current = await get(aggregateQuery(sel, range));
    const guarded = current.disclosure?.protected === true;
    const prevRange = previousRange(sel, range, guarded);
    const [byTeam, trend, previous] = await Promise.all([
      // A partner reads one dimension at a time: no breakdown by team beside another filter.
      guarded && (sel.contact || sel.status) ? undefined : get(aggregateQuery(sel, range, { groupBy: 'team', withTeam: false })).catch(() => undefined),
      get(aggregateQuery(sel, range, { groupBy: sel.trend })).catch(() => undefined),
      prevRange ? get(aggregateQuery(sel, prevRange)).catch(() => undefined) : undefined,
    ]);
    const labels = (current as Aggregate & { labels?: ReportLabels }).labels;
    return { current, byTeam, trend, previous, range, previousRange: prevRange, labels, protected: guarded };
  }

  private async get(api: string, token: string, params: URLSearchParams, signal?: AbortSignal): Promise<Aggregate> {
    const res = await fetch(`${api}/v1/aggregates?${params}`, {
      headers: { Authorization: `Bearer ${token}` },
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
    const [byTeam, trend, current] = await Promise.all([
      guarded && (sel.contact || sel.status)
        ? undefined
        : this.get(api, token, aggregateQuery(sel, range, { groupBy: 'team', withTeam: false })).catch(() => read.report.byTeam),
      this.get(api, token, aggregateQuery(sel, range, { groupBy: sel.trend })).catch(() => read.report.trend),
      // Released open texts come only with a read, never in a live message.
      guarded ? this.get(api, token, aggregateQuery(sel, range)).catch(() => undefined) : undefined,
    ]);
    // A new selection was asked for meanwhile: these breakdowns belong to the old one.
    if (this.task.status === TaskStatus.PENDING || this.read?.args !== read.args) return;
    this.read = { ...this.read, report: { ...this.read.report, byTeam, trend, ...(current ? { current } : {}) } };
    this.host.requestUpdate();
  }
}

class ApiFailure extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
