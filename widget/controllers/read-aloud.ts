import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Language } from '../../schemas/constants.js';

/** One piece of what is read, in the language it is written in (a Dutch fallback is read in Dutch). */
export interface Spoken {
  text: string;
  lang: Language;
}

/**
 * Reads a question aloud with the browser's own speech synthesis: nothing leaves the device. Offered
 * only for a language the browser has a voice for; voices often arrive after the page loads, so the
 * host renders again when they do. Reading stops when the host says so (an answer, another page),
 * when the host leaves the page, and before anything else is read.
 */
export class ReadAloudController implements ReactiveController {
  /** The item being read, for the button's pressed state. */
  speaking?: string;
  /** Counts readings, so the end of one that was stopped cannot end the next. */
  private reading = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  private get synth(): SpeechSynthesis | undefined {
    return typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  }

  private readonly voicesChanged = () => this.host.requestUpdate();

  hostConnected(): void {
    this.synth?.addEventListener('voiceschanged', this.voicesChanged);
  }

  hostDisconnected(): void {
    this.synth?.removeEventListener('voiceschanged', this.voicesChanged);
    this.stop();
  }

  /** A voice for the language (`tr` matches `tr-TR`), or undefined when the browser has none. */
  voiceFor(lang: Language): SpeechSynthesisVoice | undefined {
    const voices = this.synth?.getVoices() ?? [];
    return voices.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === lang);
  }

  /** Reads the pieces one after another; a second press on the same item stops it. */
  toggle(item: string, pieces: Spoken[]): void {
    const synth = this.synth;
    if (!synth) return;
    const again = this.speaking === item;
    this.stop();
    if (again) return;
    const spoken = pieces.filter((p) => p.text.trim() && this.voiceFor(p.lang));
    if (!spoken.length) return;
    this.speaking = item;
    const reading = ++this.reading;
    spoken.forEach((p, i) => {
      const u = new SpeechSynthesisUtterance(p.text);
      // The browser picks its voice for the language (a voice object of our own is refused).
      u.lang = p.lang;
      if (i === spoken.length - 1) {
        u.onend = u.onerror = () => {
          if (this.reading !== reading) return;
          this.speaking = undefined;
          this.host.requestUpdate();
        };
      }
      synth.speak(u);
    });
    this.host.requestUpdate();
  }

  stop(): void {
    if (this.speaking === undefined) return;
    this.speaking = undefined;
    this.synth?.cancel();
    this.host.requestUpdate();
  }
}
