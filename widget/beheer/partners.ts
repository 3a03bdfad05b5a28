import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { ApiFailure, idFor, originProblem } from './client.js';
import { fieldProblems } from './errors.js';
import { BeheerScreen } from './screen.js';

interface Partner {
  id: string;
  name: string;
  organisatie: string;
  organisatieEn: string | null;
  teams: { id: string; name: string }[];
}
interface SiteKey {
  siteKey: string;
  partner: string;
  origins: string[];
  inviteRequired: boolean;
  kiosk: boolean;
  revokedAt: string | null;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The embed a partner pastes into its site, filled in: as the README gives it. */
export function snippet(origin: string, questionnaire: string, siteKey: string, team?: string): string {
  const teamAttr = team ? ` team="${team}"` : '';
  return `<script defer src="${origin}/peil.js"></script>
<peil-survey questionnaire="${questionnaire}" site-key="${siteKey}"${teamAttr}></peil-survey>`;
}

/** Partners en teams: create partners with their teams and website addresses, manage site keys, copy the embed. */
export class BeheerPartners extends BeheerScreen {
  @state() private partners: Partner[] = [];
  @state() private siteKeys: SiteKey[] = [];
  @state() private questionnaires: string[] = [];
  @state() private fields: Record<string, string[]> = {};
  @state() private name = '';
  /** Per partner: the questionnaire and team its snippet is for. */
  @state() private choice: Record<string, { questionnaire?: string; team?: string }> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    await this.run(async () => {
      const g = encodeURIComponent(this.gemeente);
      const [p, k, q] = await Promise.all([
        this.client.get<{ partners: Partner[] }>(`/v1/gemeenten/${g}/partners`),
        this.client.get<{ siteKeys: SiteKey[] }>(`/v1/gemeenten/${g}/site-keys`),
        this.client.get<{ questionnaires: { id: string }[] }>('/v1/admin/questionnaires'),
      ]);
      this.partners = p.partners;
      this.siteKeys = k.siteKeys;
      this.questionnaires = q.questionnaires.map((x) => x.id);
    });
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name')).trim();
    const origins = lines(String(data.get('origins')));
    const teams = lines(String(data.get('teams'))).map((t) => ({ id: idFor(t), name: t }));
    const fields: Record<string, string[]> = {};
    if (!name) fields.name = [msg('Vul de naam van de partner in.')];
    const bad = origins.map(originProblem).filter((p): p is string => p !== undefined);
    if (!origins.length) fields.origins = [msg('Vul ten minste één webadres in waar de vragenlijst komt.')];
    else if (bad.length) fields.origins = bad;
    const seen = new Set<string>();
    const dup = teams.find((t) => seen.size === seen.add(t.id).size);
    if (dup) fields.teams = [msg(str`Het team “${dup.name}” staat er twee keer in.`)];
    this.fields = fields;
    if (Object.keys(fields).length) return;
    const result = await this.run(() =>
      this.client.json<{ id: string; siteKey: string }>('POST', `/v1/gemeenten/${encodeURIComponent(this.gemeente)}/partners`, {
        id: idFor(name),
        name,
        organisatie: String(data.get('organisatie')).trim() || undefined,
        origins,
        teams,
      }),
    );
    if (!result.ok) {
      if (result.error instanceof ApiFailure && result.error.code === 'already_exists') {
        this.fields = { name: [msg(str`Er is al een partner of team met de id ${idFor(name)}. Kies een andere naam.`)] };
        return;
      }
      this.fields = {
        name: fieldProblems(result.error, 'id').concat(fieldProblems(result.error, 'name')),
        origins: fieldProblems(result.error, 'origins').length
          ? [msg('Een webadres klopt niet. Schrijf het als https://www.voorbeeld.nl.')]
          : [],
        teams: fieldProblems(result.error, 'teams'),
      };
      return;
    }
    form.reset();
    this.name = '';
    await this.load();
    this.notice = msg(str`Partner ${name} is gemaakt. Kopieer hieronder de code voor de website.`);
  }

