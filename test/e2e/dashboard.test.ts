import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/build.mjs';
import { startStack, type Stack } from './stack.js';

const SHOTS = '/tmp/peil-shots';
const Q = 'sociaal-team-kort';
const TEAMS = ['crabbehof', 'crabbehof', 'centrum', 'wielwijk', 'centrum', 'crabbehof', 'krispijn', 'wielwijk', 'oost'];
const STELLING = ['helemaal_eens', 'eens', 'eens', 'helemaal_eens', 'neutraal', 'eens', 'oneens', 'weet_niet'];
const AANRADEN = ['ja', 'ja', 'ja', 'ja', 'misschien', 'ja', 'ja', 'nee', 'ja', 'ja'];

let stack: Stack;
let version: number;
const admin = { Authorization: 'Bearer demo-admin' };

/** A day in the month `monthsAgo` before now, at noon UTC, so it lands in that month in Dutch time too. */
function dayInMonth(monthsAgo: number, day: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, day, 12)).toISOString();
}

/** 45 telephone interviews over two months and five teams, with known spreads of every answer. */
function interviews(): string {
  const lines: string[] = [];
  for (let i = 0; i < 45; i++) {
    const answers: Record<string, unknown> = {
      tot_cijfer: [8, 9, 7, 10, 8, 9, 5, 8, 9][i % 9],
      mw_serieus: STELLING[i % STELLING.length],
      mw_samen: STELLING[(i + 3) % STELLING.length],
      res_iets_gehad: STELLING[(i + 5) % STELLING.length],
      tot_aanraden: AANRADEN[i % AANRADEN.length],
    };
    if (i % 4 === 0) answers.tot_beter = `Vaker terugbellen (${i}).`;
    lines.push(
      JSON.stringify({
        submissionId: randomUUID(),
        questionnaireId: Q,
        version,
        answers,
        context: { team: TEAMS[i % TEAMS.length] },
        channel: 'telefoon',
        submittedAt: dayInMonth(i < 22 ? 2 : 1, 3 + (i % 20)),
      }),
    );
  }
  return lines.join('\n');
}

async function aggregates(query = ''): Promise<{ n: number; items: Record<string, Record<string, unknown>> }> {
  const res = await fetch(`${stack.origin}/v1/aggregates?questionnaire=${Q}${query}`, { headers: admin });
  expect(res.status).toBe(200);
  return res.json() as Promise<{ n: number; items: Record<string, Record<string, unknown>> }>;
}

const nl1 = (x: number) => x.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = (x: number) => `${Math.round(x)}%`;

async function figure(page: Page, name: string): Promise<string> {
  return ((await page.locator(`[data-figure="${name}"]`).textContent()) ?? '').trim();
}

beforeAll(async () => {
  await buildAll();
  await mkdir(SHOTS, { recursive: true });
  stack = await startStack();
  const def = await fetch(`${stack.origin}/v1/questionnaires/${Q}?siteKey=demo-site`);
  version = ((await def.json()) as { version: number }).version;
  const res = await fetch(`${stack.origin}/v1/import?questionnaire=${Q}`, {
    method: 'POST',
    headers: { ...admin, 'Content-Type': 'application/x-ndjson' },
    body: interviews(),
  });
  expect(res.status).toBeLessThan(300);
});
afterAll(async () => {
  await stack?.stop();
});

