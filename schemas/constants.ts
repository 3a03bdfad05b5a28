/** Coded values shared by widget and worker; no zod here, so the widget bundle stays small. */
export const STELLING_VALUES = ['helemaal_eens', 'eens', 'neutraal', 'oneens', 'helemaal_oneens', 'weet_niet'] as const;
export const AANRADEN_VALUES = ['ja', 'misschien', 'nee'] as const;
export const CONTEXT_FIELDS = ['team', 'contact', 'status', 'role'] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];
export const CONTACT_VALUES = ['kort', 'lang', 'weet_niet'] as const;
export const STATUS_VALUES = ['afgerond', 'loopt', 'weet_niet'] as const;
export const ROLE_VALUES = ['zelf', 'kind', 'zorg', 'anders'] as const;
export const CHANNELS = ['web', 'telefoon', 'papier'] as const;

// Keys of the aggregate cube, shared by the ledger that writes it, the reports that read it and the
// dashboard that shows its groups.
/** Item of the cube rows that count respondents (value ''). */
export const RESPONDENTS = '_resp';
/** Value of the cube rows that count respondents who answered an item. */
export const ANSWERED = '*';
/** Group of responses without the field grouped on. */
export const UNKNOWN_GROUP = '_onbekend';
