import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import type { Aggregate, ItemCell } from '../schemas/aggregate.js';
import { CONTACT_VALUES, LANGUAGES, STATUS_VALUES, UNKNOWN_GROUP, languageName, type Language } from '../schemas/constants.js';
import type { ItemType } from '../schemas/item.js';
import { apiBase } from './api.js';
import { ReportController } from './controllers/report-controller.js';
import { aanradenChart, choiceChart, cijferChart, npsChart, published, stellingBlock, trendChart } from './dashboard/charts.js';
import { DownloadController } from './dashboard/download-controller.js';
import { fmtDay, fmtInt } from './dashboard/format.js';
import { BLOCKS, Labels, blockTitle, contactText, dimensionText, questionnaireOptions, statusText } from './dashboard/labels.js';
import {
  PERIODS,
  PROTECTED_PERIODS,
  SELECTION_KEYS,
  aggregateQuery,
  readSelection,
  selectionParams,
  type Period,
  type Selection,
} from './dashboard/selection.js';
import { languageTable } from './dashboard/language-table.js';
import { teamTable } from './dashboard/team-table.js';
import { headlineTiles } from './dashboard/tiles.js';
import { applyLocale, getLocale } from './localization.js';
import { styles } from './peil-dashboard.styles.js';

const TOKEN_KEY = 'peil-dashboard-token';

/** Fired when the reader changes a filter; `detail` is the new selection (also written to the URL). */
export class SelectionChangeEvent extends CustomEvent<Selection> {
  static readonly type = 'peil-selection-change';
  constructor(selection: Selection) {
    super(SelectionChangeEvent.type, { detail: selection, bubbles: true, composed: true });
  }
}

/**
 * The gemeente's live report of one questionnaire: the figures of the yearly evaluation report
 * (rapportcijfer, stellingen, aanraden, per team, over time), updated over a WebSocket as responses
 * arrive. Filters live in the URL so a link shows the same selection.
 *
 * @tagname peil-dashboard
 * @fires {SelectionChangeEvent} peil-selection-change - The reader changed a filter; `detail` is the selection.
 * @csspart tile - Each headline figure.
 * @cssprop [--peil-primary=#00539f] - Accent colour; also the "(helemaal) mee eens" bars.
 */
@localized()
export class PeilDashboard extends LitElement {
  static override styles = styles;

  /** Questionnaire id shown when the URL does not name one. */
  @property() questionnaire = 'sociaal-team-kort';
  /** Base URL of the Peil API; defaults to the origin the script was loaded from. */
  @property() api = '';
  /** Bearer token (gemeente admin or partner viewer). Also read from `#token=` or asked for. */
  @property() token = '';
  /** `nl` or `en` (attribute `lang`); defaults to the page's `<html lang>`. */
  @property({ attribute: 'lang' }) language?: string;
  /** `full` (the report) or `figure` (the headline figures alone, to embed on a public page with a public token). */
  @property({ reflect: true }) view: 'full' | 'figure' = 'full';

  @state() private selection!: Selection;
  @state() private loginFailed = false;

  private readonly report = new ReportController(
    this,
    () => [this.selection, this.api, this.token],
    (code) => {
      // A partner reads whole calendar periods only; a link with loose dates opens on the last twelve months.
      if (code === 'period_not_allowed' && this.selection.period !== '12m') {
        this.selection = { ...this.selection, period: '12m', from: undefined, to: undefined };
        return;
      }
      // Without a token, this asks for one only once the session cookie (if any) was refused too.
      if (code !== 'unauthorized' && code !== 'session_expired') return;
      sessionStorage.removeItem(TOKEN_KEY);
      this.loginFailed = true;
    },
  );

