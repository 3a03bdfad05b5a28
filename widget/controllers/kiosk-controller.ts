import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

/** Seconds the thank-you stays before the next client's empty form. */
export const KIOSK_DONE_SECONDS = 15;
/** Seconds "Bent u er nog?" waits for an answer before the form is cleared (never longer than the idle time). */
export const KIOSK_PROMPT_SECONDS = 30;

/** What the kiosk needs of `<peil-survey>`. */
export interface KioskHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Kiosk mode is on. */
  readonly kiosk: boolean;
  /** Seconds without input before the kiosk asks whether the client is still there. */
  readonly kioskIdle: number;
  /** A client has started: an answer given or a page turned. */
  readonly inProgress: boolean;
  /** The thank-you is shown. */
  readonly finished: boolean;
  /** Clears everything of the client before: answers, page, errors, the sent state. */
  startOver(): void;
}

// Not focus: the prompt moves focus itself.
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'change'] as const;

/**
 * A tablet in a waiting room or a servicezuil: after the thank-you the form returns to an empty first
 * page (with a visible countdown and a button to start at once), and when a client walks away halfway
 * it asks whether they are still there and then clears. Nothing of one client is shown to the next.
 */
export class KioskController implements ReactiveController {
  /** Seconds left on the visible countdown, or undefined when none runs. */
  private left?: number;
  private phase: 'answering' | 'prompt' | 'done' = 'answering';
  private focusPrompt = false;
  private tick?: ReturnType<typeof setInterval>;
  private idle?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: KioskHost) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ACTIVITY) this.host.addEventListener(type, this.onActivity);
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) this.host.removeEventListener(type, this.onActivity);
    this.stop();
  }

  hostUpdated(): void {
    if (!this.host.kiosk) return this.stop();
    if (this.host.finished && this.phase !== 'done') {
      this.phase = 'done';
      this.countdown(KIOSK_DONE_SECONDS);
    } else if (!this.host.finished && this.phase === 'done') {
      this.stop();
    } else if (this.phase === 'answering' && this.host.inProgress && this.idle === undefined) {
      this.armIdle();
    }
    if (this.focusPrompt) {
      this.focusPrompt = false;
      this.host.renderRoot.querySelector<HTMLElement>('.kiosk-prompt button')?.focus();
    }
  }

  /** While a question is open: "Bent u er nog?" with its countdown, once the client has been away a while. */
  renderPrompt(): TemplateResult | typeof nothing {
    if (this.phase !== 'prompt') return nothing;
    return html`<div
      class="kiosk-prompt"
      role="alertdialog"
      aria-labelledby="peil-kiosk-q"
      aria-describedby="peil-kiosk-left"
      part="message"
    >
      <p id="peil-kiosk-q"><strong>${msg('Bent u er nog?')}</strong></p>
      <p id="peil-kiosk-left">${msg(str`Als u niets doet, worden uw antwoorden over ${this.left} seconden gewist.`)}</p>
      <button type="button" part="button primary" class="primary" @click=${() => this.resume()}>${msg('Ja, ik ga verder')}</button>
    </div>`;
  }

  /** Under the thank-you: when the next client's form comes, and a button to start it now. */
  renderDone(): TemplateResult | typeof nothing {
    if (!this.host.kiosk || this.phase !== 'done') return nothing;
    return html`<p class="kiosk-left">${msg(str`Over ${this.left} seconden begint een nieuwe vragenlijst.`)}</p>
      <button type="button" part="button primary" class="primary" @click=${() => this.startOver()}>${msg('Nieuwe vragenlijst')}</button>`;
  }

  private onActivity = (): void => {
    if (!this.host.kiosk || this.phase === 'done') return;
    // Any touch or key while "Bent u er nog?" is shown is an answer to it.
    if (this.phase === 'prompt') return this.resume();
    this.armIdle();
  };

  private armIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (!this.host.inProgress) return void (this.idle = undefined);
      this.phase = 'prompt';
      this.focusPrompt = true;
      this.countdown(Math.min(KIOSK_PROMPT_SECONDS, this.host.kioskIdle));
    }, this.host.kioskIdle * 1000);
  }

  private resume(): void {
    this.clearCountdown();
    this.phase = 'answering';
    this.armIdle();
    this.host.requestUpdate();
  }

  private countdown(seconds: number): void {
    this.clearCountdown();
    this.left = seconds;
    this.tick = setInterval(() => {
      this.left = (this.left ?? 1) - 1;
      if (this.left <= 0) this.startOver();
      else this.host.requestUpdate();
    }, 1000);
    this.host.requestUpdate();
  }

  private startOver(): void {
    this.stop();
    this.host.startOver();
  }

  private clearCountdown(): void {
    clearInterval(this.tick);
    this.tick = undefined;
    this.left = undefined;
  }

  private stop(): void {
    this.clearCountdown();
    clearTimeout(this.idle);
    this.idle = undefined;
    this.phase = 'answering';
  }
}
