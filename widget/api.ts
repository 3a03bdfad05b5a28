/** The origin Peil's script was loaded from: the default API base, so partners need no configuration. */
export const scriptOrigin: string = (document.currentScript as HTMLScriptElement | null)?.src
  ? new URL((document.currentScript as HTMLScriptElement).src).origin
  : location.origin;

export function apiBase(attr: string | null | undefined): string {
  return (attr || scriptOrigin).replace(/\/+$/, '');
}

/**
 * The URL a `<peil-survey>` loads its questionnaire from. A partner's `<link rel="preload" as="fetch"
 * crossorigin>` must name exactly this URL (parameters in this order) for the browser to use it.
 */
export function definitionUrl(api: string, questionnaire: string, siteKey: string, team?: string): string {
  const url = new URL(`${api}/v1/questionnaires/${encodeURIComponent(questionnaire)}`);
  url.searchParams.set('siteKey', siteKey);
  if (team) url.searchParams.set('team', team);
  return url.href;
}

/** Where a widget asks, as it loads, whether its invite can still be used. */
export function inviteCheckUrl(api: string, questionnaire: string, siteKey: string, invite: string): string {
  const url = new URL(`${api}/v1/invites/check`);
  url.search = new URLSearchParams({ siteKey, questionnaire, invite }).toString();
  return url.href;
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; issues?: { code: string; item?: string }[] };
}

/** Reads `{"error":{"code"}}` from a failed response, or undefined when the body is not ours. */
export async function errorCode(res: Response): Promise<string | undefined> {
  try {
    return ((await res.json()) as ApiErrorBody).error?.code;
  } catch {
    return undefined;
  }
}

/** A random v4 UUID, also where `crypto.randomUUID` is missing (older browsers, plain http). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
