import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { ACCOUNT_ROLES } from '../../schemas/constants.js';
import { fieldProblems } from './errors.js';
import { BeheerScreen } from './screen.js';

interface Account {
  id: string;
  name: string;
  email: string;
  role: (typeof ACCOUNT_ROLES)[number];
  partner: string | null;
  disabledAt: string | null;
  passkeys: number;
}
interface Token {
  id: string;
  role: string;
  partner: string | null;
  label: string;
  hint: string;
  revokedAt: string | null;
  expiresAt: string | null;
}

const ACCOUNT_ROLE_TEXT: Record<(typeof ACCOUNT_ROLES)[number], () => string> = {
  beheerder: () => msg('Beheerder — alles van de gemeente'),
  onderzoeker: () => msg('Onderzoeker — precieze cijfers, exports en invoer'),
  beleid: () => msg('Beleid — beschermde cijfers van alle partners'),
  partner: () => msg('Partner — cijfers en uitnodigingen van één partner'),
};
const TOKEN_ROLES = ['admin', 'viewer', 'public'] as const;
const TOKEN_ROLE_TEXT: Record<(typeof TOKEN_ROLES)[number], () => string> = {
  admin: () => msg('Beheer (alles van de gemeente)'),
  viewer: () => msg('Partner (dashboard van één partner)'),
  public: () => msg('Openbaar (cijfers op een openbare pagina)'),
};

/** Toegang: personal accounts (invite with a setup link, disable, new link) and API tokens (create, rotate, revoke). */
export class BeheerToegang extends BeheerScreen {
  @state() private accounts: Account[] = [];
  @state() private tokens: Token[] = [];
  @state() private partners: { id: string; name: string }[] = [];
  /** A secret shown once: a setup link or a token. */
  @state() private shown?: { what: string; value: string; id: string };
  @state() private fields: Record<string, string[]> = {};
  @state() private accountRole = 'beheerder';
  @state() private tokenRole = 'admin';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get base() {
    return `/v1/gemeenten/${encodeURIComponent(this.gemeente)}`;
  }

  private async load(): Promise<void> {
    await this.run(async () => {
      const [a, t, p] = await Promise.all([
        this.client.get<{ accounts: Account[] }>(`${this.base}/accounts`),
        this.client.get<{ tokens: Token[] }>(`${this.base}/tokens`),
        this.client.get<{ partners: { id: string; name: string }[] }>(`${this.base}/partners`),
      ]);
      this.accounts = a.accounts;
      this.tokens = t.tokens;
      this.partners = p.partners;
    });
  }

  private async invite(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    const role = String(d.get('role'));
    const body = {
      name: String(d.get('name')).trim(),
      email: String(d.get('email')).trim(),
      role,
      ...(role === 'partner' ? { partner: String(d.get('partner')) } : {}),
    };
    const r = await this.run(() => this.client.json<{ id: string; setupUrl: string }>('POST', `${this.base}/accounts`, body));
    if (!r.ok) {
      this.fields = {
        'a-name': fieldProblems(r.error, 'name'),
        'a-email': fieldProblems(r.error, 'email').length ? [msg('Vul een e-mailadres in, zoals naam@gemeente.nl.')] : [],
      };
      return;
    }
    this.fields = {};
    form.reset();
    this.accountRole = 'beheerder';
    this.shown = { what: msg(str`Uitnodigingslink voor ${body.name}`), value: r.value.setupUrl, id: r.value.id };
    await this.load();
  }

  private async newLink(a: Account): Promise<void> {
    const r = await this.run(() => this.client.json<{ setupUrl: string }>('POST', `${this.base}/accounts/${a.id}/setup`));
    if (r.ok) this.shown = { what: msg(str`Nieuwe link voor ${a.name}`), value: r.value.setupUrl, id: a.id };
  }

  private async setDisabled(a: Account, disabled: boolean): Promise<void> {
    const r = await this.run(() => this.client.json('PATCH', `${this.base}/accounts/${a.id}`, { disabled }));
    if (r.ok) {
      await this.load();
      this.notice = disabled ? msg(str`${a.name} kan niet meer aanmelden.`) : msg(str`${a.name} kan weer aanmelden.`);
    }
  }

