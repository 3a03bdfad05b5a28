import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Item, PublishedQuestionnaire, Section, Text } from '../schemas/questionnaire.js';
import { assertNever, effectiveAnswers, isShown, textIn, type AnswerValue, type Answers } from '../schemas/logic.js';
import {
  AANRADEN_VALUES,
  CONTEXT_FIELDS,
  INVITE_PARAM,
  LANGUAGE_INFO,
  STELLING_VALUES,
  WEET_NIET,
  type AanradenValue,
  type ContextField,
  type Language,
  type StellingValue,
} from '../schemas/constants.js';
import { apiBase, definitionUrl, errorCode, inviteCheckUrl, uuid } from './api.js';
import { DefinitionRequests } from './definition-requests.js';
import { DoneMarker } from './controllers/done-marker.js';
import { DraftController, type Draft } from './controllers/draft-controller.js';
import type { Interviewer } from './controllers/interviewer.js';
import { KioskController } from './controllers/kiosk-controller.js';
import { enterMovesOn } from './controllers/enter-key.js';
import { OutboxController } from './controllers/outbox-controller.js';
import { ReadAloudController, type Spoken } from './controllers/read-aloud.js';
import { languageSwitch } from './language-switch.js';
import { applyLocale } from './survey-localization.js';
import { errorMessage } from './messages.js';
import { styles } from './peil-survey.styles.js';
import { wholeNumber } from './whole-number.js';

/** Detail of `peil-page`. */
export interface PeilPageDetail {
  page: number;
  pages: number;
}
/** Detail of `peil-submit`. */
export interface PeilSubmitDetail {
  submissionId: string;
  status: 'sent' | 'queued';
}
/** Detail of `peil-error`. */
export interface PeilErrorDetail {
  code: string;
}

class LoadError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** Items answered by picking from a list: radio buttons, or checkboxes for meerkeuze. */
type ChoiceItem = Exclude<Item, { type: 'open' }>;

/** What every question shows around its input: number and text, help, hint and error wiring. */
interface Frame {
  invalid: boolean;
  errorId: string | undefined;
  describedBy: string;
  head: TemplateResult;
  help: TemplateResult | typeof nothing;
  hint: string | undefined;
  /** The "Lees voor" button, where the browser has a voice for the language. */
  readAloud: TemplateResult | typeof nothing;
}

const STELLING: Record<StellingValue, () => string> = {
  helemaal_eens: () => msg('Helemaal mee eens'),
  eens: () => msg('Mee eens'),
  neutraal: () => msg('Niet mee eens, niet mee oneens'),
  oneens: () => msg('Mee oneens'),
  helemaal_oneens: () => msg('Helemaal mee oneens'),
  weet_niet: () => msg('Weet ik niet / niet van toepassing'),
};
const AANRADEN: Record<AanradenValue, () => string> = {
  ja: () => msg('Ja'),
  misschien: () => msg('Misschien'),
  nee: () => msg('Nee'),
};

