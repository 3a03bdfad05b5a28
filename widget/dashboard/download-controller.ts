import { authHeaders } from '../controllers/report-controller.js';
import type { ReactiveControllerHost } from 'lit';

/** `denied` hides the downloads: the token is a partner's viewer token, and exports are the gemeente's. */
export type DownloadState = 'idle' | 'busy' | 'denied' | 'unavailable' | 'failed';

/**
 * Downloads an export with the bearer token. A plain link cannot send the token, so the file is
 * fetched, turned into a Blob and saved through a temporary object URL. It needs no lifecycle of the
 * host, only its updates, so it is not registered with addController.
 */
export class DownloadController {
  state: DownloadState = 'idle';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {}

  /** Forget an earlier refusal when the token changes. */
  reset(): void {
    this.state = 'idle';
    this.host.requestUpdate();
  }

  async download(url: string, token: string, filename: string): Promise<void> {
    this.set('busy');
    try {
      // Never from the HTTP cache: a file fetched with another token must not be handed out again.
      const res = await fetch(url, { headers: authHeaders(token), credentials: 'same-origin', cache: 'no-store' });
      if (res.status === 401 || res.status === 403) return this.set('denied');
      if (res.status === 404) return this.set('unavailable');
      if (!res.ok) return this.set('failed');
      const href = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = href;
      a.download = filename;
      a.hidden = true;
      // In the host's shadow root, so the page's own link handlers do not see it.
      (this.host.shadowRoot ?? document.body).append(a);
      a.click();
      a.remove();
      // The browser has the file once click() returns; revoking later avoids cancelling it in Firefox.
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      this.set('idle');
    } catch {
      this.set('failed');
    }
  }

  private set(state: DownloadState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
