import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { BeheerScreen } from './screen.js';

interface Entry {
  id: number;
  at: string;
  actorKind: 'account' | 'token';
  actor: string;
  method: string;
  route: string;
  path: string;
  target: string;
  status: number;
}

const WHEN = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' });

/** What the routes the console uses do, in Dutch; another route is named by its method and path. */
const ROUTES: Record<string, () => string> = {
  'POST /v1/gemeenten/:id/partners': () => msg('partner gemaakt'),
  'POST /v1/gemeenten/:id/partners/:partner/teams': () => msg('teams toegevoegd'),
  'POST /v1/gemeenten/:id/site-keys': () => msg('sitesleutel gemaakt'),
  'PATCH /v1/gemeenten/:id/site-keys/:key': () => msg('sitesleutel gewijzigd'),
  'DELETE /v1/gemeenten/:id/site-keys/:key': () => msg('sitesleutel ingetrokken'),
  'POST /v1/gemeenten/:id/tokens': () => msg('API-sleutel gemaakt'),
  'POST /v1/gemeenten/:id/tokens/:tokenId/rotate': () => msg('API-sleutel vervangen'),
  'DELETE /v1/gemeenten/:id/tokens/:tokenId': () => msg('API-sleutel ingetrokken'),
  'POST /v1/gemeenten/:id/accounts': () => msg('collega uitgenodigd'),
  'PATCH /v1/gemeenten/:id/accounts/:accountId': () => msg('account in- of uitgeschakeld'),
  'POST /v1/gemeenten/:id/accounts/:accountId/setup': () => msg('nieuwe aanmeldlink gemaakt'),
  'POST /v1/auth/setup/verify': () => msg('toegangssleutel gemaakt en aangemeld'),
  'POST /v1/auth/login/verify': () => msg('aangemeld'),
  'POST /v1/admin/questionnaires': () => msg('vragenlijst gemaakt'),
  'POST /v1/admin/questionnaires/:id/draft': () => msg('concept begonnen'),
  'PUT /v1/admin/questionnaires/:id/draft': () => msg('concept opgeslagen'),
  'DELETE /v1/admin/questionnaires/:id/draft': () => msg('concept weggegooid'),
  'POST /v1/admin/questionnaires/:id/publish': () => msg('nieuwe versie gepubliceerd'),
  'POST /v1/admin/questionnaires/:id/close': () => msg('vragenlijst gesloten'),
  'POST /v1/admin/questionnaires/:id/open': () => msg('vragenlijst heropend'),
  'POST /v1/invites': () => msg('uitnodigingen gemaakt'),
  'POST /v1/import': () => msg('interviews ingevoerd'),
  'PUT /v1/retention': () => msg('bewaartermijn gewijzigd'),
};

/** What a request did, in Dutch, with the path that holds its ids. */
function what(e: Entry): string {
  const known = ROUTES[`${e.method} ${e.route}`];
  const text = known ? known() : e.method === 'GET' ? msg('export') : `${e.method} ${e.route}`;
  return `${text}: ${e.path}${e.target ? ` (${e.target})` : ''}`;
}

/** Logboek: every change and export, who did it and when; never answers. */
export class BeheerLogboek extends BeheerScreen {
  @state() private entries: Entry[] = [];
  @state() private next?: number;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(before?: number): Promise<void> {
    const q = new URLSearchParams({ limit: '50' });
    if (before) q.set('before', String(before));
    const r = await this.run(() => this.client.get<{ entries: Entry[]; next?: number }>(`/v1/audit?${q}`));
    if (!r.ok) return;
    this.entries = before ? [...this.entries, ...r.value.entries] : r.value.entries;
    this.next = r.value.next;
  }

  override render() {
    return html`<h2>${msg('Logboek')}</h2>
      <p>${msg('Wie wat veranderde of exporteerde, en wanneer. Antwoorden van cliënten staan hier nooit in.')}</p>
      ${this.messages()}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${msg('Wanneer')}</th>
              <th scope="col">${msg('Wie')}</th>
              <th scope="col">${msg('Wat')}</th>
              <th scope="col">${msg('Gelukt')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.entries.map(
              (e) =>
                html`<tr>
                  <td>${WHEN.format(new Date(e.at))}</td>
                  <td>${e.actor}<br /><span class="hint">${e.actorKind === 'account' ? msg('account') : msg('API-sleutel')}</span></td>
                  <td>${what(e)}<br /><code class="hint">${e.method} ${e.route}</code></td>
                  <td>${e.status < 400 ? msg('ja') : msg('nee') + ` (${e.status})`}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.next ? html`<button class="secondary" @click=${() => this.load(this.next)}>${msg('Oudere regels')}</button>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-logboek': BeheerLogboek;
  }
}
