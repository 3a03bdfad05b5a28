import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { serveLocal } from '../../scripts/lib.mjs';

export interface Stack {
  origin: string;
  browser: Browser;
  dev: ChildProcess;
  stop(): Promise<void>;
}

/**
 * A fresh local Peil: its own state folder and a free port, migrated and seeded, served by `wrangler
 * dev`, and a headless Chromium. The demo site key is opened to this port's origin.
 */
export async function startStack(vars: Record<string, string> = {}): Promise<Stack> {
  const persistTo = await mkdtemp(join(tmpdir(), 'peil-e2e-'));
  const { origin, dev } = await serveLocal({ persistTo, vars });
  const browser = await launchBrowser();
  return {
    origin,
    browser,
    dev,
    async stop() {
      await browser.close();
      try {
        process.kill(-dev.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
      await rm(persistTo, { recursive: true, force: true });
    },
  };
}

/** The system Chromium, headless, as the end-to-end tests drive it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')) });
}
