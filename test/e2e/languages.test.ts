import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCIAAL_TEAM_KORT } from '../../schemas/bank.js';
import { buildAll } from '../../scripts/build.mjs';
import { startStack, type Stack } from './stack.js';

/**
 * The survey on a partner's page of another origin, as wrangler serves dist/: a page that sets
 * `lang="tr"` loads peil.js and peil.tr.js only (an ES module across origins, so with CORS), and a
 * client who picks Arabic gets peil.ar.js and a right-to-left survey.
 */
let stack: Stack;
let partner: Server;
let PARTNER: string;

beforeAll(async () => {
  await buildAll();
  stack = await startStack();
  const page = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Sociaal team</title></head><body>
<script defer src="${stack.origin}/peil.js"></script>
<peil-survey questionnaire="sociaal-team-kort" site-key="demo-site" lang="tr"></peil-survey></body></html>`;
  partner = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  PARTNER = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
});
afterAll(async () => {
  partner?.close();
  await stack?.stop();
});

describe('the survey in another language on a partner page', () => {
  it('loads only the language the page sets, with CORS, and the one the client picks', async () => {
    const context = await stack.browser.newContext();
    const tab = await context.newPage();
    const files: { path: string; cors: string }[] = [];
    tab.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (r.url().startsWith(stack.origin) && /^\/peil(\.[a-z]+)?\.js$/.test(path)) {
        files.push({ path, cors: r.headers()['access-control-allow-origin'] ?? '' });
      }
    });
    await tab.goto(`${PARTNER}/`);
    const title = tab.locator('peil-survey #peil-title');
    await expect.poll(() => title.textContent(), { timeout: 20_000 }).toBe(SOCIAAL_TEAM_KORT.title.tr);
    expect(files).toEqual([
      { path: '/peil.js', cors: expect.any(String) },
      { path: '/peil.tr.js', cors: '*' },
    ]);
    await tab.locator('peil-survey #peil-language').selectOption('ar');
    await expect.poll(() => title.textContent(), { timeout: 10_000 }).toBe(SOCIAAL_TEAM_KORT.title.ar);
    expect(await tab.locator('peil-survey .root').getAttribute('dir')).toBe('rtl');
    expect(files.map((f) => f.path)).toEqual(['/peil.js', '/peil.tr.js', '/peil.ar.js']);
    await context.close();
  });
});
