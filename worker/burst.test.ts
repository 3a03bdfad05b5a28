import { describe, expect, it } from 'vitest';
import { BurstDetector, burstSource } from './burst.js';

const T0 = Date.UTC(2026, 4, 12, 10, 0, 0);
const MIN = 60_000;
const source = (address = '198.51.100.1', selection = 'site-a|oost') => ({ selection, address });

describe('BurstDetector', () => {
  it('holds nothing up to the limit, then the whole burst: the earlier submissions in the window too', async () => {
    const d = new BurstDetector({ perSelection: 3, windowMs: 15 * MIN });
    const key = await d.keyOf(source(), T0);
    expect(['a', 'b', 'c'].map((id, i) => d.arrive(key, id, T0 + i * MIN))).toEqual([undefined, undefined, undefined]);
    const held = d.arrive(key, 'd', T0 + 3 * MIN)!;
    expect(held.hold).toEqual(['a', 'b', 'c', 'd']);
    expect(held.burst).toMatch(/^burst_\w{20}$/);
    // Later arrivals join the same burst, one at a time.
    expect(d.arrive(key, 'e', T0 + 10 * MIN)).toEqual({ burst: held.burst, hold: ['e'] });
  });

  it('counts only within the window, and ends a burst once the source was quiet for a window', async () => {
    const d = new BurstDetector({ perSelection: 2, windowMs: 10 * MIN });
    const key = await d.keyOf(source(), T0);
    expect(d.arrive(key, 'a', T0)).toBeUndefined();
    expect(d.arrive(key, 'b', T0 + 6 * MIN)).toBeUndefined();
    // 'a' is out of the window by now: two within it.
    expect(d.arrive(key, 'c', T0 + 11 * MIN)).toBeUndefined();
    const first = d.arrive(key, 'd', T0 + 12 * MIN)!;
    expect(first.hold).toEqual(['b', 'c', 'd']);
    expect(d.arrive(key, 'e', T0 + 23 * MIN)).toBeUndefined();
  });

  it('keeps sources and selections apart', async () => {
    const d = new BurstDetector({ perSelection: 1, windowMs: 10 * MIN });
    const keys = await Promise.all([
      d.keyOf(source('198.51.100.1', 'site-a|oost'), T0),
      d.keyOf(source('198.51.100.2', 'site-a|oost'), T0),
      d.keyOf(source('198.51.100.1', 'site-a|wielwijk'), T0),
      d.keyOf(source('198.51.100.1', 'site-b|oost'), T0),
    ]);
    expect(new Set(keys).size).toBe(4);
    expect(keys.map((k, i) => d.arrive(k, `x${i}`, T0))).toEqual([undefined, undefined, undefined, undefined]);
    expect(d.arrive(keys[0], 'y', T0)?.hold).toEqual(['x0', 'y']);
  });

  it('holds no address in memory, and its hash changes with the day', async () => {
    const d = new BurstDetector();
    const today = await d.keyOf(source('203.0.113.9'), T0);
    expect(today).not.toContain('203.0.113.9');
    expect(await d.keyOf(source('203.0.113.9'), T0 + 60_000)).toBe(today);
    expect(await d.keyOf(source('203.0.113.9'), T0 + 86_400_000)).not.toBe(today);
    // Another detector (another ledger, or after a restart) has its own salt.
    expect(await new BurstDetector().keyOf(source('203.0.113.9'), T0)).not.toBe(today);
  });
});

describe('burstSource', () => {
  it('is none for a registered kiosk and without an address', () => {
    expect(burstSource({ key: 'site-a', kiosk: true }, 'oost', '198.51.100.1')).toBeUndefined();
    expect(burstSource({ key: 'site-a', kiosk: false }, 'oost', undefined)).toBeUndefined();
    expect(burstSource({ key: 'site-a', kiosk: false }, undefined, '198.51.100.1')).toEqual({
      selection: 'site-a|',
      address: '198.51.100.1',
    });
  });
});
