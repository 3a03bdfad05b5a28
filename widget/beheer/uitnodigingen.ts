import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { fieldProblems } from './errors.js';
import { BeheerScreen } from './screen.js';

interface Partner {
  id: string;
  name: string;
  teams: { id: string; name: string }[];
}
interface Stats {
  total: number;
  used: number;
  expired: number;
  open: number;
}

/** Uitnodigingen: one-time links for a partner and team, and how many were used. A partner makes its own. */
export class BeheerUitnodigingen extends BeheerScreen {
  @state() private questionnaires: string[] = [];
  @state() private partners: Partner[] = [];
  @state() private questionnaire = '';
  @state() private partner = '';
  @state() private stats?: Stats;
  @state() private links: string[] = [];
  @state() private fields: Record<string, string[]> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    await this.run(async () => {
      if (this.isAdmin) {
        const g = encodeURIComponent(this.gemeente);
        const [q, p] = await Promise.all([
          this.client.get<{ questionnaires: { id: string }[] }>('/v1/admin/questionnaires'),
          this.client.get<{ partners: Partner[] }>(`/v1/gemeenten/${g}/partners`),
        ]);
        this.questionnaires = q.questionnaires.map((x) => x.id);
        this.partners = p.partners;
        this.partner ||= this.partners[0]?.id ?? '';
      } else {
        // A partner's own invites; the questionnaires are the gemeente's defaults.
        this.questionnaires = ['sociaal-team-kort', 'sociaal-team'];
        this.partner = this.me.partner ?? '';
      }
      this.questionnaire ||= this.questionnaires[0] ?? '';
    });
    await this.loadStats();
  }

  private async loadStats(): Promise<void> {
    if (!this.questionnaire) return;
    const q = new URLSearchParams({ questionnaire: this.questionnaire });
    if (this.isAdmin && this.partner) q.set('partner', this.partner);
    const r = await this.run(() => this.client.get<Stats>(`/v1/invites?${q}`));
    if (r.ok) this.stats = r.value;
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const d = new FormData(e.target as HTMLFormElement);
    const team = String(d.get('team') ?? '');
    const body = {
      questionnaire: this.questionnaire,
      ...(this.isAdmin ? { partner: this.partner } : {}),
      ...(team ? { team } : {}),
      count: Number(d.get('count')),
      expiresInDays: Number(d.get('days')),
    };
    const r = await this.run(() => this.client.json<{ invites: { link: string }[] }>('POST', '/v1/invites', body));
    if (!r.ok) {
      this.fields = {
        'i-count': fieldProblems(r.error, 'count').length ? [msg('Kies een aantal van 1 tot 500.')] : [],
        'i-days': fieldProblems(r.error, 'expiresInDays').length ? [msg('Kies een aantal dagen van 1 tot 365.')] : [],
      };
      return;
    }
    this.fields = {};
    this.links = r.value.invites.map((i) => i.link);
    this.notice = msg(str`${this.links.length} uitnodigingen gemaakt.`);
    await this.loadStats();
  }

  private errorsOf(id: string) {
    return html`<div id=${`${id}-error`}>${(this.fields[id] ?? []).map((m) => html`<p class="field-error">${m}</p>`)}</div>`;
  }

  override render() {
    const partner = this.partners.find((p) => p.id === this.partner);
    return html`<h2>${msg('Uitnodigingen')}</h2>
      <p>${msg('Een uitnodiging is een link die één keer werkt. Geef hem aan een cliënt na een gesprek.')}</p>
      ${this.messages()}
      <form @submit=${this.create} novalidate>
        <div class="field">
          <label for="i-q">${msg('Vragenlijst')}</label>
          <select
            id="i-q"
            @change=${(e: Event) => {
              this.questionnaire = (e.target as HTMLSelectElement).value;
              void this.loadStats();
            }}
          >
            ${this.questionnaires.map((q) => html`<option value=${q} ?selected=${q === this.questionnaire}>${q}</option>`)}
          </select>
        </div>
        ${
          this.isAdmin
            ? html`<div class="field">
                <label for="i-p">${msg('Partner')}</label>
                <select
                  id="i-p"
                  @change=${(e: Event) => {
                    this.partner = (e.target as HTMLSelectElement).value;
                    void this.loadStats();
                  }}
                >
                  ${this.partners.map((p) => html`<option value=${p.id} ?selected=${p.id === this.partner}>${p.name}</option>`)}
                </select>
              </div>`
            : nothing
        }
        ${
          partner?.teams.length
            ? html`<div class="field">
                <label for="i-t">${msg('Team')}</label>
                <select id="i-t" name="team">
                  <option value="">${msg('Geen team (de cliënt kiest)')}</option>
                  ${partner.teams.map((t) => html`<option value=${t.id}>${t.name}</option>`)}
                </select>
              </div>`
            : nothing
        }
        <div class="field">
          <label for="i-count">${msg('Aantal')}</label>
          <input id="i-count" name="count" inputmode="numeric" value="10" aria-describedby="i-count-error" />
          ${this.errorsOf('i-count')}
        </div>
        <div class="field">
          <label for="i-days">${msg('Geldig (dagen)')}</label>
          <input id="i-days" name="days" inputmode="numeric" value="30" aria-describedby="i-days-error" />
          ${this.errorsOf('i-days')}
        </div>
        <button type="submit" ?disabled=${this.busy}>${msg('Uitnodigingen maken')}</button>
      </form>
      ${
        this.stats
          ? html`<h3>${msg('Gebruik')}</h3>
              <p data-stats>
                ${msg(str`${this.stats.total} gemaakt, ${this.stats.used} gebruikt, ${this.stats.expired} verlopen, ${this.stats.open} nog open.`)}
              </p>`
          : nothing
      }
      ${
        this.links.length
          ? html`<h3>${msg('Nieuwe links')}</h3>
              <pre>${this.links.join('\n')}</pre>
              <button @click=${() => this.copyText(this.links.join('\n'), msg('De links'))}>${msg('Alle links kopiëren')}</button>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-uitnodigingen': BeheerUitnodigingen;
  }
}