  private async addTeams(e: Event, partner: Partner): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const teams = lines(String(new FormData(form).get('teams'))).map((t) => ({ id: idFor(t), name: t }));
    if (!teams.length) return;
    const r = await this.run(() =>
      this.client.json('POST', `/v1/gemeenten/${encodeURIComponent(this.gemeente)}/partners/${encodeURIComponent(partner.id)}/teams`, {
        teams,
      }),
    );
    if (r.ok) {
      form.reset();
      await this.load();
      this.notice = msg(str`Teams toegevoegd aan ${partner.name}.`);
    }
  }

  private async addKey(e: Event, partner: Partner): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const origins = lines(String(new FormData(form).get('origins')));
    const bad = origins.map(originProblem).filter((p): p is string => p !== undefined);
    if (!origins.length || bad.length) {
      this.fields = { ...this.fields, [`key-${partner.id}`]: bad.length ? bad : [msg('Vul een webadres in.')] };
      return;
    }
    this.fields = { ...this.fields, [`key-${partner.id}`]: [] };
    const r = await this.run(() =>
      this.client.json('POST', `/v1/gemeenten/${encodeURIComponent(this.gemeente)}/site-keys`, { partner: partner.id, origins }),
    );
    if (r.ok) {
      form.reset();
      await this.load();
      this.notice = msg('Nieuwe sitesleutel gemaakt.');
    }
  }

  private async rename(e: Event, partner: Partner): Promise<void> {
    e.preventDefault();
    const d = new FormData(e.target as HTMLFormElement);
    const name = String(d.get('name')).trim();
    const organisatie = String(d.get('organisatie')).trim();
    const organisatieEn = String(d.get('organisatieEn')).trim();
    const field = `edit-${partner.id}`;
    if (!name || !organisatie) {
      this.fields = { ...this.fields, [field]: [msg('Vul de naam en de Nederlandse tekst in.')] };
      return;
    }
    this.fields = { ...this.fields, [field]: [] };
    const r = await this.run(() =>
      this.client.json('PATCH', `/v1/gemeenten/${encodeURIComponent(this.gemeente)}/partners/${encodeURIComponent(partner.id)}`, {
        name,
        organisatie,
        organisatieEn: organisatieEn || null,
      }),
    );
    if (r.ok) {
      await this.load();
      this.notice = msg(str`${name} is opgeslagen.`);
    }
  }

  private async setKey(key: SiteKey, change: { inviteRequired?: boolean; kiosk?: boolean }): Promise<void> {
    const r = await this.run(() =>
      this.client.json('PATCH', `/v1/gemeenten/${encodeURIComponent(this.gemeente)}/site-keys/${encodeURIComponent(key.siteKey)}`, change),
    );
    if (r.ok) {
      await this.load();
      this.notice = msg('De sitesleutel is aangepast.');
    }
  }

  private async revokeKey(key: SiteKey): Promise<void> {
    if (!confirm(msg('Deze sitesleutel intrekken? De vragenlijst op die website werkt dan niet meer.'))) return;
    const r = await this.run(() =>
      this.client.json('DELETE', `/v1/gemeenten/${encodeURIComponent(this.gemeente)}/site-keys/${encodeURIComponent(key.siteKey)}`),
    );
    if (r.ok) {
      await this.load();
      this.notice = msg('De sitesleutel is ingetrokken.');
    }
  }

  private field(id: string, label: string, hint: string, input: unknown, problems: string[] = []) {
    return html`<div class="field">
      <label for=${id}>${label}${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}</label>
      ${input}
      <div id=${`${id}-error`}>${problems.map((p) => html`<p class="field-error">${p}</p>`)}</div>
    </div>`;
  }

  override render() {
    const f = this.fields;
    return html`<h2>${msg('Partners en teams')}</h2>
      ${this.messages()}
      <section aria-labelledby="new-partner">
        <h3 id="new-partner">${msg('Nieuwe partner')}</h3>
        <form @submit=${this.create} novalidate>
          ${this.field(
            'p-name',
            msg('Naam'),
            this.name ? msg(str`Id: ${idFor(this.name)}`) : msg('Zoals mensen de organisatie noemen, bijvoorbeeld “Wijkteam Oost”.'),
            html`<input
              id="p-name"
              name="name"
              autocomplete="organization"
              aria-describedby="p-name-hint p-name-error"
              aria-invalid=${f.name?.length ? 'true' : 'false'}
              @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
            />`,
            f.name,
          )}
          ${this.field(
            'p-org',
            msg('Hoe de vragen de organisatie noemen'),
            msg('Vult {organisatie} in, bijvoorbeeld “het wijkteam”. Leeg: de naam.'),
            html`<input id="p-org" name="organisatie" aria-describedby="p-org-hint" />`,
          )}
          ${this.field(
            'p-origins',
            msg('Websites waar de vragenlijst komt'),
            msg('Eén per regel, alleen het begin van het adres: https://www.wijkteam.nl'),
            html`<textarea
              id="p-origins"
              name="origins"
              aria-describedby="p-origins-hint p-origins-error"
              aria-invalid=${f.origins?.length ? 'true' : 'false'}
            ></textarea>`,
            f.origins,
          )}
          ${this.field(
            'p-teams',
            msg('Teams'),
            msg('Eén naam per regel, bijvoorbeeld “Team Centrum”.'),
            html`<textarea
              id="p-teams"
              name="teams"
              aria-describedby="p-teams-hint p-teams-error"
              aria-invalid=${f.teams?.length ? 'true' : 'false'}
            ></textarea>`,
            f.teams,
          )}
          <button type="submit" ?disabled=${this.busy}>${msg('Partner maken')}</button>
        </form>
      </section>
      <section aria-labelledby="list-partners">
        <h3 id="list-partners">${msg('Partners')}</h3>
        ${this.partners.map((p) => this.partner(p))}
      </section>`;
  }

  private partner(p: Partner) {
    const keys = this.siteKeys.filter((k) => k.partner === p.id && !k.revokedAt);
    const choice = this.choice[p.id] ?? {};
    const questionnaire = choice.questionnaire ?? this.questionnaires[0] ?? 'sociaal-team-kort';
    const code = keys[0] ? snippet(location.origin, questionnaire, keys[0].siteKey, choice.team) : '';
    const set = (change: { questionnaire?: string; team?: string }) => (this.choice = { ...this.choice, [p.id]: { ...choice, ...change } });
    return html`<article class="card" aria-labelledby=${`partner-${p.id}`}>
      <h4 id=${`partner-${p.id}`}>${p.name}</h4>
      <p>${msg('Id')}: <code>${p.id}</code> · ${msg('In de vragen')}: ${p.organisatie}</p>
      <p>${msg('Teams')}: ${p.teams.length ? p.teams.map((t) => t.name).join(', ') : msg('nog geen')}</p>
      <details>
        <summary>${msg(str`${p.name} bewerken`)}</summary>
        <form @submit=${(e: Event) => this.rename(e, p)}>
          <div class="field">
            <label for=${`edit-${p.id}-name`}>${msg('Naam')}</label>
            <input id=${`edit-${p.id}-name`} name="name" .value=${p.name} />
          </div>
          <div class="field">
            <label for=${`edit-${p.id}-org`}>${msg('In de vragen, Nederlands')}</label>
            <input id=${`edit-${p.id}-org`} name="organisatie" lang="nl" .value=${p.organisatie} />
          </div>
          <div class="field">
            <label for=${`edit-${p.id}-org-en`}
              >${msg('In de vragen, Engels')}<span class="hint">${msg('Leeg: de Nederlandse tekst.')}</span></label
            >
            <input id=${`edit-${p.id}-org-en`} name="organisatieEn" lang="en" .value=${p.organisatieEn ?? ''} />
          </div>
          <div id=${`edit-${p.id}-error`}>${(this.fields[`edit-${p.id}`] ?? []).map((m) => html`<p class="field-error">${m}</p>`)}</div>
          <button class="secondary" type="submit">${msg('Opslaan')}</button>
        </form>
      </details>
      <form class="row" @submit=${(e: Event) => this.addTeams(e, p)}>
        <label class="visually-hidden" for=${`teams-${p.id}`}>${msg(str`Teams toevoegen aan ${p.name}`)}</label>
        <input id=${`teams-${p.id}`} name="teams" placeholder=${msg('Nieuw team')} />
        <button class="secondary" type="submit">${msg('Team toevoegen')}</button>
      </form>
      <h5>${msg('Sitesleutels')}</h5>
      <ul class="plain">
        ${keys.map(
          (k) =>
            html`<li class="card">
              <div class="row"><code>${k.siteKey}</code> <span>${k.origins.join(', ')}</span></div>
              <div class="row">
                <input
                  type="checkbox"
                  id=${`invite-${k.siteKey}`}
                  .checked=${k.inviteRequired}
                  @change=${(e: Event) => this.setKey(k, { inviteRequired: (e.target as HTMLInputElement).checked })}
                />
                <label class="inline" for=${`invite-${k.siteKey}`}>${msg('Alleen met een uitnodiging')}</label>
              </div>
              <div class="row">
                <input
                  type="checkbox"
                  id=${`kiosk-${k.siteKey}`}
                  .checked=${k.kiosk}
                  @change=${(e: Event) => this.setKey(k, { kiosk: (e.target as HTMLInputElement).checked })}
                />
                <label class="inline" for=${`kiosk-${k.siteKey}`}>${msg('Kiosk (één apparaat voor veel cliënten)')}</label>
              </div>
              <button class="danger" @click=${() => this.revokeKey(k)}>${msg(str`Sitesleutel …${k.siteKey.slice(-4)} intrekken`)}</button>
            </li>`,
        )}
      </ul>
      <form @submit=${(e: Event) => this.addKey(e, p)}>
        <div class="field">
          <label for=${`key-${p.id}`}>${msg('Nieuwe sitesleutel voor website')}</label>
          <div class="row">
            <input
              id=${`key-${p.id}`}
              name="origins"
              placeholder="https://www.voorbeeld.nl"
              aria-describedby=${`key-${p.id}-error`}
              aria-invalid=${this.fields[`key-${p.id}`]?.length ? 'true' : 'false'}
            />
            <button class="secondary" type="submit">${msg('Sleutel maken')}</button>
          </div>
          <div id=${`key-${p.id}-error`}>${(this.fields[`key-${p.id}`] ?? []).map((m) => html`<p class="field-error">${m}</p>`)}</div>
        </div>
      </form>
      ${
        code
          ? html`<h5>${msg('Code voor de website')}</h5>
              <div class="row">
                <div class="field">
                  <label for=${`q-${p.id}`}>${msg('Vragenlijst')}</label>
                  <select id=${`q-${p.id}`} @change=${(e: Event) => set({ questionnaire: (e.target as HTMLSelectElement).value })}>
                    ${this.questionnaires.map((q) => html`<option value=${q} ?selected=${q === questionnaire}>${q}</option>`)}
                  </select>
                </div>
                <div class="field">
                  <label for=${`t-${p.id}`}>${msg('Team')}</label>
                  <select id=${`t-${p.id}`} @change=${(e: Event) => set({ team: (e.target as HTMLSelectElement).value || undefined })}>
                    <option value="">${msg('De cliënt kiest zelf')}</option>
                    ${p.teams.map((t) => html`<option value=${t.id} ?selected=${t.id === choice.team}>${t.name}</option>`)}
                  </select>
                </div>
              </div>
              <pre data-snippet=${p.id}>${code}</pre>
              <button @click=${() => this.copyText(code, msg('De code'))}>${msg(str`Code voor ${p.name} kopiëren`)}</button>`
          : html`<p>${msg('Maak eerst een sitesleutel om de code voor de website te krijgen.')}</p>`
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-partners': BeheerPartners;
  }
}
