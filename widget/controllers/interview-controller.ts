import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { errorCode } from '../api.js';
import type { InterviewLine, InterviewState, Interviewer } from './interviewer.js';

/** The channels an interviewer enters; `web` comes in by itself. */
const CHANNELS = ['telefoon', 'papier'] as const;
type Channel = (typeof CHANNELS)[number];

/** Today in the Netherlands as YYYY-MM-DD: the interview date's default and latest value. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/**
 * Interviewer entry (`mode="interviewer"`): a telephone interviewer or an administratief medewerker
 * enters a telephone or paper interview in the same form, with its channel and the day it took place.
 * It goes to the import (`POST /v1/import`) with the signed-in token, so it counts in the same figures,
 * on its own day. Never through the outbox: the token must not be kept in the browser.
 */
export class InterviewController implements Interviewer {
  state: InterviewState = { kind: 'idle' };
  channel?: Channel;
  day = today();
  /** The code on the client's letter or card, when the interview belongs to an invited sample. */
  code = '';
  /** The choices were checked and found missing or wrong. */
  private invalid = false;

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment }) {}

  /** The token from the element, or from `#token=` of the page it is on (never from the query, which servers log). */
  token(given: string): string {
    return given || new URLSearchParams(location.hash.slice(1)).get('token') || '';
  }

  /** Whether channel and day are filled in; if not, says so at the choices and moves focus there. */
  ready(): boolean {
    this.invalid = !this.channel || !this.day || this.day > today();
    this.host.requestUpdate();
    if (this.invalid)
      void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#peil-interview input')?.focus());
    return !this.invalid;
  }

  async send(api: string, token: string, line: InterviewLine): Promise<InterviewState> {
    this.set({ kind: 'sending' });
    const url = `${api}/v1/import?questionnaire=${encodeURIComponent(line.questionnaireId)}`;
    // Noon in Dutch time never crosses into another day, whatever the season.
    // With the letter's code the interview counts in its sample (the response rate of the batch).
    const invite = this.code.trim();
    const body = JSON.stringify({
      ...line,
      channel: this.channel,
      submittedAt: `${this.day}T12:00:00+01:00`,
      ...(invite ? { invite } : {}),
    });
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Bearer ${token}` },
        body: `${body}\n`,
      });
      if (!res.ok) return this.set({ kind: 'failed', code: (await errorCode(res)) ?? 'load_failed' });
      const summary = (await res.json()) as { accepted: number; refusedLines: { code: string }[] };
      return this.set(summary.accepted === 1 ? { kind: 'sent' } : { kind: 'failed', code: summary.refusedLines[0]?.code ?? 'bad_request' });
    } catch {
      return this.set({ kind: 'failed', code: 'load_failed' });
    }
  }

  /** Ready for the next interview; channel and day stay, as an interviewer often enters a pile of one kind. */
  next(): void {
    // Every client has a code of their own.
    this.code = '';
    this.set({ kind: 'idle' });
  }

  private set(state: InterviewState): InterviewState {
    this.state = state;
    this.host.requestUpdate();
    return state;
  }

  /** Channel and day, above the first page's questions. */
  render(): TemplateResult {
    const labels: Record<Channel, string> = { telefoon: msg('Telefonisch interview'), papier: msg('Papieren vragenlijst') };
    return html`<fieldset id="peil-interview" class="question ${this.invalid ? 'invalid' : ''}" part="question">
      <legend class="legend"><span class="text">${msg('Hoe is dit interview afgenomen?')}</span></legend>
      ${this.invalid ? html`<p class="field-error" id="err-interview">${msg('Kies hoe het interview is afgenomen en een datum, niet later dan vandaag.')}</p>` : nothing}
      <div class="options">
        ${CHANNELS.map(
          (c) =>
            html`<label class="option" part="option">
              <input
                type="radio"
                name="peil-channel"
                value=${c}
                .checked=${this.channel === c}
                aria-describedby=${this.invalid ? 'err-interview' : nothing}
                @change=${() => {
                  this.channel = c;
                  this.host.requestUpdate();
                }}
              />
              <span>${labels[c]}</span>
            </label>`,
        )}
      </div>
      <label class="date" for="peil-day">${msg('Datum van het interview')}</label>
      <input
        id="peil-day"
        type="date"
        max=${today()}
        .value=${this.day}
        aria-describedby=${this.invalid ? 'err-interview' : nothing}
        @input=${(e: Event) => {
          this.day = (e.target as HTMLInputElement).value;
          this.host.requestUpdate();
        }}
      />
      <label class="date" for="peil-code">${msg('Code van de brief of kaart (als de cliënt die heeft)')}</label>
      <input
        id="peil-code"
        type="text"
        autocomplete="off"
        spellcheck="false"
        .value=${this.code}
        @input=${(e: Event) => {
          this.code = (e.target as HTMLInputElement).value;
        }}
      />
    </fieldset>`;
  }

  /** What the interviewer reads once the interview is in. */
  renderDone(onNext: () => void): TemplateResult {
    return html`<div class="done" part="message">
      <h2 id="peil-heading" tabindex="-1" part="heading">${msg('Het interview is opgeslagen.')}</h2>
      <p>${msg('Het telt mee in de cijfers, op de datum van het interview.')}</p>
      <button type="button" part="button primary" class="primary" @click=${onNext}>${msg('Volgend interview invoeren')}</button>
    </div>`;
  }
}