describe('the live dashboard on /dashboard', () => {
  it('shows the figures /v1/aggregates gives, updates live, and renders on desktop, phone and paper', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${stack.origin}/dashboard#token=demo-admin`);
    await expect.poll(() => figure(page, 'n'), { timeout: 15_000 }).toMatch(/^\d+$/);
    await expect.poll(() => page.locator('.live.live').count(), { timeout: 15_000 }).toBe(1);
    // The token leaves the address bar; the default period is the last 12 months, which holds every interview.
    expect(page.url()).not.toContain('demo-admin');

    const agg = await aggregates();
    const cijfer = agg.items.tot_cijfer as { mean: number; pctOnvoldoende: number; n: number };
    const aanraden = agg.items.tot_aanraden as { pct: { ja: number; misschien: number } };
    expect(agg.n).toBe(45);
    expect(await figure(page, 'n')).toBe('45');
    expect(await figure(page, 'cijfer')).toBe(nl1(cijfer.mean));
    expect(await figure(page, 'onvoldoende')).toBe(pct(cijfer.pctOnvoldoende));
    expect(await figure(page, 'aanraden')).toBe(pct(aanraden.pct.ja));
    await expect.poll(() => page.locator('table.teams').count()).toBe(1);
    // Oost has 5 interviews: below k, so hidden, never a figure.
    const head = await page.locator('table.teams thead th').allTextContents();
    const oost = head.findIndex((h) => h.trim() === 'Oost');
    expect(oost).toBeGreaterThan(-1);
    const nRow = page.locator('table.teams tbody tr').first().locator('td');
    expect((await nRow.nth(oost).textContent())?.trim()).toBe('te weinig reacties');
    // Two months of interviews, two columns in the trend.
    expect(await page.locator('.trend .columns').first().locator('.col').count()).toBe(2);
    expect(await page.getByText('Toelichting: % van cliënten met een oordeel', { exact: false }).count()).toBeGreaterThan(0);

    await page.screenshot({ path: `${SHOTS}/dashboard-desktop.png`, fullPage: true });

    // One more client, through the partner's site key and origin: the count moves without a reload.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
    const submit = await fetch(`${stack.origin}/v1/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: stack.origin },
      body: JSON.stringify({
        siteKey: 'demo-site',
        submissionId: randomUUID(),
        questionnaireId: Q,
        version,
        answers: { tot_cijfer: 10, tot_aanraden: 'ja', mw_serieus: 'helemaal_eens' },
        context: { team: 'crabbehof' },
      }),
    });
    expect(submit.status).toBe(201);
    await expect.poll(() => figure(page, 'n'), { timeout: 10_000 }).toBe('46');
    const after = await aggregates();
    await expect.poll(() => figure(page, 'cijfer'), { timeout: 10_000 }).toBe(nl1((after.items.tot_cijfer as { mean: number }).mean));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);

    // A filter goes into the address, so the link can be shared and opens the same selection.
    await page.locator('peil-dashboard').locator('#f-team').selectOption('crabbehof');
    await expect.poll(() => new URL(page.url()).searchParams.get('team')).toBe('crabbehof');
    const crabbehof = await aggregates('&team=crabbehof');
    await expect.poll(() => figure(page, 'n'), { timeout: 10_000 }).toBe(String(crabbehof.n));
    // The link carries the selection, never the token: whoever opens it signs in with their own.
    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect.poll(() => shared.locator('peil-dashboard').locator('form.login').count(), { timeout: 15_000 }).toBe(1);
    await shared.locator('peil-dashboard').locator('#token').fill('demo-admin');
    await shared.locator('peil-dashboard').locator('#token').press('Enter');
    await expect.poll(() => figure(shared, 'n'), { timeout: 15_000 }).toBe(String(crabbehof.n));
    await page.locator('peil-dashboard').locator('#f-team').selectOption('');
    await expect.poll(() => figure(page, 'n'), { timeout: 10_000 }).toBe('46');

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${SHOTS}/dashboard-print.png`, fullPage: true });
    await page.pdf({ path: `${SHOTS}/dashboard.pdf`, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    const phone = await stack.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const mobile = await phone.newPage();
    await mobile.goto(`${stack.origin}/dashboard#token=demo-admin`);
    await expect.poll(() => figure(mobile, 'n'), { timeout: 15_000 }).toBe('46');
    await expect.poll(() => mobile.locator('table.teams').count()).toBe(1);
    await mobile.screenshot({ path: `${SHOTS}/dashboard-phone.png`, fullPage: true });
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    expect(violations).toEqual([]);
    await phone.close();
    await context.close();
  });
});