  /** Names for the figures shown: the gemeente's own questions and teams, from the last read. */
  private get labels(): Labels {
    return new Labels(this.report.report?.labels);
  }
  private readonly downloads = new DownloadController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void applyLocale(this.language);
    const hash = new URLSearchParams(location.hash.slice(1));
    const fromHash = hash.get('token');
    if (fromHash) {
      sessionStorage.setItem(TOKEN_KEY, fromHash);
      history.replaceState(null, '', location.pathname + location.search);
    }
    this.token ||= fromHash ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
    this.selection = readSelection(new URLSearchParams(location.search), this.questionnaire);
  }

  private login(e: Event): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    this.token = input.value.trim();
    sessionStorage.setItem(TOKEN_KEY, this.token);
    this.loginFailed = false;
    this.downloads.reset();
    // Also when the same code is given again; a new code would be read anyway, and only once.
    this.report.reload();
  }

  /** The dashboard speaks Dutch and English. */
  private get reader(): 'nl' | 'en' {
    return getLocale() === 'en' ? 'en' : 'nl';
  }

  private select(change: Partial<Selection>): void {
    const next: Selection = { ...this.selection, ...change };
    // A partner filters on one dimension at a time: choosing one clears the others.
    if (this.report.report?.protected) {
      const dims = ['team', 'contact', 'status', 'leeftijd', 'wijk'] as const;
      const chosen = dims.find((d) => d in change && change[d] !== undefined);
      if (chosen) for (const d of dims) if (d !== chosen) next[d] = undefined;
    }
    if (next.period !== 'anders') {
      next.from = undefined;
      next.to = undefined;
    }
    this.selection = next;
    // The host page may have parameters of its own (an intranet CMS does); only ours are replaced.
    const params = new URLSearchParams(location.search);
    for (const key of SELECTION_KEYS) params.delete(key);
    for (const [key, value] of selectionParams(next, this.questionnaire)) params.set(key, value);
    const search = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
    // Described by @fires on the class: dispatching `new SelectionChangeEvent(next)` inline would make
    // the manifest analyzer list a second event named after the argument.
    const event = new SelectionChangeEvent(next);
    this.dispatchEvent(event);
  }

  private onFilter(e: Event): void {
    const el = e.target as HTMLSelectElement | HTMLInputElement;
    const value = el.value || undefined;
    switch (el.name) {
      case 'questionnaire':
        return this.select({ questionnaire: el.value });
      case 'period':
        return this.select({ period: el.value as Period });
      case 'from':
      case 'to':
        return this.select({ [el.name]: value });
      case 'team':
        return this.select({ team: value });
      case 'contact':
        return this.select({ contact: value as Selection['contact'] });
      case 'status':
        return this.select({ status: value as Selection['status'] });
      case 'leeftijd':
        return this.select({ leeftijd: value as Selection['leeftijd'] });
      case 'wijk':
        return this.select({ wijk: value });
      case 'language':
        return this.select({ language: value as Language | undefined });
      case 'trend':
        return this.select({ trend: el.value === 'quarter' ? 'quarter' : 'month' });
      case 'compare':
        return this.select({ compare: el.value === 'lastyear' ? 'lastyear' : 'previous' });
      case 'weighted':
        return this.select({ weighted: el.value === '1' });
    }
  }

  override render() {
    const r = this.report;
    if (this.loginFailed) return this.renderLogin();
    if (r.state === 'error' && !r.report) {
      return html`<div class="error-state">
        <h1>${msg('Tevredenheid van cliënten')}</h1>
        <p role="alert" class="error">${msg('Het dashboard kon niet worden geladen. Probeer het later opnieuw.')}</p>
        <button type="button" @click=${() => this.report.reload()}>${msg('Opnieuw proberen')}</button>
      </div>`;
    }
    if (!r.report) return html`<p role="status">${msg('Gegevens worden geladen…')}</p>`;
    const { current, byTeam, trend, comparison, compare, trendTest, weighting, range } = r.report;
    const ids = headlineIds(this.labels, current);
    if (this.view === 'figure') return this.renderFigure(current, ids);
    return html`
      <header class="head">
        <h1>${msg('Tevredenheid van cliënten')}</h1>
        ${this.renderLive()}
      </header>
      <p class="scope" data-scope>${this.scopeText(range)}</p>
      ${this.renderFilters()} ${this.renderWeighting(weighting)}
      ${
        r.state === 'error'
          ? html`<p role="alert" class="error">${msg('Deze selectie kon niet worden geladen. U ziet de vorige cijfers.')}</p>`
          : nothing
      }
      <div class="report" aria-busy=${r.state === 'loading' ? 'true' : 'false'}>
        <section aria-labelledby="h-kern">
          <h2 id="h-kern">${msg('Kerncijfers')}</h2>
          ${headlineTiles(current, comparison, compare, ids)}
        </section>
        <div class="pair">
          <section class="card" aria-labelledby="h-cijfer">
            <h2 id="h-cijfer">${msg('Rapportcijfers')}</h2>
            ${cijferChart(current.items[ids.cijfer])}
          </section>
          <section class="card" aria-labelledby="h-aanraden">
            <h2 id="h-aanraden">${msg('Aanraden')}</h2>
            ${aanradenChart(current.items[ids.aanraden])}
          </section>
        </div>
        ${this.renderStellingen(current)} ${this.renderNps(current)}
        <section class="card" aria-labelledby="h-trend">
          <div class="section-head">
            <h2 id="h-trend">${msg('Ontwikkeling')}</h2>
            ${this.renderTrendToggle()}
          </div>
          ${trendChart(trend, ids.cijfer, ids.aanraden, trendTest)}
        </section>
        <section aria-labelledby="h-teams">
          <h2 id="h-teams">${msg('Per team')}</h2>
          ${
            this.selection.team
              ? html`<p class="hint">${msg(str`Alle teams, zodat u ${this.labels.teamName(this.selection.team)} kunt vergelijken.`)}</p>`
              : nothing
          }
          ${
            r.report.protected && (this.selection.contact || this.selection.status || this.selection.leeftijd || this.selection.wijk)
              ? html`<p class="muted">${msg('Per team ziet u de cijfers zonder filter op soort contact, status, leeftijd of wijk.')}</p>`
              : teamTable(this.labels, byTeam, ids, this.selection.team)
          }
        </section>
        ${languageTable(r.report.byLanguage, this.reader)} ${this.renderChoices(current)} ${this.renderOpen(current)}
      </div>
      <footer class="foot">
        ${r.report.protected ? this.renderRelease(current) : r.updatedAt ? html`<p class="updated">${msg(str`Bijgewerkt om ${r.updatedAt.toLocaleTimeString('nl-NL')}`)}</p>` : nothing}
        ${this.renderDownloads()}
      </footer>
    `;
  }

  /** When a partner's figures were last released and how many new responses that took in, and why. */
  private renderRelease(current: Aggregate): TemplateResult {
    const release = current.disclosure?.release;
    const at = release ? new Date(release.at) : undefined;
    const time = at?.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
    const sameDay = at && at.toDateString() === new Date().toDateString();
    return html`<div class="release" data-release>
      <p class="updated">
        ${
          !release || !time
            ? msg('Nog geen cijfers vrijgegeven.')
            : sameDay
              ? msg(str`Bijgewerkt om ${time}, ${fmtInt(release.newResponses)} nieuwe reacties`)
              : msg(str`Bijgewerkt op ${fmtDay(release.at.slice(0, 10))} om ${time}, ${fmtInt(release.newResponses)} nieuwe reacties`)
        }
      </p>
      <p class="note">
        ${msg(
          str`Zodat niemand herkenbaar is, worden de cijfers pas bijgewerkt na ${fmtInt(current.disclosure?.releaseEvery ?? current.k)} nieuwe reacties en een klein beetje afgerond. Kleine groepen zijn verborgen.`,
        )}
      </p>
    </div>`;
  }

  /** The headline figures alone, for a public page: no filters, no downloads. */
  private renderFigure(current: Aggregate, ids: { cijfer: string; aanraden: string }): TemplateResult {
    return html`<section class="figure-view" aria-labelledby="h-figure">
      <h2 id="h-figure">${this.labels.questionnaireTitle() ?? msg('Tevredenheid van cliënten')}</h2>
      ${headlineTiles(current, undefined, 'previous', ids)} ${this.report.report?.protected ? this.renderRelease(current) : nothing}
    </section>`;
  }

  private renderLogin(): TemplateResult {
    return html`<form class="login" @submit=${this.login}>
      <h1>${msg('Peil dashboard')}</h1>
      ${this.loginFailed && this.token ? html`<p role="alert" class="error">${msg('Deze code klopt niet. Probeer het opnieuw.')}</p>` : nothing}
      <label for="token">${msg('Toegangscode')}</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required />
      <button type="submit">${msg('Inloggen')}</button>
    </form>`;
  }

  private renderLive(): TemplateResult {
    const live = this.report.live;
    const text =
      live.status === 'live'
        ? live.reconnected
          ? msg('Live: de verbinding is hersteld. De cijfers zijn weer actueel.')
          : this.report.report?.protected
            ? msg('Live: nieuwe cijfers komen vanzelf, steeds na een aantal nieuwe reacties')
            : msg('Live: cijfers worden vanzelf bijgewerkt')
        : live.status === 'connecting'
          ? msg('Verbinden…')
          : msg('Geen verbinding. Wij proberen het opnieuw. De cijfers kunnen verouderd zijn.');
    return html`<p class="live ${live.status}" role="status" data-live=${live.status}>${text}</p>`;
  }

  private scopeText(range: { from?: string; to?: string }): string {
    const s = this.selection;
    const q =
      this.labels.questionnaireTitle() ??
      questionnaireOptions(s.questionnaire).find((o) => o.id === s.questionnaire)?.title ??
      s.questionnaire;
    const period =
      range.from && range.to
        ? msg(str`${fmtDay(range.from)} tot en met ${fmtDay(range.to)}`)
        : range.from
          ? msg(str`vanaf ${fmtDay(range.from)}`)
          : range.to
            ? msg(str`tot en met ${fmtDay(range.to)}`)
            : msg('alle reacties');
    const parts = [q, period, s.team ? this.labels.teamName(s.team) : msg('alle teams')];
    if (s.contact) parts.push(contactText(s.contact));
    if (s.status) parts.push(statusText(s.status));
    for (const field of ['leeftijd', 'wijk'] as const) {
      const chosen = s[field];
      if (chosen) parts.push(this.labels.contextOptions(field).find((o) => o.id === chosen)?.text ?? chosen);
    }
    if (s.language) parts.push(languageName(s.language, this.reader));
    return parts.join(' · ');
  }

  /** A filter on a background field, offered when the questionnaire asks it (its answers are the choices). */
  private renderContextFilter(field: 'leeftijd' | 'wijk', label: string, all: string): TemplateResult | typeof nothing {
    const chosen = this.selection[field];
    const options = this.labels.contextOptions(field);
    if (!options.length && !chosen) return nothing;
    if (chosen && !options.some((o) => o.id === chosen)) options.push({ id: chosen, text: chosen });
    return html`<div class="field">
      <label for="f-${field}">${label}</label>
      <select id="f-${field}" name=${field}>
        <option value="" ?selected=${!chosen}>${all}</option>
        ${options.map((o) => html`<option value=${o.id} ?selected=${o.id === chosen}>${o.text}</option>`)}
      </select>
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const s = this.selection;
    const teams = (this.report.report?.byTeam?.groups ?? []).map((g) => g.key).filter((k) => k !== UNKNOWN_GROUP);
    if (s.team && !teams.includes(s.team)) teams.push(s.team);
    const periodLabel: Record<Period, string> = {
      '12m': msg('Laatste 12 maanden'),
      jaar: msg('Dit jaar'),
      'vorig-jaar': msg('Vorig jaar'),
      kwartaal: msg('Dit kwartaal'),
      'vorig-kwartaal': msg('Vorig kwartaal'),
      maand: msg('Deze maand'),
      'vorige-maand': msg('Vorige maand'),
      alles: msg('Alles'),
      anders: msg('Zelf kiezen'),
    };
    return html`<form
      class="filters"
      role="search"
      aria-label=${msg('Selectie')}
      @change=${this.onFilter}
      @submit=${(e: Event) => e.preventDefault()}
    >
      <div class="field">
        <label for="f-questionnaire">${msg('Vragenlijst')}</label>
        <select id="f-questionnaire" name="questionnaire">
          ${questionnaireOptions(s.questionnaire).map((q) => html`<option value=${q.id} ?selected=${q.id === s.questionnaire}>${q.title}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-period">${msg('Periode')}</label>
        <select id="f-period" name="period">
          ${(this.report.report?.protected ? PROTECTED_PERIODS : PERIODS).map(
            (p) => html`<option value=${p} ?selected=${p === s.period}>${periodLabel[p]}</option>`,
          )}
        </select>
      </div>
      ${
        s.period === 'anders'
          ? html`<div class="field">
                <label for="f-from">${msg('Van')}</label>
                <input id="f-from" name="from" type="date" .value=${s.from ?? ''} />
              </div>
              <div class="field">
                <label for="f-to">${msg('Tot en met')}</label>
                <input id="f-to" name="to" type="date" .value=${s.to ?? ''} />
              </div>`
          : nothing
      }
      <div class="field">
        <label for="f-team">${msg('Team')}</label>
        <select id="f-team" name="team">
          <option value="" ?selected=${!s.team}>${msg('Alle teams')}</option>
          ${teams.map((t) => html`<option value=${t} ?selected=${t === s.team}>${this.labels.teamName(t)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-contact">${msg('Soort contact')}</label>
        <select id="f-contact" name="contact">
          <option value="" ?selected=${!s.contact}>${msg('Alle soorten contact')}</option>
          ${CONTACT_VALUES.map((v) => html`<option value=${v} ?selected=${v === s.contact}>${contactText(v)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-status">${msg('Status van de hulp')}</label>
        <select id="f-status" name="status">
          <option value="" ?selected=${!s.status}>${msg('Afgerond en lopend')}</option>
          ${STATUS_VALUES.map((v) => html`<option value=${v} ?selected=${v === s.status}>${statusText(v)}</option>`)}
        </select>
      </div>
      ${this.renderContextFilter('leeftijd', msg('Leeftijd'), msg('Alle leeftijden'))}
      ${this.renderContextFilter('wijk', msg('Wijk'), msg('Alle wijken'))}
      ${
        this.report.report?.protected
          ? nothing
          : html`<div class="field">
              <label for="f-language">${msg('Taal van invullen')}</label>
              <select id="f-language" name="language">
                <option value="" ?selected=${!s.language}>${msg('Alle talen')}</option>
                ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === s.language}>${languageName(l, this.reader)}</option>`)}
              </select>
            </div>`
      }
      <div class="field">
        <label for="f-compare">${msg('Vergelijken met')}</label>
        <select id="f-compare" name="compare">
          <option value="previous" ?selected=${s.compare === 'previous'}>${msg('vorige periode')}</option>
          <option value="lastyear" ?selected=${s.compare === 'lastyear'}>${msg('zelfde periode vorig jaar')}</option>
        </select>
      </div>
    </form>`;
  }

  /**
   * Whether the figures are weighted, and to what. The choice shows when weights exist: the figures came
   * weighted, or the reader switched them off.
   */
  private renderWeighting(weighting: { dimensions: string[] } | undefined): TemplateResult | typeof nothing {
    if (!weighting && this.selection.weighted) return nothing;
    const names = (weighting?.dimensions ?? []).map(dimensionText);
    return html`<div class="weighting" data-weighting=${weighting ? 'gewogen' : 'ongewogen'}>
      <fieldset class="toggle" @change=${this.onFilter}>
        <legend>${msg('Cijfers')}</legend>
        <label><input type="radio" name="weighted" value="1" ?checked=${this.selection.weighted} />${msg('gewogen')}</label>
        <label><input type="radio" name="weighted" value="0" ?checked=${!this.selection.weighted} />${msg('ongewogen')}</label>
      </fieldset>
      <p class="hint">
        ${
          weighting
            ? msg(
                str`Gewogen naar ${names.join(', ')}: elke groep telt mee naar haar aandeel onder alle cliënten. Naast het echte aantal reacties (n) staat het effectieve aantal, waar de marges op rusten.`,
              )
            : msg('Ongewogen: elke reactie telt even zwaar.')
        }
      </p>
    </div>`;
  }

  private renderTrendToggle(): TemplateResult {
    const t = this.selection.trend;
    return html`<fieldset class="toggle" @change=${this.onFilter}>
      <legend>${msg('Per')}</legend>
      <label><input type="radio" name="trend" value="month" ?checked=${t === 'month'} />${msg('maand')}</label>
      <label><input type="radio" name="trend" value="quarter" ?checked=${t === 'quarter'} />${msg('kwartaal')}</label>
    </fieldset>`;
  }

  /** The items of the current selection that the dashboard shows in one place. */
  private itemsIn(current: Aggregate, place: Place): string[] {
    return Object.keys(current.items).filter((id) => placeOf(itemType(this.labels, id, current.items[id])) === place);
  }

  private renderStellingen(current: Aggregate): TemplateResult | typeof nothing {
    const ids = this.itemsIn(current, 'stelling');
    if (ids.length === 0) return nothing;
    return html`<section aria-labelledby="h-stellingen">
      <h2 id="h-stellingen">${msg('Stellingen')}</h2>
      ${BLOCKS.map((b) => {
        const rows = ids.filter((id) => this.labels.blockOf(id) === b).map((id) => ({ id, cell: current.items[id] }));
        return rows.length ? stellingBlock(this.labels, b, blockTitle(b), rows) : nothing;
      })}
    </section>`;
  }

  private renderNps(current: Aggregate): TemplateResult | typeof nothing {
    const ids = this.itemsIn(current, 'nps');
    if (ids.length === 0) return nothing;
    return html`<section aria-labelledby="h-nps">
      <h2 id="h-nps">${msg('Aanbevelen op een schaal van 0 tot 10')}</h2>
      <div class="pair">${ids.map((id) => npsChart(this.labels, id, current.items[id]))}</div>
    </section>`;
  }

  private renderChoices(current: Aggregate): TemplateResult | typeof nothing {
    const ids = this.itemsIn(current, 'choice').filter((id) => !this.labels.isContextItem(id));
    if (ids.length === 0) return nothing;
    return html`<section aria-labelledby="h-keuze">
      <h2 id="h-keuze">${msg('Overige vragen')}</h2>
      <div class="pair">${ids.map((id) => choiceChart(this.labels, id, current.items[id]))}</div>
    </section>`;
  }

  private renderOpen(current: Aggregate): TemplateResult | typeof nothing {
    const ids = this.itemsIn(current, 'open');
    if (ids.length === 0) return nothing;
    return html`<section aria-labelledby="h-open">
      <h2 id="h-open">${msg('Open antwoorden')}</h2>
      <p class="hint">
        ${msg(
          str`Wat cliënten zelf schreven. Namen, telefoonnummers en adressen zijn eruit gehaald. U ziet de antwoorden alleen als de selectie minstens ${fmtInt(current.k)} reacties heeft.`,
        )}
        ${
          this.report.report?.protected
            ? msg(str`Nieuwe antwoorden komen per ${fmtInt(current.k)} tegelijk, in willekeurige volgorde, alleen voor alle teams samen.`)
            : nothing
        }
      </p>
      <div class="pair">
        ${ids.map((id) => {
          const f = published(current.items[id], 'open');
          return html`<section class="card" aria-labelledby="o-${id}">
            <h3 id="o-${id}">${this.labels.itemText(id)}</h3>
            ${
              f?.texts?.length
                ? html`<p class="note">${msg(str`${fmtInt(f.texts.length)} antwoorden`)}</p>
                    <ul class="open">
                      ${f.texts.map((t) => html`<li>${t}</li>`)}
                    </ul>`
                : html`<p class="muted">${f ? msg('Nog geen antwoorden.') : msg('Te weinig reacties om antwoorden te tonen.')}</p>`
            }
          </section>`;
        })}
      </div>
    </section>`;
  }

  private renderDownloads(): TemplateResult {
    const d = this.downloads;
    if (d.state === 'denied') {
      return html`<p class="downloads-note" data-downloads="denied">
        ${msg('Downloads van de antwoorden zijn alleen voor medewerkers van de gemeente.')}
      </p>`;
    }
    const base = apiBase(this.api);
    const q = this.selection.questionnaire;
    const filtered = aggregateQuery(this.selection, this.report.report?.range ?? {}, { unweighted: true });
    const files = [
      {
        label: msg('Antwoorden (CSV)'),
        url: `${base}/v1/export/responses.csv?questionnaire=${encodeURIComponent(q)}`,
        name: `${q}-antwoorden.csv`,
      },
      {
        label: msg('Antwoorden (SPSS)'),
        url: `${base}/v1/export/responses.sps?questionnaire=${encodeURIComponent(q)}`,
        name: `${q}-antwoorden.sps`,
      },
      { label: msg('Cijfers van deze selectie (CSV)'), url: `${base}/v1/export/aggregates.csv?${filtered}`, name: `${q}-cijfers.csv` },
    ];
    return html`<section class="downloads" aria-labelledby="h-downloads">
      <h2 id="h-downloads">${msg('Downloaden en afdrukken')}</h2>
      <div class="buttons">
        ${files.map(
          (f) =>
            html`<button
              type="button"
              class="secondary"
              ?disabled=${d.state === 'busy'}
              @click=${() => void d.download(f.url, this.token, f.name)}
            >
              ${f.label}
            </button>`,
        )}
        <button type="button" class="secondary" @click=${() => window.print()}>${msg('Afdrukken')}</button>
      </div>
      <p class="downloads-note" role="status">
        ${
          d.state === 'busy'
            ? msg('Bezig met downloaden…')
            : d.state === 'unavailable'
              ? msg('Deze download is nog niet beschikbaar.')
              : d.state === 'failed'
                ? msg('Het downloaden is niet gelukt. Probeer het opnieuw.')
                : nothing
        }
      </p>
    </section>`;
  }
}

/** Where the dashboard shows an item, by type: every type has a place, or this does not compile. */
type Place = 'headline' | 'stelling' | 'nps' | 'choice' | 'open';
const PLACE: Record<ItemType, Place> = {
  // The first cijfer and aanraden are the headline figures (tiles, charts, trend, team table).
  cijfer: 'headline',
  aanraden: 'headline',
  stelling: 'stelling',
  nps: 'nps',
  keuze: 'choice',
  meerkeuze: 'choice',
  open: 'open',
};

function placeOf(type: string | undefined): Place | undefined {
  return type !== undefined && Object.hasOwn(PLACE, type) ? PLACE[type as ItemType] : undefined;
}

/** The type of an item: from its figures, else from the bank (a hidden cell carries no type). */
function itemType(labels: Labels, id: string, cell: ItemCell | undefined): string | undefined {
  return cell && 'type' in cell ? cell.type : labels.type(id);
}

/** The items the headline tiles read: the questionnaire's first cijfer and aanraden. */
function headlineIds(labels: Labels, agg: Aggregate): { cijfer: string; aanraden: string } {
  const ids = Object.keys(agg.items);
  return {
    cijfer: ids.find((id) => itemType(labels, id, agg.items[id]) === 'cijfer') ?? 'tot_cijfer',
    aanraden: ids.find((id) => itemType(labels, id, agg.items[id]) === 'aanraden') ?? 'tot_aanraden',
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'peil-dashboard': PeilDashboard;
  }
  interface HTMLElementEventMap {
    'peil-selection-change': SelectionChangeEvent;
  }
}
