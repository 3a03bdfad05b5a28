/**
 * Questionnaire requests started by the bundle entry as soon as the script runs, for the
 * `<peil-survey>` elements already in the page, so the definition travels while the element still
 * upgrades and renders its first frame. An explicit, bounded cache keyed by URL: each request is
 * handed out once (a retry, a second element with the same URL or a later change asks again, where
 * the HTTP cache and the ETag take over) and at most `max` are kept.
 */
export class DefinitionRequests {
  private readonly started = new Map<string, Promise<Response>>();

  constructor(private readonly max = 8) {}

  /** Starts the request for `url`, unless it is already under way or `max` are waiting. */
  start(url: string): void {
    if (this.started.has(url) || this.started.size >= this.max) return;
    const request = fetch(url);
    // A failure belongs to the element that takes the request; until then it is not unhandled.
    request.catch(() => undefined);
    this.started.set(url, request);
  }

  /**
   * The request started for `url`, once (`signal` cannot stop it: it was started for no one in
   * particular); otherwise a new one. Both use fetch's defaults, so a `<link rel=preload as=fetch
   * crossorigin>` of the same URL serves either.
   */
  fetch(url: string, signal: AbortSignal): Promise<Response> {
    const started = this.started.get(url);
    if (!started) return fetch(url, { signal });
    this.started.delete(url);
    return started;
  }
}
