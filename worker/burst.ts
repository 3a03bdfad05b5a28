import { sha256Hex } from './crypto.js';
import type { SiteKey } from './db.js';

/** Where a web submission came from, for noticing bursts: the selection it lands in and the client's address. Never stored. */
export interface BurstSource {
  /** A site key × team: the small selection a burst would pad. */
  selection: string;
  address: string;
}

/** A burst a new submission belongs to, with the submissions of the burst to hold now (this one included). */
export interface BurstHold {
  burst: string;
  hold: string[];
}

interface Arrivals {
  ids: { id: string; at: number }[];
  burst?: string;
}

const MAX_SOURCES = 20_000;

/**
 * The burst source of a web submission, or none: a registered kiosk (many clients, one address) is
 * never held, and without an address (local development) there is nothing to tell sources apart by.
 */
export function burstSource(
  site: Pick<SiteKey, 'key' | 'kiosk'>,
  team: string | undefined,
  address: string | undefined,
): BurstSource | undefined {
  if (site.kiosk || !address) return undefined;
  return { selection: `${site.key}|${team ?? ''}`, address };
}

/**
 * Notices a burst: more than `perSelection` submissions from one source into one selection within
 * `windowMs`, as when someone pads a small team with forged answers. From then on every submission of
 * that source and selection joins the burst, the earlier ones in the window too, until the source has
 * been quiet for a window. Sources are told apart by a hash of the address with a salt that lives only
 * in memory and changes daily; neither the address nor the hash is ever written anywhere.
 */
export class BurstDetector {
  private salt = { day: '', value: '' };
  private readonly sources = new Map<string, Arrivals>();

  constructor(private readonly limits = { perSelection: 3, windowMs: 15 * 60_000 }) {}

  /** The memory key of a source in its selection. */
  async keyOf(source: BurstSource, now = Date.now()): Promise<string> {
    const day = new Date(now).toISOString().slice(0, 10);
    if (this.salt.day !== day) {
      this.salt = { day, value: crypto.randomUUID() };
      this.sources.clear();
    }
    return `${source.selection}|${await sha256Hex(`${this.salt.value}|${source.address}`)}`;
  }

  /** Counts a stored submission of a source; returns the burst to hold it in, or undefined. */
  arrive(key: string, submissionId: string, now = Date.now()): BurstHold | undefined {
    const { perSelection, windowMs } = this.limits;
    let a = this.sources.get(key);
    if (a && now - a.ids[a.ids.length - 1].at >= windowMs) a = undefined;
    if (!a) {
      a = { ids: [] };
      this.sources.set(key, a);
      if (this.sources.size > MAX_SOURCES) this.prune(now);
    }
    a.ids = a.ids.filter((x) => now - x.at < windowMs);
    a.ids.push({ id: submissionId, at: now });
    if (a.burst) return { burst: a.burst, hold: [submissionId] };
    if (a.ids.length <= perSelection) return undefined;
    a.burst = `burst_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
    return { burst: a.burst, hold: a.ids.map((x) => x.id) };
  }

  private prune(now: number): void {
    for (const [k, a] of this.sources) if (now - a.ids[a.ids.length - 1].at >= this.limits.windowMs) this.sources.delete(k);
    // Still too many (an attack from very many addresses): forget the oldest half rather than grow.
    if (this.sources.size > MAX_SOURCES) [...this.sources.keys()].slice(0, this.sources.size / 2).forEach((k) => this.sources.delete(k));
  }
}
