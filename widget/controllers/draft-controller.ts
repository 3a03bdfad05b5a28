import type { Language } from '../../schemas/constants.js';
import type { Answers } from '../../schemas/logic.js';

export interface Draft {
  answers: Answers;
  page: number;
  submissionId?: string;
  /** The language the client chose, if they chose one. */
  language?: Language;
}

/**
 * Keeps answers in progress in sessionStorage, so a reload or an accidental back-navigation loses
 * nothing; cleared once the submission is safely in the outbox or sent. The host reads and writes it
 * at its own moments, so it hooks into no lifecycle.
 */
export class DraftController {
  constructor(private readonly key: () => string) {}

  load(): Draft | undefined {
    try {
      const raw = sessionStorage.getItem(this.key());
      return raw ? (JSON.parse(raw) as Draft) : undefined;
    } catch {
      return undefined;
    }
  }

  save(draft: Draft): void {
    try {
      sessionStorage.setItem(this.key(), JSON.stringify(draft));
    } catch {
      // Blocked storage: answers still live in memory while the page is open.
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key());
    } catch {
      // Nothing to clear.
    }
  }
}
