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

/** What a request did, in Dutch, from its method and route. */
function what(e: Entry): string {
  const verb: Record<string, string> = {
    POST: msg('maakte of deed'),
    PUT: msg('zette'),
    PATCH: msg('wijzigde'),
    DELETE: msg('verwijderde of trok in'),
    GET: msg('exporteerde'),
  };
  return `${verb[e.method] ?? e.method} ${e.path}${e.target ? ` (${e.target})` : ''}`;
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
                  <td><code>${e.method} ${e.route}</code><br />${what(e)}</td>
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
