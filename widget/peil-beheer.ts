import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { applyLocale, getLocale } from './localization.js';
import { ApiFailure, Client, type CeoDue, type Me } from './beheer/client.js';
import { problem } from './beheer/errors.js';
import { base } from './beheer/styles.js';

const TOKEN_KEY = 'peil-beheer-token';

type Screen = 'vragenlijsten' | 'partners' | 'uitnodigingen' | 'toegang' | 'gegevens' | 'logboek';

interface ScreenInfo {
  title: () => string;
  /** Whether the signed-in role sees the screen; the API refuses the rest anyway. */
  for: (me: Me) => boolean;
  render: (client: Client, me: Me) => TemplateResult;
}

const admin = (me: Me) => me.role === 'admin' || me.role === 'operator';
const SCREENS: Record<Screen, ScreenInfo> = {
  vragenlijsten: {
    title: () => msg('Vragenlijsten'),
    for: admin,
    render: (c, me) => html`<beheer-vragenlijsten .client=${c} .me=${me}></beheer-vragenlijsten>`,
  },
  partners: {
    title: () => msg('Partners en teams'),
    for: admin,
    render: (c, me) => html`<beheer-partners .client=${c} .me=${me}></beheer-partners>`,
  },
  uitnodigingen: {
    title: () => msg('Uitnodigingen'),
    for: (me) => admin(me) || me.role === 'viewer',
    render: (c, me) => html`<beheer-uitnodigingen .client=${c} .me=${me}></beheer-uitnodigingen>`,
  },
  toegang: {
    title: () => msg('Toegang'),
    for: admin,
    render: (c, me) => html`<beheer-toegang .client=${c} .me=${me}></beheer-toegang>`,
  },
  gegevens: {
    title: () => msg('Gegevens'),
    for: (me) => admin(me) || me.role === 'onderzoeker',
    render: (c, me) => html`<beheer-gegevens .client=${c} .me=${me}></beheer-gegevens>`,
  },
  logboek: {
    title: () => msg('Logboek'),
    for: admin,
    render: (c, me) => html`<beheer-logboek .client=${c} .me=${me}></beheer-logboek>`,
  },
};
const ORDER = Object.keys(SCREENS) as Screen[];

const ROLE_NAMES: Record<string, () => string> = {
  beheerder: () => msg('beheerder'),
  onderzoeker: () => msg('onderzoeker'),
  beleid: () => msg('beleid'),
  partner: () => msg('partner'),
  admin: () => msg('beheerder (sleutel)'),
  operator: () => msg('operator'),
  viewer: () => msg('partner (sleutel)'),
  public: () => msg('openbaar'),
};

const LANG_KEY = 'peil-beheer-lang';

/**
 * The gemeente's console: sign in with a passkey (or `#token=` for scripts and local development),
 * then set up questionnaires, partners, invites, access and data. It talks only to the public API.
 *
 * @tagname peil-beheer
 */
export class PeilBeheer extends LitElement {
  static override styles = [
    base,
    css`
      .due {
        border-inline-start: 6px solid #c24e00;
        background: #fff8e6;
        padding: 0.5rem 1rem;
        margin-block: 1rem;
      }
      .lang {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      :host {
        max-width: 72rem;
        margin: 0 auto;
        padding: 1rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
        border-bottom: 2px solid var(--primary);
        padding-bottom: 0.5rem;
        margin-bottom: 1rem;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        list-style: none;
        padding: 0;
        margin: 0 0 1.25rem;
      }
      nav button[aria-current='page'] {
        background: var(--primary);
        color: #fff;
      }
      nav button {
        background: #fff;
        color: var(--primary);
      }
      .who {
        margin: 0;
      }
    `,
  ];

