import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LIVE_CLOSE_TOKEN } from '../../schemas/constants.js';

export type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * Holds a WebSocket to `/v1/live` open and reconnects with backoff when it drops, unless the server
 * closed it because the token no longer holds (revoked, rotated, expired): reconnecting with that token
 * would only be refused. The token goes in a `bearer.…` subprotocol because browsers cannot set
 * headers on a WebSocket; with no token, the beheer session cookie lets a signed-in browser in.
 */
export class LiveController<T> implements ReactiveController {
  status: LiveStatus = 'offline';
  /** Set once a connection was lost, so the view can say it came back. */
  reconnected = false;
  private ws?: WebSocket;
  private timer?: ReturnType<typeof setTimeout>;
  private attempt = 0;
  private url?: string;
  private token?: string;
  private lost = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onData: (data: T) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.url) this.open();
  }

  hostDisconnected(): void {
    this.close();
  }

  /** Connects to `url` (http or https; switched to ws/wss); a new url replaces the old connection. */
  connect(url: string, token: string): void {
    const wsUrl = url.replace(/^http/, 'ws');
    if (wsUrl === this.url && token === this.token && this.ws) return;
    this.url = wsUrl;
    this.token = token;
    this.close();
    this.open();
  }

  private open(): void {
    if (!this.url) return;
    this.setStatus('connecting');
    // Without a token the browser's own session cookie goes with the upgrade, as with any same-origin request.
    const ws = new WebSocket(this.url, this.token ? ['peil.v1', `bearer.${this.token}`] : ['peil.v1']);
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.reconnected = this.lost;
      this.setStatus('live');
    };
    ws.onmessage = (e) => {
      try {
        this.onData(JSON.parse(String(e.data)) as T);
      } catch {
        // Not a message of ours.
      }
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      this.lost = true;
      this.reconnected = false;
      this.setStatus('offline');
      if (e.code === LIVE_CLOSE_TOKEN) return;
      const delay = Math.min(30_000, 1000 * 2 ** this.attempt);
      this.attempt += 1;
      this.timer = setTimeout(() => this.open(), delay);
    };
  }

  private close(): void {
    clearTimeout(this.timer);
    const ws = this.ws;
    this.ws = undefined;
    ws?.close(1000);
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
