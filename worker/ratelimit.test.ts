import { describe, expect, it } from 'vitest';
import { RateLimiter } from './ratelimit.js';

const T0 = Date.UTC(2026, 4, 12, 10, 0, 0);

async function hits(limiter: RateLimiter, n: number, site: string, address: string, now = T0): Promise<boolean[]> {
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) out.push(await limiter.allow(site, address, now));
  return out;
}

describe('RateLimiter', () => {
  it('allows a client up to its limit per window, then refuses', async () => {
    const limiter = new RateLimiter({ perClient: 3, perSiteKey: 100, windowMs: 60_000 });
    expect(await hits(limiter, 5, 'site-a', '198.51.100.1')).toEqual([true, true, true, false, false]);
  });

  it('starts a fresh window after the window length', async () => {
    const limiter = new RateLimiter({ perClient: 2, perSiteKey: 100, windowMs: 60_000 });
    expect(await hits(limiter, 3, 'site-a', '198.51.100.1')).toEqual([true, true, false]);
    expect(await hits(limiter, 2, 'site-a', '198.51.100.1', T0 + 59_999)).toEqual([false, false]);
    expect(await hits(limiter, 2, 'site-a', '198.51.100.1', T0 + 60_000)).toEqual([true, true]);
  });

  it('keeps clients apart: one busy client does not stop another', async () => {
    const limiter = new RateLimiter({ perClient: 2, perSiteKey: 100, windowMs: 60_000 });
    await hits(limiter, 5, 'site-a', '198.51.100.1');
    expect(await limiter.allow('site-a', '198.51.100.2', T0)).toBe(true);
    // The same address on another partner's site is another client.
    expect(await limiter.allow('site-b', '198.51.100.1', T0)).toBe(true);
  });

  it('limits a site key over all its clients together', async () => {
    const limiter = new RateLimiter({ perClient: 100, perSiteKey: 4, windowMs: 60_000 });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await limiter.allow('site-a', `203.0.113.${i}`, T0));
    expect(results).toEqual([true, true, true, true, false, false]);
    expect(await limiter.allow('site-b', '203.0.113.9', T0)).toBe(true);
  });

  it('has defaults that let a busy office kiosk (one address) submit a response every second', async () => {
    const limiter = new RateLimiter();
    expect((await hits(limiter, 60, 'kiosk', '192.0.2.7')).every(Boolean)).toBe(true);
  });

  it('keeps no address in memory, only a hash with a salt that changes daily', async () => {
    const limiter = new RateLimiter({ perClient: 1, perSiteKey: 100, windowMs: 86_400_000 * 2 });
    await limiter.allow('site-a', '198.51.100.77', T0);
    const internals = limiter as unknown as { windows: Map<string, unknown>; salt: { day: string; value: string } };
    const keys = [...internals.windows.keys()];
    expect(keys.some((k) => k.includes('198.51.100.77'))).toBe(false);
    const firstSalt = internals.salt.value;
    const firstKey = keys.find((k) => k.startsWith('c|'));
    expect(await limiter.allow('site-a', '198.51.100.77', T0 + 1000)).toBe(false);
    // A new day: new salt, counters dropped, so yesterday's hash cannot be linked to today's.
    const nextDay = T0 + 86_400_000;
    expect(await limiter.allow('site-a', '198.51.100.77', nextDay)).toBe(true);
    expect(internals.salt.value).not.toBe(firstSalt);
    expect([...internals.windows.keys()]).not.toContain(firstKey);
  });
});