  @state() private me?: Me;
  @state() private client = new Client();
  @state() private screen: Screen = 'partners';
  @state() private setup?: { secret: string; name?: string; email?: string };
  @state() private error = '';
  @state() private checking = true;
  /** Dutch unless the reader chose English (kept on this device). */
  @state() private reading = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    void applyLocale(this.reading);
  }

  private chooseLanguage(e: Event): void {
    this.reading = (e.target as HTMLSelectElement).value === 'en' ? 'en' : 'nl';
    localStorage.setItem(LANG_KEY, this.reading);
    document.documentElement.lang = this.reading;
    void applyLocale(this.reading);
  }

  /** The yearly CEO deadline, when a report for the raad is still to be made. */
  @state() private due?: CeoDue;

  override connectedCallback(): void {
    super.connectedCallback();
    const hash = new URLSearchParams(location.hash.slice(1));
    const token = hash.get('token');
    const setup = hash.get('setup');
    // Secrets leave the address bar at once, so they do not stay in the history or a screenshot.
    if (token || setup) history.replaceState(null, '', location.pathname + location.search);
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    const wanted = new URLSearchParams(location.search).get('scherm');
    if (wanted && wanted in SCREENS) this.screen = wanted as Screen;
    if (setup) {
      this.setup = { secret: setup };
      this.checking = false;
      void this.loadSetup();
      return;
    }
    const stored = sessionStorage.getItem(TOKEN_KEY);
    void this.signInWith(new Client(stored ?? undefined));
  }

  private async signInWith(client: Client): Promise<void> {
    try {
      const me = await client.get<Me>('/v1/auth/session');
      this.client = client;
      this.me = me;
      if (!SCREENS[this.screen].for(me)) this.screen = ORDER.find((s) => SCREENS[s].for(me)) ?? 'partners';
      if (me.role === 'admin') void this.loadDue(client);
    } catch (e) {
      if (client.token) sessionStorage.removeItem(TOKEN_KEY);
      // No session is the ordinary start; only say something when a sign-in attempt failed.
      if (e instanceof ApiFailure && !['unauthorized', 'session_expired'].includes(e.code)) this.error = problem(e);
      if (e instanceof ApiFailure && client.token) this.error = problem(e);
    } finally {
      this.checking = false;
    }
  }

  /** Whether the gemeente's yearly CEO report is due soon and not made yet (Wmo 2015 art. 2.5.1, Jeugdwet art. 2.10). */
  private async loadDue(client: Client): Promise<void> {
    try {
      const due = await client.get<CeoDue>('/v1/reports/ceo/due');
      this.due = due.remind ? due : undefined;
    } catch {
      // The reminder is a help, not a screen: without it beheer works the same.
      this.due = undefined;
    }
  }

  private renderDue() {
    const due = this.due;
    if (!due) return nothing;
    const open = due.questionnaires.filter((q) => !q.reportExists);
    const deadline = new Date(`${due.deadline}T12:00:00Z`).toLocaleDateString(getLocale(), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    return html`<section class="due" aria-labelledby="due-title">
      <h2 id="due-title">${msg(str`Jaarverslag cliëntervaring over ${due.year}`)}</h2>
      <p>${msg(str`Stuur het verslag vóór ${deadline} naar de raad en naar VWS. Nog ${due.daysLeft} dagen.`)}</p>
      <ul>
        ${open.map(
          (q) =>
            html`<li>
              <a href=${`/v1/reports/ceo?questionnaire=${encodeURIComponent(q.id)}&year=${due.year}`}
                >${msg(str`Verslag maken voor ${q.id}`)}</a
              >
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private async loadSetup(): Promise<void> {
    try {
      const res = await this.client.json<{ options: unknown; account: { name: string; email: string } }>('POST', '/v1/auth/setup/options', {
        setup: this.setup!.secret,
      });
      this.setup = { ...this.setup!, ...res.account };
    } catch (e) {
      this.error = problem(e);
    }
  }

  private async register(): Promise<void> {
    this.error = '';
    try {
      const { options } = await this.client.json<{ options: Parameters<typeof startRegistration>[0]['optionsJSON'] }>(
        'POST',
        '/v1/auth/setup/options',
        { setup: this.setup!.secret },
      );
      const response = await startRegistration({ optionsJSON: options });
      await this.client.json('POST', '/v1/auth/setup/verify', { setup: this.setup!.secret, response });
      this.setup = undefined;
      await this.signInWith(new Client());
    } catch (e) {
      this.error =
        e instanceof ApiFailure ? problem(e) : msg('Het maken van de toegangssleutel is afgebroken of niet gelukt. Probeer het opnieuw.');
    }
  }

  private async passkeySignIn(): Promise<void> {
    this.error = '';
    try {
      const { options } = await this.client.json<{ options: Parameters<typeof startAuthentication>[0]['optionsJSON'] }>(
        'POST',
        '/v1/auth/login/options',
      );
      const response = await startAuthentication({ optionsJSON: options });
      await this.client.json('POST', '/v1/auth/login/verify', { response });
      await this.signInWith(new Client());
    } catch (e) {
      this.error = e instanceof ApiFailure ? problem(e) : msg('Aanmelden is afgebroken of niet gelukt. Probeer het opnieuw.');
    }
  }

  private tokenSignIn(e: Event): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const token = input.value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    this.error = '';
    void this.signInWith(new Client(token));
  }

  private async signOut(): Promise<void> {
    if (this.client.token) sessionStorage.removeItem(TOKEN_KEY);
    else await this.client.send('POST', '/v1/auth/logout').catch(() => undefined);
    this.me = undefined;
    this.client = new Client();
  }

  private go(screen: Screen): void {
    this.screen = screen;
    const url = new URL(location.href);
    url.searchParams.set('scherm', screen);
    history.replaceState(null, '', url);
  }

  override render() {
    return html`<header>
        <h1>${msg('Peil beheer')}</h1>
        <div class="lang">
          <label for="beheer-lang">${msg('Taal')}</label>
          <select id="beheer-lang" @change=${this.chooseLanguage}>
            <option value="nl" lang="nl" ?selected=${this.reading === 'nl'}>Nederlands</option>
            <option value="en" lang="en" ?selected=${this.reading === 'en'}>English</option>
          </select>
        </div>
        ${
          this.me
            ? html`<div class="row">
                <p class="who">${this.me.name || msg('API-sleutel')} · ${ROLE_NAMES[this.me.accountRole ?? this.me.role]()}</p>
                <button class="secondary" @click=${this.signOut}>${msg('Afmelden')}</button>
              </div>`
            : nothing
        }
      </header>
      <main>${this.body()}</main>`;
  }

  private body() {
    const error = html`<div role="alert">${this.error ? html`<p class="error">${this.error}</p>` : nothing}</div>`;
    if (this.setup) {
      return html`<h2>${msg('Toegangssleutel maken')}</h2>
        ${error}
        ${
          this.setup.email
            ? html`<p>
                  ${msg('Welkom')} ${this.setup.name}. ${msg('U maakt een toegangssleutel (passkey) voor')}
                  <strong>${this.setup.email}</strong>.
                </p>
                <p>${msg('Uw telefoon, computer of beveiligingssleutel bewaart de sleutel. U heeft geen wachtwoord nodig.')}</p>
                <button @click=${this.register}>${msg('Toegangssleutel maken')}</button>`
            : nothing
        }`;
    }
    if (this.checking) return html`<p>${msg('Even geduld…')}</p>`;
    if (!this.me) {
      return html`<h2>${msg('Aanmelden')}</h2>
        ${error}
        <p>${msg('Meld u aan met de toegangssleutel (passkey) die u heeft gemaakt via uw uitnodiging.')}</p>
        <button @click=${this.passkeySignIn}>${msg('Aanmelden met toegangssleutel')}</button>
        <h3>${msg('Met een API-sleutel')}</h3>
        <form @submit=${this.tokenSignIn}>
          <div class="field">
            <label for="token">${msg('API-sleutel')}</label>
            <input id="token" name="token" type="password" autocomplete="off" required />
          </div>
          <button class="secondary" type="submit">${msg('Aanmelden met sleutel')}</button>
        </form>`;
    }
    const me = this.me;
    const visible = ORDER.filter((s) => SCREENS[s].for(me));
    if (!visible.length) {
      return html`<p>
        ${msg('Met uw rol zijn er hier geen schermen. U leest de beschermde cijfers van de partners via het dashboard of de API.')}
      </p>`;
    }
    return html`${this.renderDue()}
      <nav aria-label=${msg('Beheer')}>
        <ul>
          ${visible.map(
            (s) =>
              html`<li>
                <button class="secondary" aria-current=${this.screen === s ? 'page' : 'false'} @click=${() => this.go(s)}>
                  ${SCREENS[s].title()}
                </button>
              </li>`,
          )}
        </ul>
      </nav>
      ${SCREENS[this.screen].render(this.client, me)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'peil-beheer': PeilBeheer;
  }
}
