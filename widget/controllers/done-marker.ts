const PREFIX = 'peil-done:';
/** A client may well answer again after a later contact; a marker older than this no longer stops them. */
const KEEP_MS = 30 * 86_400_000;

interface Mark {
  at: number;
  invite?: string;
}

/**
 * Remembers on this device only that the questionnaire was filled in, so a reload after "Bedankt"
 * says so instead of showing an empty form. Nothing of it is ever sent. With an invite, the mark holds
 * for that invite alone: a new invite is a new questionnaire to fill in.
 */
export class DoneMarker {
  constructor(private readonly key: () => string) {}

  has(invite: string | undefined): boolean {
    try {
      const mark = JSON.parse(localStorage.getItem(PREFIX + this.key()) ?? 'null') as Mark | null;
      return !!mark && Date.now() - mark.at < KEEP_MS && (mark.invite ?? '') === (invite ?? '');
    } catch {
      return false;
    }
  }

  set(invite: string | undefined): void {
    try {
      localStorage.setItem(PREFIX + this.key(), JSON.stringify({ at: Date.now(), ...(invite ? { invite } : {}) } satisfies Mark));
    } catch {
      // Blocked storage: a reload shows the form again, which the server's checks still guard.
    }
  }
}
