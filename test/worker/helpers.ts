import { exports } from 'cloudflare:workers';

export const ORIGIN = 'http://127.0.0.1:8787';

/** Sends a request to the worker under test, as a browser or API client would. */
export function call(path: string, init: RequestInit & { json?: unknown; token?: string; origin?: string | null } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('Content-Type', 'application/json');
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.origin !== null) headers.set('Origin', init.origin ?? ORIGIN);
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  return (exports as unknown as { default: Fetcher }).default.fetch(`http://peil.test${path}`, { ...init, headers, body });
}

/** A valid submission of the short questionnaire; override what a test needs. */
export function submission(over: Record<string, unknown> = {}) {
  return {
    siteKey: 'demo-site',
    submissionId: crypto.randomUUID(),
    questionnaireId: 'sociaal-team-kort',
    version: 1,
    answers: { tot_cijfer: 8, tot_aanraden: 'ja', mw_serieus: 'eens' },
    context: { team: 'crabbehof' },
    ...over,
  };
}

export async function aggregate(query: string, token = 'demo-admin'): Promise<Record<string, any>> {
  const res = await call(`/v1/aggregates?${query}`, { token });
  if (!res.ok) throw new Error(`aggregates ${res.status}: ${await res.text()}`);
  return res.json();
}
