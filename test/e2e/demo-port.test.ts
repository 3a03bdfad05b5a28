import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, localOrigin, waitForHealth, wranglerEnv } from '../../scripts/lib.mjs';
import { launchBrowser } from './stack.js';

// `PEIL_PORT=<port> npm start` moves the whole demo: the server, the banner, the demo site key's
// origins, `npm run demo-data` and the command line's default URL.

let port: number;
let origin: string;
let persistTo: string;
let start: ChildProcess | undefined;
let banner = '';
let browser: Browser | undefined;

// Only PEIL_PORT may point the scripts at the server; a URL or token from the caller's shell must not.
const { PEIL_URL: _url, PEIL_TOKEN: _token, ...inherited } = wranglerEnv() as NodeJS.ProcessEnv;
const env = () => ({ ...inherited, PEIL_PORT: String(port), PEIL_PERSIST_TO: persistTo });

function script(file: string, ...args: string[]) {
  const r = spawnSync('node', [file, ...args], { env: env(), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

beforeAll(async () => {
  port = await freePort();
  origin = localOrigin(port);
  persistTo = await mkdtemp(join(tmpdir(), 'peil-port-'));
  start = spawn('node', ['scripts/start.mjs'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  start.stdout!.on('data', (d) => (banner += d));
  start.stderr!.resume();
  await waitForHealth(origin, 180_000, start);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (start && start.exitCode === null && start.signalCode === null) {
    const exited = new Promise((r) => start!.once('exit', r));
    // start.mjs stops its wrangler on SIGTERM.
    start.kill('SIGTERM');
    await exited;
  }
  await new Promise((r) => setTimeout(r, 500));
  await rm(persistTo, { recursive: true, force: true });
});

describe('PEIL_PORT', () => {
  it('prints the addresses of that port, and no other', async () => {
    await expect.poll(() => banner, { timeout: 10_000 }).toContain('Peil is running.');
    expect(banner).toContain(`${origin}/demo`);
    expect(banner).toContain(`${origin}/dashboard#token=demo-admin`);
    expect(banner).toContain(`(origins ${origin}, http://localhost:${port})`);
    expect(banner.match(/:(\d+)/g)?.filter((p) => p !== `:${port}`)).toEqual([]);
  });

  it('opens the demo site key to that port: a client submits on /demo', async () => {
    const page = await browser!.newPage();
    await page.goto(`${origin}/demo`);
    await page.getByRole('radio', { name: '8', exact: true }).check();
    await page.locator('fieldset#q-mw_serieus').getByRole('radio', { name: 'Mee eens', exact: true }).check();
    await page.locator('fieldset#q-tot_aanraden').getByRole('radio', { name: 'Ja', exact: true }).check();
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Bedankt voor uw antwoorden!' }).count(), { timeout: 15_000 }).toBe(1);
    await page.close();

    // Moved, not added: the default port's origin is no longer allowed.
    const elsewhere = await fetch(`${origin}/v1/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1:8787' },
      body: JSON.stringify({
        siteKey: 'demo-site',
        submissionId: crypto.randomUUID(),
        questionnaireId: 'sociaal-team-kort',
        version: 1,
        answers: { tot_cijfer: 8 },
      }),
    });
    expect(elsewhere.status).toBe(403);
    expect(((await elsewhere.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
  });

  it('points npm run demo-data and the command line at that port', async () => {
    expect(script('scripts/demo-data.mjs')).toContain('Demo data: 150 stored');
    const { siteKeys } = JSON.parse(script('scripts/peil.mjs', 'sitekey', 'list', 'demo')) as {
      siteKeys: { siteKey: string; origins: string[] }[];
    };
    expect(siteKeys.find((k) => k.siteKey === 'demo-site')?.origins).toEqual([origin, `http://localhost:${port}`]);
    const res = await fetch(`${origin}/v1/aggregates?questionnaire=sociaal-team-kort`, { headers: { Authorization: 'Bearer demo-admin' } });
    expect(((await res.json()) as { n: number }).n).toBe(151);
  });
});