  private async createToken(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    const role = String(d.get('role'));
    const days = String(d.get('days')).trim();
    const label = String(d.get('label')).trim();
    const body = {
      role,
      label,
      ...(role === 'admin' ? {} : { partner: String(d.get('partner')) }),
      ...(days ? { expiresInDays: Number(days) } : {}),
    };
    const r = await this.run(() => this.client.json<{ id: string; token: string }>('POST', `${this.base}/tokens`, body));
    if (!r.ok) {
      this.fields = { 't-days': fieldProblems(r.error, 'expiresInDays').length ? [msg('Kies een aantal dagen van 1 tot 3650.')] : [] };
      return;
    }
    this.fields = {};
    form.reset();
    this.tokenRole = 'admin';
    this.shown = { what: msg(str`API-sleutel ${label || r.value.id}`), value: r.value.token, id: r.value.id };
    await this.load();
  }

  private async rotate(t: Token): Promise<void> {
    if (!confirm(msg(str`Sleutel ${t.label || t.id} vervangen? De oude sleutel werkt daarna meteen niet meer.`))) return;
    const r = await this.run(() => this.client.json<{ token: string }>('POST', `${this.base}/tokens/${t.id}/rotate`));
    if (r.ok) {
      this.shown = { what: msg(str`Nieuwe API-sleutel ${t.label || t.id}`), value: r.value.token, id: t.id };
      await this.load();
    }
  }

  private async revoke(t: Token): Promise<void> {
    if (!confirm(msg(str`Sleutel ${t.label || t.id} intrekken? Scripts die hem gebruiken werken dan niet meer.`))) return;
    const r = await this.run(() => this.client.json('DELETE', `${this.base}/tokens/${t.id}`));
    if (r.ok) {
      await this.load();
      this.notice = msg(str`Sleutel ${t.label || t.id} is ingetrokken.`);
    }
  }

  private partnerSelect(id: string) {
    return html`<div class="field">
      <label for=${id}>${msg('Partner')}</label>
      <select id=${id} name="partner" required>
        ${this.partners.map((p) => html`<option value=${p.id}>${p.name}</option>`)}
      </select>
    </div>`;
  }

  private errorsOf(id: string) {
    return html`<div id=${`${id}-error`}>${(this.fields[id] ?? []).map((m) => html`<p class="field-error">${m}</p>`)}</div>`;
  }

