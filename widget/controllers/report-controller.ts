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

/**
 * Reads a report and keeps it live. One WebSocket carries the main selection; when its respondent
 * count changes, the breakdowns (team, trend) are read again after a short pause, so a burst of
 * submissions costs two reads instead of a socket per view.
 */
export class ReportController implements ReactiveController {
  state: ReportState = 'idle';
  /** Error code from the API (`unauthorized`, `forbidden`, …) or `load_failed`. */
  error?: string;
  report?: Report;
  updatedAt?: Date;
  readonly live: LiveController<unknown>;

  private seq = 0;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private api = '';
  private token = '';
  private selection?: Selection;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    this.live = new LiveController<unknown>(host, (msg) => this.onLive(msg));
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.refreshTimer);
  }

  /** Loads `sel` from scratch (a new filter or token) and points the live connection at it. */
  async load(sel: Selection, api: string, token: string, today = localToday()): Promise<void> {
    this.api = apiBase(api);
    this.token = token;
    this.selection = sel;
    clearTimeout(this.refreshTimer);
    const seq = ++this.seq;
    this.state = 'loading';
    this.host.requestUpdate();
    const range = resolveRange(sel, today);
    try {
      // The selection first: whether it is protected decides which other reads may be made.
      const current = await this.get(aggregateQuery(sel, range));
      const guarded = current.disclosure?.protected === true;
      const prevRange = previousRange(sel, range, guarded);
      const [byTeam, trend, previous] = await Promise.all([
        // A partner reads one dimension at a time: no breakdown by team beside another filter.
        guarded && (sel.contact || sel.status) ? undefined : this.get(aggregateQuery(sel, range, { groupBy: 'team', withTeam: false })).catch(() => undefined),
        this.get(aggregateQuery(sel, range, { groupBy: sel.trend })).catch(() => undefined),
        prevRange ? this.get(aggregateQuery(sel, prevRange)).catch(() => undefined) : undefined,
      ]);
      if (seq !== this.seq) return;
      const labels = (current as Aggregate & { labels?: ReportLabels }).labels;
      this.report = { current, byTeam, trend, previous, range, previousRange: prevRange, labels, protected: guarded };
      this.error = undefined;
      this.state = 'ready';
      this.updatedAt = new Date();
      this.live.connect(`${this.api}/v1/live?${aggregateQuery(sel, range)}`, token);
    } catch (e) {
      if (seq !== this.seq) return;
      this.error = e instanceof ApiFailure ? e.code : 'load_failed';
      this.state = 'error';
    }
    this.host.requestUpdate();
  }

  private async get(params: URLSearchParams): Promise<Aggregate> {
    const res = await fetch(`${this.api}/v1/aggregates?${params}`, {
      headers: { Authorization: `Bearer ${this.token}` },
      cache: 'no-store',
    });
    if (!res.ok) throw new ApiFailure((await errorCode(res)) ?? 'load_failed');
    const body: unknown = await res.json();
    if (!isAggregate(body)) throw new ApiFailure('load_failed');
    return body;
  }

  private onLive(message: unknown): void {
    // The socket also answers pings; only aggregates change the report.
    if (!isAggregate(message) || !this.report) return;
    const last = this.report.current;
    // A protected feed sends only releases; the admin's every change.
    const changed = this.report.protected ? releasedAt(message) !== releasedAt(last) : message.n !== last.n;
    this.report = { ...this.report, current: this.report.protected ? withTexts(message, last) : message };
    this.updatedAt = new Date();
    this.host.requestUpdate();
    // The first message after (re)connecting repeats what was read; only a new count means new responses.
    if (changed) {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => void this.refreshBreakdowns(), REFRESH_DEBOUNCE_MS);
    }
  }

  private async refreshBreakdowns(): Promise<void> {
    const sel = this.selection;
    const report = this.report;
    if (!sel || !report) return;
    const seq = this.seq;
    const [byTeam, trend, current] = await Promise.all([
      report.protected && (sel.contact || sel.status)
        ? undefined
        : this.get(aggregateQuery(sel, report.range, { groupBy: 'team', withTeam: false })).catch(() => report.byTeam),
      this.get(aggregateQuery(sel, report.range, { groupBy: sel.trend })).catch(() => report.trend),
      // Released open texts come only with a read, never in a live message.
      report.protected ? this.get(aggregateQuery(sel, report.range)).catch(() => undefined) : undefined,
    ]);
    if (seq !== this.seq || !this.report) return;
    this.report = { ...this.report, byTeam, trend, ...(current ? { current } : {}) };
    this.host.requestUpdate();
  }
}

class ApiFailure extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
