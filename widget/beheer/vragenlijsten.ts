import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { BeheerScreen } from './screen.js';

interface Summary {
  id: string;
  status: 'open' | 'closed';
  title: { nl: string } | null;
  latestVersion: number | null;
  publishedAt: string | null;
  hasDraft: boolean;
}
interface VersionInfo {
  version: number;
  publishedAt: string;
  items: number;
  added: string[];
  removed: string[];
}

/** Vragenlijsten: the list with status and versions, new from a template, close and reopen, and the editor. */
export class BeheerVragenlijsten extends BeheerScreen {
  @state() private list: Summary[] = [];
  @state() private templates: { id: string; title: { nl: string } }[] = [];
  @state() private editing?: string;
  @state() private history?: { id: string; versions: VersionInfo[] };
  @state() private idProblem = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    await this.run(async () => {
      const [q, t] = await Promise.all([
        this.client.get<{ questionnaires: Summary[] }>('/v1/admin/questionnaires'),
        this.client.get<{ templates: { id: string; title: { nl: string } }[] }>('/v1/templates'),
      ]);
      this.list = q.questionnaires;
      this.templates = t.templates;
    });
  }

  private async setStatus(q: Summary, open: boolean): Promise<void> {
    if (!open && !confirm(msg(str`${q.title?.nl ?? q.id} sluiten? Cliënten kunnen dan geen antwoorden meer geven.`))) return;
    const r = await this.run(() =>
      this.client.json('POST', `/v1/admin/questionnaires/${encodeURIComponent(q.id)}/${open ? 'open' : 'close'}`),
    );
    if (r.ok) {
      await this.load();
      this.notice = open ? msg(str`${q.id} neemt weer antwoorden aan.`) : msg(str`${q.id} is gesloten.`);
    }
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const d = new FormData(e.target as HTMLFormElement);
    const id = String(d.get('id')).trim();
    if (id && !/^[a-z0-9][a-z0-9-]{1,62}$/.test(id)) {
      this.idProblem = msg('Een id heeft alleen kleine letters, cijfers en -, bijvoorbeeld “wmo-2027”.');
      return;
    }
    this.idProblem = '';
    const r = await this.run(() =>
      this.client.json<Summary>('POST', '/v1/admin/questionnaires', { template: d.get('template'), ...(id ? { id } : {}), publish: true }),
    );
    if (r.ok) {
      (e.target as HTMLFormElement).reset();
      await this.load();
      this.notice = msg(str`Vragenlijst ${r.value.id} is gemaakt en gepubliceerd als versie 1.`);
    }
  }

  private async showHistory(q: Summary): Promise<void> {
    const r = await this.run(() =>
      this.client.get<{ id: string; versions: VersionInfo[] }>(`/v1/admin/questionnaires/${encodeURIComponent(q.id)}/versions`),
    );
    if (r.ok) this.history = r.value;
  }

  override render() {
    if (this.editing) {
      return html`<h2>${msg(str`Vragenlijst ${this.editing} bewerken`)}</h2>
        <button class="secondary" @click=${() => ((this.editing = undefined), void this.load())}>${msg('Terug naar de lijst')}</button>
        <beheer-editor .client=${this.client} .me=${this.me} questionnaire=${this.editing}></beheer-editor>`;
    }
    return html`<h2>${msg('Vragenlijsten')}</h2>
      ${this.messages()}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${msg('Vragenlijst')}</th>
              <th scope="col">${msg('Status')}</th>
              <th scope="col">${msg('Versie')}</th>
              <th scope="col"><span class="visually-hidden">${msg('Acties')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.list.map(
              (q) =>
                html`<tr data-questionnaire=${q.id}>
                  <td>${q.title?.nl ?? q.id}<br /><code>${q.id}</code></td>
                  <td>${q.status === 'open' ? msg('open') : msg('gesloten')}${q.hasDraft ? html`<br />${msg('concept')}` : nothing}</td>
                  <td>
                    ${q.latestVersion ?? '–'}${q.publishedAt ? html`<br /><span class="hint">${q.publishedAt.slice(0, 10)}</span>` : nothing}
                  </td>
                  <td>
                    <div class="row">
                      <button @click=${() => (this.editing = q.id)}>${msg(str`${q.id} bewerken`)}</button>
                      <button class="secondary" @click=${() => this.showHistory(q)}>${msg('Versies')}</button>
                      ${
                        q.status === 'open'
                          ? html`<button class="danger" @click=${() => this.setStatus(q, false)}>${msg('Sluiten')}</button>`
                          : html`<button class="secondary" @click=${() => this.setStatus(q, true)}>${msg('Heropenen')}</button>`
                      }
                    </div>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        this.history
          ? html`<section class="card" aria-labelledby="history">
              <h3 id="history">${msg(str`Versies van ${this.history.id}`)}</h3>
              <ol>
                ${this.history.versions.map(
                  (v) =>
                    html`<li>
                      ${msg(str`Versie ${v.version}, ${v.publishedAt.slice(0, 10)}: ${v.items} vragen.`)}
                      ${v.added.length ? msg(str`Nieuw: ${v.added.join(', ')}.`) : nothing}
                      ${v.removed.length ? msg(str`Vervallen: ${v.removed.join(', ')}.`) : nothing}
                    </li>`,
                )}
              </ol>
            </section>`
          : nothing
      }
      <section aria-labelledby="new-q">
        <h3 id="new-q">${msg('Nieuwe vragenlijst uit een sjabloon')}</h3>
        <form @submit=${this.create} novalidate>
          <div class="field">
            <label for="n-template">${msg('Sjabloon')}</label>
            <select id="n-template" name="template">
              ${this.templates.map((t) => html`<option value=${t.id}>${t.title.nl}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="n-id">${msg('Id')}<span class="hint">${msg('Leeg: de id van het sjabloon.')}</span></label>
            <input id="n-id" name="id" aria-describedby="n-id-error" aria-invalid=${this.idProblem ? 'true' : 'false'} />
            <div id="n-id-error">${this.idProblem ? html`<p class="field-error">${this.idProblem}</p>` : nothing}</div>
          </div>
          <button type="submit" ?disabled=${this.busy}>${msg('Maken')}</button>
        </form>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-vragenlijsten': BeheerVragenlijsten;
  }
}