/**
 * A client-experience questionnaire, embedded with one script tag on a partner's site.
 *
 * @tagname peil-survey
 * @summary The Peil questionnaire for clients: accessible, plain Dutch (B1) and five other languages the client can switch to, read aloud on request, never loses an answer.
 *
 * Works when the element is in the page before the script loads, and when the script is loaded twice.
 * Answers are never lost (a draft in sessionStorage, an outbox in localStorage) and never counted
 * twice (one client-generated `submissionId` per questionnaire filled in).
 *
 * @fires peil-page - A new page is shown. Detail: `{ page, pages }` (1-based). Bubbles, composed.
 * @fires peil-submit - The answers were sent (`status: 'sent'`) or safely queued to send later (`'queued'`). Detail: `{ submissionId, status }`. Bubbles, composed.
 * @fires peil-error - Loading or sending failed for a reason a retry will not change. Detail: `{ code }`, a stable API error code. Bubbles, composed.
 *
 * @csspart form - The form around the current page.
 * @csspart title - The questionnaire's title.
 * @csspart heading - The heading of the current page or of the thank-you message.
 * @csspart progress - The step indicator ("Stap 2 van 4").
 * @csspart question - Each question (a fieldset or a field).
 * @csspart option - Each answer option (a label around a native radio or checkbox).
 * @csspart button - The Vorige, Volgende and Versturen buttons.
 * @csspart primary - The Volgende and Versturen buttons.
 * @csspart message - Status, error and thank-you messages.
 * @csspart languages - The language choice above the survey.
 * @csspart read-aloud - Each question's "Lees voor" button.
 *
 * @cssprop [--peil-font-family=var(--nl-document-font-family, system-ui, sans-serif)] - Font.
 * @cssprop [--peil-font-size=var(--nl-document-font-size, max(1.125rem, 18px))] - Base text size.
 * @cssprop [--peil-color=var(--nl-document-color, #1a1a1a)] - Text colour.
 * @cssprop [--peil-background=var(--nl-document-background-color, #fff)] - Background.
 * @cssprop [--peil-primary=var(--nl-button-primary-background-color, #00539f)] - Buttons and selected answers.
 * @cssprop [--peil-primary-text=var(--nl-button-primary-color, #fff)] - Text on the primary colour.
 * @cssprop [--peil-border=#5c5c5c] - Borders of answer options (3:1 contrast at least).
 * @cssprop [--peil-focus=var(--nl-focus-outline-color, #c24e00)] - Focus ring.
 * @cssprop [--peil-error=#c0000b] - Error text and borders.
 * @cssprop [--peil-radius=6px] - Corner radius.
 * @cssprop [--peil-loading-block-size=100vh] - Height kept while the questionnaire loads, so the page below does not move when it appears; set it near page one's height for a short questionnaire.
 */
@localized()
export class PeilSurvey extends LitElement {
  static override styles = styles;

  /** Questionnaire id, e.g. `sociaal-team-kort`. */
  @property() questionnaire = '';
  /** The partner's public site key. */
  @property({ attribute: 'site-key' }) siteKey = '';
  /** Team id; when set, the question "Met welk team had u contact?" is skipped. */
  @property() team?: string;
  /** Contact type (`kort`, `lang`); when set, that question is skipped. */
  @property() contact?: string;
  /** Status of the help (`afgerond`, `loopt`); when set, that question is skipped. */
  @property() status?: string;
  /**
   * For whom the form is filled in (`zelf`, `kind`, `zorg`, `anders`); when set, that question is skipped.
   * Not `role`: on an element that attribute is the ARIA role.
   */
  @property({ attribute: 'respondent-role' }) respondentRole?: string;
  /** Age band (`jonger_dan_45`, `45_64`, `65_plus`), when the partner knows it; that question is then skipped. */
  @property() leeftijd?: string;
  /** The client's wijk, one of the gemeente's list; that question is then skipped. */
  @property() wijk?: string;
  /**
   * The language the survey starts in (attribute `lang`): `nl`, `en`, `tr`, `ar`, `pl` or `uk`; defaults to
   * the page's `<html lang>`. The client can choose another at the top of the survey.
   */
  @property({ attribute: 'lang' }) language?: string;
  /** Base URL of the Peil API; defaults to the origin the script was loaded from. */
  @property() api = '';
  /** One-time invite token from a link or QR code (also read from `?peil-invite=` in the page URL). */
  @property() invite?: string;
  /** A tablet in a waiting room: after each client the form starts empty again; see KioskController. */
  @property({ type: Boolean }) kiosk = false;
  /** Seconds without input before a kiosk asks whether the client is still there. */
  @property({ type: Number, attribute: 'kiosk-idle' }) kioskIdle = 90;
  /** `interviewer`: an interviewer enters a telephone or paper interview, with channel and date (needs peil-interview.js). */
  @property() mode?: 'interviewer';
  /** Bearer token of an interviewer (also read from `#token=` in the page URL). */
  @property() token = '';

  @state() private answers: Answers = {};
  @state() private page = 0;
  @state() private errors: string[] = [];
  @state() private review = false;
  @state() private locale: Language = 'nl';
  /** The language the client chose in the survey; it wins over `lang` and the page's. */
  @state() private chosen?: Language;
  /** What the polite live region says; it stays in the DOM so every change is announced. */
  @state() private announcement = '';
  /** This device filled the questionnaire in before (the thank-you was shown). */
  @state() private doneBefore = false;

