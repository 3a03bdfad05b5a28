import { sha256Hex } from './crypto.js';

interface Window {
  start: number;
  count: number;
}

/**
 * Fixed-window counters kept in memory only. Clients are keyed by a hash of their address with a
 * salt that changes daily and never leaves memory, so nothing stored can be linked to a person.
 * Limits are generous: an office kiosk where many clients share one address must never be stopped.
 */
export class RateLimiter {
  private salt = { day: '', value: '' };
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limits = { perClient: 120, perSiteKey: 1200, windowMs: 60_000 }) {}

  private async clientKey(address: string, day: string): Promise<string> {
    if (this.salt.day !== day) {
      this.salt = { day, value: crypto.randomUUID() };
      this.windows.clear();
    }
    return sha256Hex(`${this.salt.value}|${address}`);
  }

  private hit(key: string, limit: number, now: number): boolean {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.limits.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 50_000) this.prune(now);
      return true;
    }
    w.count += 1;
    return w.count <= limit;
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.limits.windowMs) this.windows.delete(k);
  }

  /** True when this request may go ahead. */
  async allow(siteKey: string, address: string, now = Date.now()): Promise<boolean> {
    const day = new Date(now).toISOString().slice(0, 10);
    const client = await this.clientKey(address, day);
    const bySite = this.hit(`s|${siteKey}`, this.limits.perSiteKey, now);
    const byClient = this.hit(`c|${siteKey}|${client}`, this.limits.perClient, now);
    return bySite && byClient;
  }
}
