import { CSRF_HEADER } from '../../schemas/constants.js';

/** A refusal of the API: its stable code (the console shows Dutch text chosen by it) and its issues. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly issues: { code: string; path: (string | number)[]; message: string }[] = [],
  ) {
    super(code);
  }
}

interface ErrorBody {
  error?: { code?: string; issues?: ApiFailure['issues'] };
}

/**
 * The console's only way to the server: the public API, with a bearer token (`#token=`) or the session
 * cookie. With the cookie every change carries the CSRF header; the browser adds Peil's own origin.
 */
export class Client {
  constructor(readonly token?: string) {}

  headers(extra: Record<string, string> = {}): Headers {
    const h = new Headers(extra);
    if (this.token) h.set('Authorization', `Bearer ${this.token}`);
    else h.set(CSRF_HEADER, '1');
    return h;
  }

  async send(method: string, path: string, body?: unknown, type = 'application/json'): Promise<Response> {
    const init: RequestInit = {
      method,
      headers: this.headers(body === undefined ? {} : { 'Content-Type': type }),
      credentials: 'same-origin',
    };
    if (body !== undefined) init.body = typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body);
    let res: Response;
    try {
      res = await fetch(path, init);
    } catch {
      throw new ApiFailure(0, 'load_failed');
    }
    if (!res.ok) {
      const parsed = (await res.json().catch(() => ({}))) as ErrorBody;
      throw new ApiFailure(res.status, parsed.error?.code ?? 'internal_error', parsed.error?.issues ?? []);
    }
    return res;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await this.send(method, path, body)).json()) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.json<T>('GET', path);
  }
}

/** The identity of whoever is signed in, from `GET /v1/auth/session`. */
export interface Me {
  kind: 'token' | 'account';
  name: string;
  email?: string;
  role: 'operator' | 'admin' | 'viewer' | 'public' | 'onderzoeker' | 'beleid';
  accountRole?: string;
  gemeente: string | null;
  partner: string | null;
}

/** GET /v1/reports/ceo/due: the next 1 July and, per Wmo or Jeugd questionnaire, whether that year's report was made. */
export interface CeoDue {
  year: string;
  deadline: string;
  daysLeft: number;
  remind: boolean;
  questionnaires: { id: string; wet: string; reportExists: boolean }[];
}

/** A name as people write it, made into an id: "Sociaal team Crabbehof" → `sociaal-team-crabbehof`. */
export function idFor(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

/** Why an origin a person typed is not one, in Dutch; undefined when it is. */
export function originProblem(o: string): string | undefined {
  let u: URL;
  try {
    u = new URL(o);
  } catch {
    return `“${o}” is geen webadres. Schrijf het als https://www.voorbeeld.nl.`;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `“${o}” moet beginnen met https://.`;
  if (o === `${u.origin}/`) return `Haal de / aan het eind weg: ${u.origin}`;
  if (u.origin !== o) return `Alleen het begin van het adres, zonder pad: ${u.origin}`;
  return undefined;
}

/** Puts text on the clipboard; false where the browser does not allow it. */
export async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