  private submissionId?: string;
  private startedAt = 0;
  private focusTarget?: string;
  private honeypot = '';
  private readonly outbox = new OutboxController(this);
  private readonly readAloud = new ReadAloudController(this);
  /** Counts language changes, so a language that loads late cannot replace one chosen after it. */
  private localeRequest = 0;
  private readonly draft = new DraftController(() => `peil-draft:${this.questionnaire}:${this.siteKey}:${this.team ?? ''}`);
  private readonly done = new DoneMarker(() => `${this.questionnaire}:${this.siteKey}:${this.team ?? ''}`);
  private readonly kioskMode = new KioskController(this);
  /** Interviewer entry; only the interviewer's bundle (peil-interview.js) has it, so clients never load it. */
  protected readonly interview?: Interviewer;
  /**
   * Where the questionnaire request comes from. On its own the element asks the network (a cache
   * that keeps nothing); the bundle entry hands in the requests it started before the element upgraded.
   */
  protected readonly definitions: Pick<DefinitionRequests, 'fetch'> = new DefinitionRequests(0);

  private readonly definition = new Task(this, {
    args: () => [apiBase(this.api), this.questionnaire, this.siteKey, this.team] as const,
    task: async ([api, id, siteKey, team], { signal }) => {
      try {
        if (!id || !siteKey) throw new LoadError('unknown_site_key');
        const request = this.definitions.fetch(definitionUrl(api, id, siteKey, team), signal);
        const invite = this.inviteToken;
        // A used, expired or unknown invite is said before the first question, not after the last.
        const check = invite ? inviteStatus(inviteCheckUrl(api, id, siteKey, invite), signal) : undefined;
        // Read while the questionnaire travels: a page's first storage access is slow. A kiosk or an
        // interviewer serves one person after another: nothing of the one before comes back.
        const shared = this.kiosk || this.interviewing;
        const draft = shared ? undefined : this.draft.load();
        const res = await request.catch(() => {
          throw new LoadError('load_failed');
        });
        if (!res.ok) throw new LoadError((await errorCode(res)) ?? 'load_failed');
        const q = (await res.json()) as PublishedQuestionnaire;
        this.doneBefore = !shared && this.done.has(invite);
        // Better said now than after the last question: this partner takes only invited answers.
        if (q.inviteRequired && !invite && !this.interviewing) throw new LoadError('invite_required');
        // A client who pressed Versturen already has an id: the outbox still delivers that one.
        const refused = await check;
        if (refused && !this.doneBefore && !draft?.submissionId) throw new LoadError(refused);
        this.restore(q, draft);
        return q;
      } catch (e) {
        if (!signal.aborted) emit<PeilErrorDetail>(this, 'peil-error', { code: e instanceof LoadError ? e.code : 'load_failed' });
        throw e;
      }
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.updateLocale();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('language')) void this.updateLocale();
  }

  private async updateLocale(): Promise<void> {
    const request = ++this.localeRequest;
    try {
      const locale = await applyLocale(this.chosen ?? this.language);
      if (request === this.localeRequest) this.locale = locale;
    } catch {
      // The language's file did not load (no connection): the survey stays in the language it has.
      if (request === this.localeRequest) this.chosen = this.locale;
    }
  }

  /** The client picks a language: everything answered stays, the page and focus stay where they are. */
  private choose(lang: Language): void {
    this.readAloud.stop();
    this.chosen = lang;
    void this.updateLocale();
    this.saveDraft();
  }

  private restore(q: PublishedQuestionnaire, d: Draft | undefined): void {
    if (d?.language && !this.chosen) {
      this.chosen = d.language;
      void this.updateLocale();
    }
    this.answers = d?.answers ?? {};
    this.page = Math.min(d?.page ?? 0, q.sections.length - 1);
    this.submissionId = d?.submissionId;
    this.startedAt = performance.now();
  }

  /** A text in the survey's language; where it has no translation, the Dutch, marked as Dutch for screen readers. */
  private tx(text: Text): string | TemplateResult {
    const { value, lang } = textIn(text, this.locale);
    return lang === this.locale ? value : html`<span lang=${lang} dir=${LANGUAGE_INFO[lang].dir}>${value}</span>`;
  }

  /** A piece to read aloud, in the language it is really in. */
  private spoken(text: Text | string): Spoken {
    if (typeof text === 'string') return { text, lang: this.locale };
    const { value, lang } = textIn(text, this.locale);
    return { text: value, lang };
  }

  /** A number as the reader's language writes it (1.000 in Dutch, 1,000 in English). */
  private n(value: number): string {
    return wholeNumber(value, this.locale);
  }

  private get known(): Partial<Record<ContextField, string>> {
    const known: Partial<Record<ContextField, string>> = {};
    const given: Record<ContextField, string | undefined> = {
      team: this.team,
      contact: this.contact,
      status: this.status,
      role: this.respondentRole,
      leeftijd: this.leeftijd,
      wijk: this.wijk,
    };
    for (const f of CONTEXT_FIELDS) if (given[f]) known[f] = given[f];
    return known;
  }

  private visible(q: { sections: Section[] }, section: Section): Item[] {
    const view = effectiveAnswers(q, this.answers, this.known);
    return section.items.filter(
      (item) => !(item.type === 'keuze' && item.context && this.known[item.context] !== undefined) && isShown(item, view),
    );
  }

  /** Sections with at least one question to ask; a section the embed fully answered is skipped. */
  private pages(q: PublishedQuestionnaire): Section[] {
    return q.sections.filter((s) => this.visible(q, s).length > 0);
  }

  private missing(q: PublishedQuestionnaire, sections: Section[]): string[] {
    return sections.flatMap((s) =>
      this.visible(q, s)
        .filter((i) => i.required && isBlank(this.answers[i.id]))
        .map((i) => i.id),
    );
  }

  private setAnswer(id: string, value: AnswerValue | undefined): void {
    this.readAloud.stop();
    const next = { ...this.answers };
    if (isBlank(value)) delete next[id];
    else next[id] = value!;
    this.answers = next;
    if (this.errors.includes(id) && !isBlank(value)) this.errors = this.errors.filter((e) => e !== id);
    this.saveDraft();
  }

  private saveDraft(): void {
    if (this.kiosk || this.interviewing) return;
    this.draft.save({ answers: this.answers, page: this.page, submissionId: this.submissionId, language: this.chosen });
  }

  /** Shows page `to`; keeps the review list when the client follows a link in it. */
  private go(q: PublishedQuestionnaire, to: number, keepErrors = false): void {
    this.readAloud.stop();
    const pages = this.pages(q);
    this.page = Math.max(0, Math.min(to, pages.length - 1));
    if (!keepErrors) {
      this.errors = [];
      this.review = false;
    }
    this.announcement = '';
    this.focusTarget = '#peil-heading';
    this.saveDraft();
    emit<PeilPageDetail>(this, 'peil-page', { page: this.page + 1, pages: pages.length });
  }

  private next(q: PublishedQuestionnaire): void {
    if (this.interview && this.interviewing && this.page === 0 && !this.interview.ready()) return;
    const pages = this.pages(q);
    const missing = this.missing(q, [pages[this.page]]);
    if (missing.length) return this.showErrors(missing, false);
    this.go(q, this.page + 1);
  }

  private showErrors(ids: string[], review: boolean): void {
    this.errors = ids;
    this.review = review;
    this.announcement =
      ids.length === 1 ? msg('Er is 1 vraag nog niet beantwoord.') : msg(str`Er zijn ${this.n(ids.length)} vragen nog niet beantwoord.`);
    this.focusTarget = '#peil-errors';
  }

  private async submit(q: PublishedQuestionnaire): Promise<void> {
    const pages = this.pages(q);
    const here = this.missing(q, [pages[this.page]]);
    if (here.length) return this.showErrors(here, false);
    const elsewhere = this.missing(q, pages);
    if (elsewhere.length) return this.showErrors(elsewhere, true);
    if (this.interview && this.interviewing && !this.interview.ready()) return this.go(q, 0);
    this.errors = [];
    // One id per questionnaire filled in: a double tap, a retry or a reload sends the same one.
    this.submissionId ??= uuid();
    this.saveDraft();
    const body = {
      siteKey: this.siteKey,
      submissionId: this.submissionId,
      questionnaireId: q.id,
      version: q.version,
      answers: this.cleanAnswers(q),
      context: this.known,
      language: this.locale,
      elapsedMs: Math.round(performance.now() - this.startedAt),
      ...(this.inviteToken ? { invite: this.inviteToken } : {}),
      ...(this.honeypot ? { website: this.honeypot } : {}),
    };
    this.announcement = msg('Bezig met versturen…');
    if (this.interview && this.interviewing) {
      const line = {
        submissionId: body.submissionId,
        questionnaireId: q.id,
        version: q.version,
        answers: body.answers,
        context: body.context,
      };
      const sent = await this.interview.send(apiBase(this.api), this.interview.token(this.token), line);
      return this.afterSend(sent.kind === 'failed' ? sent.code : undefined);
    }
    const result = await this.outbox.send({ url: `${apiBase(this.api)}/v1/responses`, body, queuedAt: Date.now() });
    this.afterSend(result.kind === 'failed' ? result.code : undefined);
  }

  private afterSend(code?: string): void {
    const state = this.interview && this.interviewing ? this.interview.state : this.outbox.state;
    if (state.kind === 'sent' || state.kind === 'queued') {
      this.draft.clear();
      if (!this.kiosk && !this.interviewing) this.done.set(this.inviteToken);
      this.announcement = '';
      this.focusTarget = '#peil-heading';
      emit<PeilSubmitDetail>(this, 'peil-submit', { submissionId: this.submissionId!, status: state.kind });
    } else if (code) {
      this.announcement = errorMessage(code);
      emit<PeilErrorDetail>(this, 'peil-error', { code });
    }
  }

  /** Only answers to questions that are shown go out; hidden ones would be refused by the server. */
  private cleanAnswers(q: PublishedQuestionnaire): Answers {
    const out: Answers = {};
    for (const s of q.sections) {
      for (const item of this.visible(q, s)) {
        const v = this.answers[item.id];
        // Open text goes out as typed: the exports give it back exactly.
        if (!isBlank(v)) out[item.id] = v;
      }
    }
    return out;
  }

  private get inviteToken(): string | undefined {
    if (this.interviewing) return undefined;
    return this.invite || new URLSearchParams(location.search).get(INVITE_PARAM) || undefined;
  }

  private get interviewing(): boolean {
    return this.mode === 'interviewer';
  }

  /** For the kiosk: a client has given an answer or turned a page. */
  get inProgress(): boolean {
    return Object.keys(this.answers).length > 0 || this.page > 0;
  }

  /** For the kiosk: the thank-you is shown. */
  get finished(): boolean {
    const kind = this.outbox.state.kind;
    return kind === 'sent' || kind === 'queued';
  }

  /** Clears everything of the client or interview before, for the next one. */
  startOver(): void {
    this.answers = {};
    this.page = 0;
    this.errors = [];
    this.review = false;
    this.submissionId = undefined;
    this.honeypot = '';
    this.announcement = '';
    this.outbox.forget();
    this.interview?.next();
    this.draft.clear();
    this.startedAt = performance.now();
    this.focusTarget = '#peil-heading';
    this.requestUpdate();
  }

  protected override updated(): void {
    if (this.focusTarget) {
      const el = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
      this.focusTarget = undefined;
      el?.focus();
      el?.scrollIntoView?.({ block: 'nearest' });
    }
  }

  override render() {
    return html`<div class="root" lang=${this.locale} dir=${LANGUAGE_INFO[this.locale].dir}>
      ${this.definition.render({
        pending: () => html`<p class="loading" part="message">${msg('De vragenlijst wordt geladen…')}</p>`,
        error: (e) => this.renderLoadError(e instanceof LoadError ? e.code : 'load_failed'),
        complete: (q) => this.renderSurvey(q),
      })}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderLoadError(code: string) {
    return html`<div class="message error" role="alert" part="message">
      <p>${errorMessage(code)}</p>
      ${
        code === 'load_failed'
          ? html`<button type="button" part="button" @click=${() => this.definition.run()}>${msg('Probeer opnieuw')}</button>`
          : nothing
      }
    </div>`;
  }

  private renderSurvey(q: PublishedQuestionnaire) {
    if (this.doneBefore) return this.renderDoneBefore();
    if (this.interviewing) {
      // The client bundle was loaded where the interviewer's belongs.
      if (!this.interview) return this.renderLoadError('unknown_site_key');
      if (!this.interview.token(this.token)) return this.renderLoadError('unauthorized');
      if (this.interview.state.kind === 'sent') return this.interview.renderDone(() => this.startOver());
    }
    const state = this.interview && this.interviewing ? this.interview.state : this.outbox.state;
    if (state.kind === 'sent' || state.kind === 'queued') return this.renderDone(state.kind);
    const pages = this.pages(q);
    const section = pages[this.page] ?? pages[0];
    const items = this.visible(q, section);
    const all = pages.flatMap((s) => this.visible(q, s));
    const last = this.page === pages.length - 1;
    const sending = state.kind === 'sending';
    return html`
      ${languageSwitch(this.locale, (l) => this.choose(l))}
      <form
        part="form"
        novalidate
        aria-labelledby="peil-title"
        @keydown=${enterMovesOn}
        @submit=${(e: Event) => {
          e.preventDefault();
          if (state.kind === 'sending') return;
          if (last) void this.submit(q);
          else this.next(q);
        }}
      >
        <h2 id="peil-title" class="title" part="title">${this.tx(q.title)}</h2>
        ${this.page === 0 && q.intro ? html`<p class="intro">${this.tx(q.intro)}</p>` : nothing}
        ${
          pages.length > 1
            ? html`<div class="progress" part="progress">
                <p id="peil-step">${msg(str`Stap ${this.n(this.page + 1)} van ${this.n(pages.length)}`)}</p>
                <progress max=${pages.length} .value=${this.page + 1} aria-labelledby="peil-step"></progress>
              </div>`
            : nothing
        }
        ${this.kioskMode.renderPrompt()} ${this.interview && this.interviewing && this.page === 0 ? this.interview.render() : nothing}
        <h3 id="peil-heading" tabindex="-1" part="heading">${this.tx(section.title)}</h3>
        ${this.renderErrorSummary(q, pages)} ${items.map((item) => this.renderItem(item, all.indexOf(item) + 1, all.length))}
        <div class="hp" aria-hidden="true">
          <label
            >Website
            <input
              tabindex="-1"
              autocomplete="off"
              .value=${this.honeypot}
              @input=${(e: Event) => (this.honeypot = (e.target as HTMLInputElement).value)}
          /></label>
        </div>
        ${state.kind === 'failed' ? html`<div class="message error" part="message"><p>${errorMessage(state.code)}</p></div>` : nothing}
        <div class="nav">
          ${
            this.page > 0
              ? html`<button type="button" part="button" class="secondary" @click=${() => this.go(q, this.page - 1)}>
                  ${msg('Vorige')}
                </button>`
              : nothing
          }
          <button type="submit" part="button primary" class="primary" aria-disabled=${sending ? 'true' : 'false'}>
            ${last ? (sending ? msg('Bezig met versturen…') : msg('Versturen')) : msg('Volgende')}
          </button>
        </div>
      </form>
    `;
  }

  private renderErrorSummary(q: PublishedQuestionnaire, pages: Section[]) {
    if (!this.errors.length) return nothing;
    const listed = pages.flatMap((s, page) =>
      this.visible(q, s)
        .filter((item) => this.errors.includes(item.id))
        .map((item) => ({ item, page })),
    );
    const title = this.review
      ? msg('U heeft nog niet alle verplichte vragen beantwoord. Het gaat om:')
      : listed.length === 1
        ? msg('Beantwoord eerst deze vraag:')
        : msg('Beantwoord eerst deze vragen:');
    return html`<div id="peil-errors" class="summary" tabindex="-1" part="message" aria-labelledby="peil-errors-title">
      <p id="peil-errors-title"><strong>${title}</strong></p>
      <ul>
        ${listed.map(
          ({ item, page }) =>
            html`<li>
              <a
                href="#q-${item.id}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  if (page !== this.page) this.go(q, page, true);
                  this.focusTarget = `#q-${item.id} input, #q-${item.id} textarea`;
                  this.requestUpdate();
                }}
                >${this.tx(item.text)}${
                  this.review && pages.length > 1 ? html` <span class="where">(${msg(str`stap ${this.n(page + 1)}`)})</span>` : nothing
                }</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderDone(kind: 'sent' | 'queued') {
    return html`<div class="done" part="message">
      <h2 id="peil-heading" tabindex="-1" part="heading">${msg('Bedankt voor uw antwoorden!')}</h2>
      ${
        kind === 'sent'
          ? html`<p>${msg('Uw antwoorden zijn verstuurd. Wij gebruiken ze om de hulp beter te maken.')}</p>`
          : html`<p class="queued">${msg('Uw antwoorden zijn bewaard en worden verstuurd zodra er verbinding is.')}</p>
              <p>${msg('U kunt deze pagina gewoon sluiten.')}</p>`
      }
      ${this.kioskMode.renderDone()}
    </div>`;
  }

  private renderDoneBefore() {
    return html`<div class="done" part="message">
      <h2 id="peil-heading" tabindex="-1" part="heading">${msg('U heeft deze vragenlijst al ingevuld.')}</h2>
      <p>${msg('Bedankt! Uw antwoorden zijn bewaard. U hoeft niets meer te doen.')}</p>
    </div>`;
  }

  private renderItem(item: Item, n: number, total: number): TemplateResult {
    const id = item.id;
    const invalid = this.errors.includes(id);
    // The bank's own help for a scale already names its ends; a second hint would repeat it.
    const hint = item.help && item.type !== 'meerkeuze' ? undefined : scaleHint(item);
    const frame: Frame = {
      invalid,
      errorId: invalid ? `err-${id}` : undefined,
      describedBy: [item.help ? `help-${id}` : '', hint ? `hint-${id}` : ''].filter(Boolean).join(' '),
      head: html`<span class="num">${msg(str`Vraag ${this.n(n)} van ${this.n(total)}`)}</span>
        <span class="text">${this.tx(item.text)}</span>
        ${item.required ? html`<span class="req">${msg('(verplicht)')}</span>` : nothing}`,
      help: item.help ? html`<p class="help" id="help-${id}">${this.tx(item.help)}</p>` : nothing,
      hint,
      readAloud: this.renderReadAloud(item, hint),
    };
    switch (item.type) {
      case 'open':
        return this.renderOpen(item, frame);
      case 'cijfer':
      case 'nps':
      case 'stelling':
      case 'aanraden':
      case 'keuze':
      case 'meerkeuze':
        return this.renderChoice(item, frame);
      default:
        return assertNever(item);
    }
  }

  private renderReadAloud(item: Item, hint: string | undefined): TemplateResult | typeof nothing {
    if (!this.readAloud.voiceFor(this.locale)) return nothing;
    // Numbers read one by one help nobody; the scale's ends are in its help or hint.
    const options = item.type === 'open' || item.type === 'cijfer' || item.type === 'nps' ? [] : this.optionsOf(item);
    const pieces = [item.text, ...(item.help ? [item.help] : []), ...(hint ? [hint] : []), ...options.map(([, label]) => label)];
    return html`<button
      type="button"
      class="read-aloud"
      part="button read-aloud"
      aria-pressed=${this.readAloud.speaking === item.id ? 'true' : 'false'}
      @click=${() =>
        this.readAloud.toggle(
          item.id,
          pieces.map((p) => this.spoken(p)),
        )}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M3 9v6h4l5 5V4L7 9zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z" />
      </svg>
      ${msg('Lees voor')}
    </button>`;
  }

  private renderError(f: Frame, id: string, text: string) {
    return f.invalid ? html`<p class="field-error" id="err-${id}">${text}</p>` : nothing;
  }

  private renderOpen(item: Extract<Item, { type: 'open' }>, f: Frame): TemplateResult {
    const id = item.id;
    const value = (this.answers[id] as string | undefined) ?? '';
    const left = item.maxLength - [...value].length;
    return html`<div class="question ${f.invalid ? 'invalid' : ''} t-open" id="q-${id}" part="question">
      <label class="legend" for="in-${id}">${f.head}</label>
      ${f.readAloud} ${f.help} ${this.renderError(f, id, msg('Vul hier iets in.'))}
      <textarea
        id="in-${id}"
        rows="4"
        maxlength=${item.maxLength}
        aria-describedby=${[f.describedBy, f.errorId, `count-${id}`].filter(Boolean).join(' ')}
        aria-invalid=${f.invalid ? 'true' : 'false'}
        .value=${value}
        @input=${(e: Event) => this.setAnswer(id, (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p class="count" id="count-${id}">${msg(str`Nog ${this.n(left)} tekens over`)}</p>
    </div>`;
  }

  private renderChoice(item: ChoiceItem, f: Frame): TemplateResult {
    const id = item.id;
    const multiple = item.type === 'meerkeuze';
    const numeric = item.type === 'cijfer' || item.type === 'nps';
    const current = this.answers[id];
    const isChecked = (v: string) => (Array.isArray(current) ? current.includes(v) : String(current) === v);
    const onChange = (v: string, checked: boolean) => {
      if (!multiple) return this.setAnswer(id, numeric ? Number(v) : v);
      const list = Array.isArray(current) ? current : [];
      this.setAnswer(id, checked ? [...list, v] : list.filter((x) => x !== v));
    };
    return html`<fieldset
      class="question ${f.invalid ? 'invalid' : ''} t-${item.type}"
      id="q-${id}"
      part="question"
      aria-describedby=${f.describedBy || nothing}
    >
      <legend class="legend">${f.head}</legend>
      ${f.readAloud} ${f.help} ${f.hint ? html`<p class="hint" id="hint-${id}">${f.hint}</p>` : nothing}
      ${this.renderError(f, id, multiple ? msg('Kies één of meer antwoorden.') : msg('Kies een antwoord.'))}
      <div class="options">
        ${this.optionsOf(item).map(
          ([value, label]) =>
            html`<label class="option ${value === WEET_NIET ? 'apart' : ''}" part="option">
              <input
                type=${multiple ? 'checkbox' : 'radio'}
                name=${id}
                value=${value}
                .checked=${isChecked(value)}
                aria-describedby=${f.errorId ?? nothing}
                @change=${(e: Event) => onChange(value, (e.target as HTMLInputElement).checked)}
              />
              <span>${typeof label === 'string' ? label : this.tx(label)}</span>
            </label>`,
        )}
      </div>
    </fieldset>`;
  }

  /** Each option's value and label: the survey's own words, or the questionnaire's text. */
  private optionsOf(item: ChoiceItem): [string, string | Text][] {
    switch (item.type) {
      case 'cijfer':
      case 'nps': {
        const from = item.type === 'cijfer' ? 1 : 0;
        return Array.from({ length: 11 - from }, (_, i) => [String(i + from), this.n(i + from)]);
      }
      case 'stelling':
        return STELLING_VALUES.map((v) => [v, STELLING[v]()]);
      case 'aanraden':
        return AANRADEN_VALUES.map((v) => [v, AANRADEN[v]()]);
      case 'keuze':
      case 'meerkeuze':
        return item.options.map((o) => [o.id, o.text]);
      default:
        return assertNever(item);
    }
  }
}

/** The invite's refusal code when the server says it can no longer be used; undefined when usable or unknown (the submission decides). */
async function inviteStatus(url: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    const res = await fetch(url, { signal, cache: 'no-store' });
    const status = res.ok ? ((await res.json()) as { usable: boolean; code?: string }) : undefined;
    return status && !status.usable ? (status.code ?? 'invite_invalid') : undefined;
  } catch {
    return undefined;
  }
}

/** Every Peil event bubbles and crosses the shadow boundary, so a partner page can listen on document. */
function emit<T>(target: EventTarget, name: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
}

function isBlank(v: AnswerValue | undefined): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function scaleHint(item: Item): string | undefined {
  switch (item.type) {
    case 'cijfer':
      return msg('1 is heel slecht, 10 is heel goed.');
    case 'nps':
      return msg('0 is zeker niet, 10 is zeker wel.');
    case 'meerkeuze':
      return msg('U mag meer dan één antwoord kiezen.');
    case 'stelling':
    case 'aanraden':
    case 'keuze':
    case 'open':
      return undefined;
    default:
      return assertNever(item);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'peil-survey': PeilSurvey;
  }
  interface HTMLElementEventMap {
    'peil-page': CustomEvent<PeilPageDetail>;
    'peil-submit': CustomEvent<PeilSubmitDetail>;
    'peil-error': CustomEvent<PeilErrorDetail>;
  }
}