  override render() {
    return html`<h2>${msg('Toegang')}</h2>
      ${this.messages()}
      ${
        this.shown
          ? html`<section class="card" aria-labelledby="shown">
              <h3 id="shown">${this.shown.what}</h3>
              <p>${msg('Dit ziet u maar één keer. Kopieer het nu en geef het veilig door.')}</p>
              <pre data-secret=${this.shown.id}>${this.shown.value}</pre>
              <div class="row">
                <button @click=${() => this.copyText(this.shown!.value, this.shown!.what)}>${msg('Kopiëren')}</button>
                <button class="secondary" @click=${() => (this.shown = undefined)}>${msg('Klaar')}</button>
              </div>
            </section>`
          : nothing
      }
      <section aria-labelledby="accounts">
        <h3 id="accounts">${msg('Accounts')}</h3>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">${msg('Naam')}</th>
                <th scope="col">${msg('Rol')}</th>
                <th scope="col">${msg('Status')}</th>
                <th scope="col"><span class="visually-hidden">${msg('Acties')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${this.accounts.map(
                (a) =>
                  html`<tr>
                    <td>${a.name}<br /><span class="hint">${a.email}</span></td>
                    <td>${ACCOUNT_ROLE_TEXT[a.role]()}${a.partner ? html` (${a.partner})` : nothing}</td>
                    <td>${a.disabledAt ? msg('uitgeschakeld') : a.passkeys ? msg('actief') : msg('wacht op toegangssleutel')}</td>
                    <td>
                      <div class="row">
                        <button class="secondary" @click=${() => this.newLink(a)}>${msg('Nieuwe link')}</button>
                        ${
                          a.disabledAt
                            ? html`<button class="secondary" @click=${() => this.setDisabled(a, false)}>${msg('Inschakelen')}</button>`
                            : html`<button class="danger" @click=${() => this.setDisabled(a, true)}>${msg('Uitschakelen')}</button>`
                        }
                      </div>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <h4>${msg('Collega uitnodigen')}</h4>
        <form @submit=${this.invite} novalidate>
          <div class="field">
            <label for="a-name">${msg('Naam')}</label>
            <input id="a-name" name="name" autocomplete="off" aria-describedby="a-name-error" required />
            ${this.errorsOf('a-name')}
          </div>
          <div class="field">
            <label for="a-email">${msg('E-mailadres')}</label>
            <input id="a-email" name="email" type="email" autocomplete="off" aria-describedby="a-email-error" required />
            ${this.errorsOf('a-email')}
          </div>
          <div class="field">
            <label for="a-role">${msg('Rol')}</label>
            <select id="a-role" name="role" @change=${(e: Event) => (this.accountRole = (e.target as HTMLSelectElement).value)}>
              ${ACCOUNT_ROLES.map((r) => html`<option value=${r} ?selected=${r === this.accountRole}>${ACCOUNT_ROLE_TEXT[r]()}</option>`)}
            </select>
          </div>
          ${this.accountRole === 'partner' ? this.partnerSelect('a-partner') : nothing}
          <button type="submit" ?disabled=${this.busy}>${msg('Uitnodigen')}</button>
        </form>
      </section>
      <section aria-labelledby="tokens">
        <h3 id="tokens">${msg('API-sleutels')}</h3>
        <p>${msg('Voor scripts en koppelingen. Mensen gebruiken een account.')}</p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">${msg('Naam')}</th>
                <th scope="col">${msg('Soort')}</th>
                <th scope="col">${msg('Geldig tot')}</th>
                <th scope="col"><span class="visually-hidden">${msg('Acties')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${this.tokens.map(
                (t) =>
                  html`<tr data-token=${t.id}>
                    <td>${t.label || t.id}<br /><span class="hint">…${t.hint}</span></td>
                    <td>${t.role}${t.partner ? html` (${t.partner})` : nothing}</td>
                    <td>${t.revokedAt ? msg('ingetrokken') : t.expiresAt ? t.expiresAt.slice(0, 10) : msg('onbeperkt')}</td>
                    <td>
                      <div class="row">
                        ${
                          t.revokedAt
                            ? nothing
                            : html`<button class="secondary" @click=${() => this.rotate(t)}>
                                  ${msg(str`${t.label || t.id} vervangen`)}
                                </button>
                                <button class="danger" @click=${() => this.revoke(t)}>${msg(str`${t.label || t.id} intrekken`)}</button>`
                        }
                      </div>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <h4>${msg('Nieuwe API-sleutel')}</h4>
        <form @submit=${this.createToken} novalidate>
          <div class="field">
            <label for="t-label"
              >${msg('Naam')}<span class="hint">${msg('Waarvoor, bijvoorbeeld “export naar het datateam”.')}</span></label
            >
            <input id="t-label" name="label" autocomplete="off" maxlength="100" />
          </div>
          <div class="field">
            <label for="t-role">${msg('Soort')}</label>
            <select id="t-role" name="role" @change=${(e: Event) => (this.tokenRole = (e.target as HTMLSelectElement).value)}>
              ${TOKEN_ROLES.map((r) => html`<option value=${r} ?selected=${r === this.tokenRole}>${TOKEN_ROLE_TEXT[r]()}</option>`)}
            </select>
          </div>
          ${this.tokenRole === 'admin' ? nothing : this.partnerSelect('t-partner')}
          <div class="field">
            <label for="t-days"
              >${msg('Geldig (dagen)')}<span class="hint"
                >${msg('Leeg: partner- en openbare sleutels een jaar, beheer onbeperkt.')}</span
              ></label
            >
            <input id="t-days" name="days" inputmode="numeric" aria-describedby="t-days-error" />
            ${this.errorsOf('t-days')}
          </div>
          <button type="submit" ?disabled=${this.busy}>${msg('Sleutel maken')}</button>
        </form>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-toegang': BeheerToegang;
  }
}
