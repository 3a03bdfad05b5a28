import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { errorCode } from '../api.js';

export interface OutboxEntry {
  url: string;
  body: { submissionId: string } & Record<string, unknown>;
  queuedAt: number;
}

export type SendState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'queued' } | { kind: 'failed'; code: string };

const STORAGE_KEY = 'peil-outbox';
const MAX_AGE_MS = 30 * 86_400_000;
const MAX_DELAY_MS = 60_000;
/** Long enough for the first question to be painted, also on a slow phone and connection. */
const RESUME_AFTER_MS = 1000;

/** The browser's storage, or nothing when it is blocked (private mode, strict cookie settings). */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function readAll(): OutboxEntry[] {
  try {
    const list = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? '[]') as OutboxEntry[];
    return Array.isArray(list) ? list.filter((e) => Date.now() - e.queuedAt < MAX_AGE_MS) : [];
  } catch {
    return [];
  }
}

/** Stores the outbox; false when the browser refused (storage full or blocked). */
function writeAll(list: OutboxEntry[]): boolean {
  try {
    if (list.length) storage()!.setItem(STORAGE_KEY, JSON.stringify(list));
    else storage()!.removeItem(STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `task` in the first idle moment after `delayMs` (at once, where the browser cannot tell idle
 * time); returns what cancels it.
 */
function later(task: () => void, delayMs: number): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(task, { timeout: 2000 });
    else task();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/** Whether the server has decided for good: stored, or refused for a reason a retry will not change. */
function isFinal(status: number): boolean {
  return status < 500 && status !== 408 && status !== 429;
}

/**
 * Sends submissions so that none is lost and none is counted twice. Every submission goes to an
 * outbox in localStorage before the first attempt and leaves it only when the server has decided.
 * Retries back off, resume on `online` and on the next visit, and `pagehide` hands what is left to
 * `sendBeacon`. The server is idempotent on submissionId, so a repeat is harmless.
 */
export class OutboxController implements ReactiveController {
  state: SendState = { kind: 'idle' };
  private current?: string;
  private timer?: ReturnType<typeof setTimeout>;
  private attempt = 0;
  private memory: OutboxEntry[] = [];
  // When storage refuses a write (or is blocked), the in-memory copy still retries while the page is
  // open. Not looked up at construction: the first storage access of a page is slow, and can wait.
  private persisted = true;
  private flushing?: Promise<void>;
  private cancelResume?: () => void;

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('pagehide', this.onPageHide);
    // Answers left by an earlier visit go out once the first question is on screen and the page is
    // idle; a submission of this visit already sends the whole outbox, and retries it.
    this.cancelResume = later(() => {
      if (this.current === undefined && readAll().length) void this.flush();
    }, RESUME_AFTER_MS);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('pagehide', this.onPageHide);
    this.cancelResume?.();
    clearTimeout(this.timer);
  }

  /** Queues and sends one submission; resolves with the state it reached. A repeat call for the same id is a no-op. */
  async send(entry: OutboxEntry): Promise<SendState> {
    if (this.current === entry.body.submissionId && this.state.kind !== 'failed') return this.state;
    this.current = entry.body.submissionId;
    this.entries = [...this.entries.filter((e) => e.body.submissionId !== entry.body.submissionId), entry];
    this.setState({ kind: 'sending' });
    // A flush already under way (an earlier visit's entries) read the outbox before this entry was added.
    await this.flushing;
    if (this.state.kind === 'sending') await this.flush();
    return this.state;
  }

  /** Lets go of the last submission's state, for the next client on a shared device; queued entries still go out. */
  forget(): void {
    this.current = undefined;
    this.setState({ kind: 'idle' });
  }

  private get entries(): OutboxEntry[] {
    return this.persisted ? readAll() : this.memory;
  }

  private set entries(list: OutboxEntry[]) {
    this.memory = list;
    this.persisted = writeAll(list);
  }

  private setState(state: SendState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private onOnline = () => {
    this.attempt = 0;
    void this.flush();
  };

  private onPageHide = () => {
    if (typeof navigator.sendBeacon !== 'function') return;
    for (const e of this.entries) {
      // text/plain keeps the beacon a simple request across origins; the server accepts it.
      navigator.sendBeacon(e.url, new Blob([JSON.stringify(e.body)], { type: 'text/plain' }));
    }
  };

  /** Tries every queued entry once; schedules the next try for those that are left. */
  flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    clearTimeout(this.timer);
    let left = false;
    for (const entry of this.entries) {
      const id = entry.body.submissionId;
      let outcome: SendState;
      try {
        const res = await fetch(entry.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(entry.body),
          keepalive: true,
        });
        if (res.ok) outcome = { kind: 'sent' };
        else if (isFinal(res.status)) outcome = { kind: 'failed', code: (await errorCode(res)) ?? `http_${res.status}` };
        else outcome = { kind: 'queued' };
      } catch {
        outcome = { kind: 'queued' };
      }
      if (outcome.kind === 'queued') left = true;
      else this.entries = this.entries.filter((e) => e.body.submissionId !== id);
      if (id === this.current) this.setState(outcome);
    }
    if (left) {
      const delay = Math.min(MAX_DELAY_MS, 2000 * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
      this.attempt += 1;
      this.timer = setTimeout(() => void this.flush(), delay);
    } else {
      this.attempt = 0;
    }
  }
}
