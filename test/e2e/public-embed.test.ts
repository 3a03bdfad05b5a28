import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/build.mjs';
import { startStack, type Stack } from './stack.js';

/**
 * A partner puts its figure on its own website with a public token: a page of another origin (a small
 * server on a free port; Chromium would not let a page of a public address read a loopback one)
 * loads the dashboard bundle from Peil and reads the protected figures across origins. A viewer token
 * on the same page gets no CORS and no figures.
 */
let PARTNER: string;
const Q = 'sociaal-team-kort';
const admin = { Authorization: 'Bearer demo-admin' };
let stack: Stack;
let partner: Server;
/** The token the partner's page embeds, per test. */
let embedded = '';

function page(token: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Sociaal team</title></head><body>
<main><h1>Wat cliënten van ons vinden</h1>
<script src="${stack.origin}/peil-dashboard.js"></script>
<peil-dashboard view="figure" questionnaire="${Q}" api="${stack.origin}" token="${token}"></peil-dashboard>
</main></body></html>`;
}

beforeAll(async () => {
  await buildAll();
  stack = await startStack();
  partner = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(embedded)));
  // Another origin: a free port of its own.
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  PARTNER = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
  const version = ((await (await fetch(`${stack.origin}/v1/questionnaires/${Q}?siteKey=demo-site`)).json()) as { version: number }).version;
  const now = new Date().toISOString();
  const lines = Array.from({ length: 40 }, (_, i) =>
    JSON.stringify({
      submissionId: randomUUID(),
      questionnaireId: Q,
      version,
      channel: 'telefoon',
      submittedAt: now,
      answers: { tot_cijfer: [8, 9, 7, 10, 6][i % 5], tot_aanraden: i % 7 ? 'ja' : 'misschien' },
      context: { team: ['crabbehof', 'centrum', 'krispijn'][i % 3] },
    }),
  );
  const res = await fetch(`${stack.origin}/v1/import?questionnaire=${Q}`, {
    method: 'POST',
    headers: { ...admin, 'Content-Type': 'application/x-ndjson' },
    body: lines.join('\n'),
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  partner?.close();
  await stack?.stop();
});

describe('a public token on a page of another origin', () => {
  it('renders the protected figure with its release, read across origins', async () => {
    const made = await fetch(`${stack.origin}/v1/gemeenten/demo/tokens`, {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'public', partner: 'sociaal-team', label: 'website sociaal team' }),
    });
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    const expected = (await (
      await fetch(`${stack.origin}/v1/aggregates?questionnaire=${Q}`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as {
      n: number;
      items: { tot_cijfer: { mean: number }; tot_aanraden: { pct: { ja: number } } };
      disclosure: { protected: true; release: { newResponses: number } };
    };
    expect(expected.disclosure.protected).toBe(true);

    embedded = token;
    const context = await stack.browser.newContext();
    const tab = await context.newPage();
    const crossOrigin: string[] = [];
    tab.on('response', (r) => {
      if (r.url().startsWith(`${stack.origin}/v1/aggregates`) && r.request().method() === 'GET')
        crossOrigin.push(r.headers()['access-control-allow-origin'] ?? '');
    });
    await tab.goto(`${PARTNER}/`);
    const el = tab.locator('peil-dashboard');
    await expect.poll(() => el.locator('[data-figure="cijfer"]').count(), { timeout: 20_000 }).toBe(1);
    const nl1 = (x: number) => x.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect((await el.locator('[data-figure="cijfer"]').textContent())?.trim()).toBe(nl1(expected.items.tot_cijfer.mean));
    expect((await el.locator('[data-figure="aanraden"]').textContent())?.trim()).toBe(`${Math.round(expected.items.tot_aanraden.pct.ja)}%`);
    expect(await el.locator('[data-release]').textContent()).toContain(`${expected.disclosure.release.newResponses} nieuwe reacties`);
    expect(await el.locator('form.filters').count()).toBe(0);
    expect(crossOrigin.length).toBeGreaterThan(0);
    expect(crossOrigin.every((h) => h === '*')).toBe(true);
    await context.close();
  });

  it('does not work with a viewer token: the browser gets no CORS for it', async () => {
    embedded = 'demo-viewer';
    const context = await stack.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${PARTNER}/`);
    await expect.poll(() => tab.locator('peil-dashboard').locator('[role="alert"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await tab.locator('peil-dashboard').locator('[data-figure="cijfer"]').count()).toBe(0);
    await context.close();
  });
});
