import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Client, Me } from './client.js';
import { copy } from './client.js';
import { problem } from './errors.js';
import { base } from './styles.js';

/**
 * What every beheer screen has: the API client and who is signed in (both set by `<peil-beheer>`), a
 * message line that screen readers hear, and one way to run a request and show its refusal in Dutch.
 */
export class BeheerScreen extends LitElement {
  static override styles = [base];

  @property({ attribute: false }) client!: Client;
  @property({ attribute: false }) me!: Me;

  @state() protected error = '';
  @state() protected notice = '';
  @state() protected busy = false;

  constructor() {
    super();
    // Every screen speaks the language chosen in the header, also when it changes while open.
    updateWhenLocaleChanges(this);
  }

  /** The gemeente of the signed-in account or token. */
  protected get gemeente(): string {
    return this.me.gemeente ?? '';
  }

  /** Whether the principal may manage the gemeente (a beheerder or an admin token). */
  protected get isAdmin(): boolean {
    return this.me.role === 'admin' || this.me.role === 'operator';
  }

  /** Runs a request; a refusal becomes the Dutch message line and is also returned for field messages. */
  protected async run<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      this.error = problem(error);
      return { ok: false, error };
    } finally {
      this.busy = false;
    }
  }

  protected async copyText(text: string, what: string): Promise<void> {
    this.notice = (await copy(text)) ? msg(str`${what} is gekopieerd.`) : msg('Kopiëren lukte niet. Selecteer de tekst en kopieer zelf.');
  }

  /** The message line: one live region per screen, so each result is read out once. */
  protected messages() {
    return html`<div role="status" aria-live="polite">
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing} ${this.notice ? html`<p class="ok">${this.notice}</p>` : nothing}
    </div>`;
  }
}
