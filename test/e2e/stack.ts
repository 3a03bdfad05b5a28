import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { prepareLocal, startDev, waitForHealth } from '../../scripts/lib.mjs';

export interface Stack {
  origin: string;
  browser: Browser;
  dev: ChildProcess;
  stop(): Promise<void>;
}

/**
 * A fresh local Peil: its own state folder and port, migrated and seeded, served by `wrangler dev`,
 * and a headless Chromium. The demo site key is opened to this port's origin.
 */
export async function startStack(port: number, vars: Record<string, string> = {}): Promise<Stack> {
  const origin = `http://127.0.0.1:${port}`;
  const persistTo = await mkdtemp(join(tmpdir(), 'peil-e2e-'));
  await prepareLocal({
    persistTo,
    extraSql: `UPDATE site_keys SET origins = '["${origin}","http://localhost:${port}"]' WHERE key = 'demo-site';\n`,
  });
  const dev = startDev({ port, persistTo, quiet: true, vars });
  // Drain wrangler's output: an unread pipe fills up under load and stalls the server.
  dev.stdout?.resume();
  dev.stderr?.resume();
  await waitForHealth(origin);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')) });
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
