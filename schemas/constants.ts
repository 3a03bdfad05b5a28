/** Coded values shared by widget and worker; no zod here, so the widget bundle stays small. */
export const STELLING_VALUES = ['helemaal_eens', 'eens', 'neutraal', 'oneens', 'helemaal_oneens', 'weet_niet'] as const;
export const AANRADEN_VALUES = ['ja', 'misschien', 'nee'] as const;
export const CONTEXT_FIELDS = ['team', 'contact', 'status', 'role'] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];
export const CONTACT_VALUES = ['kort', 'lang', 'weet_niet'] as const;
export const STATUS_VALUES = ['afgerond', 'loopt', 'weet_niet'] as const;
export const ROLE_VALUES = ['zelf', 'kind', 'zorg', 'anders'] as const;
export const CHANNELS = ['web', 'telefoon', 'papier'] as const;
/** How `{organisatie}` reads where no single partner is meant: the dashboard's labels and every export. */
export const ORGANISATIE_IN_GENERAL = { nl: 'het sociaal team', en: 'the social team' } as const;
