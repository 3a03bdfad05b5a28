import { LitElement, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import type { Aggregate, ItemCell } from '../schemas/aggregate.js';
import { apiBase, errorCode } from './api.js';
import { LiveController } from './controllers/live-controller.js';
import { applyLocale } from './localization.js';
import { styles } from './peil-dashboard.styles.js';

const TOKEN_KEY = 'peil-dashboard-token';

/**
 * The gemeente's live report of one questionnaire: n, rapportcijfer and aanraden, updated over a
 * WebSocket as responses arrive.
 *
 * @csspart tile - Each headline figure.
 * @cssprop [--peil-primary=#00539f] - Accent colour.
 */
@localized()
export class PeilDashboard extends LitElement {
  static override styles = styles;

  /** Questionnaire id. */
  @property() questionnaire = 'sociaal-team-kort';
  /** Base URL of the Peil API; defaults to the origin the script was loaded from. */
  @property() api = '';
  /** Bearer token (gemeente admin or partner viewer). Also read from `#token=` or asked for. */
  @property() token = '';
  /** `nl` or `en` (attribute `lang`); defaults to the page's `<html lang>`. */
  @property({ attribute: 'lang' }) language?: string;

  @state() private data?: Aggregate;
  @state() private error?: string;
  @state() private updatedAt?: Date;

  private readonly live = new LiveController<Aggregate & { type?: string }>(this, (d) => {
    this.data = d;
    this.updatedAt = new Date();
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void applyLocale(this.language);
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
    if (fromHash) {
      sessionStorage.setItem(TOKEN_KEY, fromHash);
      history.replaceState(null, '', location.pathname + location.search);
    }
    this.token ||= fromHash ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
    if (this.token) void this.load();
  }

  private query(): string {
    return new URLSearchParams({ questionnaire: this.questionnaire }).toString();
  }

  private async load(): Promise<void> {
    const base = apiBase(this.api);
    try {
      const res = await fetch(`${base}/v1/aggregates?${this.query()}`, { headers: { Authorization: `Bearer ${this.token}` } });
      if (!res.ok) {
        this.error = (await errorCode(res)) ?? 'load_failed';
        if (this.error === 'unauthorized') sessionStorage.removeItem(TOKEN_KEY);
        return;
      }
      this.error = undefined;
      this.data = (await res.json()) as Aggregate;
      this.updatedAt = new Date();
      this.live.connect(`${base}/v1/live?${this.query()}`, this.token);
    } catch {
      this.error = 'load_failed';
    }
  }

  private login(e: Event): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    this.token = input.value.trim();
    sessionStorage.setItem(TOKEN_KEY, this.token);
    void this.load();
  }

  override render() {
    if (!this.token || this.error === 'unauthorized') {
      return html`<form class="login" @submit=${this.login}>
        <h1>${msg('Peil dashboard')}</h1>
        ${this.error ? html`<p role="alert" class="error">${msg('Deze code klopt niet. Probeer het opnieuw.')}</p>` : nothing}
        <label for="token">${msg('Toegangscode')}</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required />
        <button type="submit">${msg('Inloggen')}</button>
      </form>`;
    }
    if (this.error) return html`<p role="alert" class="error">${msg('Het dashboard kon niet worden geladen. Probeer het later opnieuw.')}</p>`;
    if (!this.data) return html`<p role="status">${msg('Gegevens worden geladen…')}</p>`;
    const d = this.data;
    return html`
      <header>
        <h1>${msg('Tevredenheid cliënten')}</h1>
        <p class="live ${this.live.status}" role="status">
          ${this.live.status === 'live'
            ? msg('Live: cijfers worden vanzelf bijgewerkt')
            : this.live.status === 'connecting'
              ? msg('Verbinden…')
              : msg('Geen verbinding. Wij proberen het opnieuw.')}
        </p>
      </header>
      <div class="tiles">
        <section class="tile" part="tile" aria-labelledby="t-n">
          <h2 id="t-n">${msg('Aantal reacties')}</h2>
          <p class="figure" data-figure="n">${fmtInt(d.n)}</p>
        </section>
        ${this.cijferTile(d.items['tot_cijfer'])} ${this.aanradenTile(d.items['tot_aanraden'])}
      </div>
      ${this.updatedAt ? html`<p class="updated">${msg(str`Bijgewerkt om ${this.updatedAt.toLocaleTimeString('nl-NL')}`)}</p>` : nothing}
    `;
  }

  private cijferTile(cell: ItemCell | undefined) {
    return html`<section class="tile" part="tile" aria-labelledby="t-cijfer">
      <h2 id="t-cijfer">${msg('Gemiddeld rapportcijfer')}</h2>
      ${!cell || 'suppressed' in cell || cell.type !== 'cijfer'
        ? html`<p class="figure muted" data-figure="cijfer">${msg('te weinig reacties')}</p>`
        : html`<p class="figure" data-figure="cijfer">${fmtDec(cell.mean)}</p>
            <p class="n">n = ${fmtInt(cell.n)}</p>`}
    </section>`;
  }

  private aanradenTile(cell: ItemCell | undefined) {
    return html`<section class="tile" part="tile" aria-labelledby="t-aanraden">
      <h2 id="t-aanraden">${msg('Zou ons aanraden')}</h2>
      ${!cell || 'suppressed' in cell || cell.type !== 'aanraden'
        ? html`<p class="figure muted" data-figure="aanraden">${msg('te weinig reacties')}</p>`
        : html`<p class="figure" data-figure="aanraden">${fmtPct(cell.pct.ja)}</p>
            <p class="n">${msg(str`en nog ${fmtPct(cell.pct.misschien)} misschien`)} · n = ${fmtInt(cell.n)}</p>`}
    </section>`;
  }
}

const nlInt = new Intl.NumberFormat('nl-NL');
const nlDec = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const fmtInt = (n: number) => nlInt.format(n);
const fmtDec = (n: number) => nlDec.format(n);
const fmtPct = (n: number) => `${nlInt.format(Math.round(n))}%`;

declare global {
  interface HTMLElementTagNameMap {
    'peil-dashboard': PeilDashboard;
  }
}
