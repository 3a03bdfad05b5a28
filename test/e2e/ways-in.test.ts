import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/build.mjs';
import { startStack, type Stack } from './stack.js';

// Every way in, in one Chromium against `wrangler dev`: the hosted page, its QR code, invite links and
// cards, a kiosk and an interviewer's paper interview.

const KORT = 'sociaal-team-kort';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let stack: Stack;
beforeAll(async () => {
  // The bundles this file loads are built from the sources under test, not left from an earlier run.
  await buildAll();
  stack = await startStack();
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

async function api<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const res = await fetch(`${stack.origin}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: 'Bearer demo-admin', ...(init.json ? { 'Content-Type': 'application/json' } : {}) },
    body: init.json ? JSON.stringify(init.json) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (res.headers.get('Content-Type') ?? '').includes('json') ? res.json() : ((await res.text()) as T);
}

/** Every stored response as the gemeente exports it. */
async function responses(): Promise<Record<string, string>[]> {
  const csv = await api<string>(`/v1/export/responses.csv?questionnaire=${KORT}`);
  return parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true });
}

async function siteKey(settings: Record<string, unknown>): Promise<string> {
  const made = await api<{ siteKey: string }>('/v1/gemeenten/demo/site-keys', {
    method: 'POST',
    // Origins that are not Peil's: the hosted page on Peil's own origin must work all the same.
    json: { partner: 'sociaal-team', origins: ['https://partner.example'], ...settings },
  });
  return made.siteKey;
}

/** Answers the short questionnaire (one page when the team is known) and sends it. */
async function answer(page: Page, cijfer = '8'): Promise<void> {
  await page.getByRole('radio', { name: cijfer, exact: true }).check();
  await page.locator('fieldset#q-mw_serieus').getByRole('radio', { name: 'Mee eens', exact: true }).check();
  await page.locator('fieldset#q-tot_aanraden').getByRole('radio', { name: 'Ja', exact: true }).check();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Bedankt voor uw antwoorden!' }).count(), { timeout: 15_000 }).toBe(1);
}

/** Violations of every axe-core rule (WCAG and best practice), the widget's shadow DOM included. */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(d: Document): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe.run(document);
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

function decodePng(png: PNG, x = 0, y = 0, w = png.width, h = png.height): string | undefined {
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let row = 0; row < h; row++) {
    const from = ((y + row) * png.width + x) * 4;
    rgba.set(png.data.subarray(from, from + w * 4), row * w * 4);
  }
  return jsQR(rgba, w, h)?.data;
}

/** A POST whose answer is an HTML page, opened as a navigation so the page gets the server's own headers (CSP). */
async function openPost(page: Page, path: string, json: unknown): Promise<void> {
  const url = `${stack.origin}${path}`;
  await page.route(url, async (route) => {
    const response = await route.fetch({
      method: 'POST',
      headers: { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' },
      postData: JSON.stringify(json),
    });
    await route.fulfill({ response });
  });
  await page.goto(url);
}

describe('the ways in', () => {
  it('the hosted page is answered and counted once; Enter on an answer does not send; a reload says it was filled in', async () => {
    const key = await siteKey({});
    const context = await stack.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const url = `${stack.origin}/s/${key}/${KORT}?team=centrum`;
    await page.goto(url);
    await expect.poll(() => page.getByRole('button', { name: 'Versturen' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('.partner').textContent()).toBe('Sociaal team Centrum');
    expect(await axe(page)).toEqual([]);
    // The last (only) page: Enter on an answer would send the form before the other questions.
    await page.getByRole('radio', { name: '6', exact: true }).check();
    await page.getByRole('radio', { name: '6', exact: true }).press('Enter');
    await page.waitForTimeout(500);
    expect(await page.getByRole('button', { name: 'Versturen' }).count()).toBe(1);
    expect((await responses()).filter((r) => r.team === 'centrum')).toHaveLength(0);
    await answer(page);
    const stored = (await responses()).filter((r) => r.team === 'centrum');
    expect(stored.map((r) => [r.channel, r.tot_cijfer])).toEqual([['web', '8']]);
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { name: 'U heeft deze vragenlijst al ingevuld.' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect((await responses()).filter((r) => r.team === 'centrum')).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the QR code on the poster, read from a screenshot, is the absolute hosted URL; the poster has no axe findings', async () => {
    const context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 900, height: 1300 } });
    const page = await context.newPage();
    await page.goto(`${stack.origin}/s/demo-site/${KORT}/poster?team=crabbehof`);
    const shot = PNG.sync.read(await page.locator('.poster .qr').screenshot());
    expect(decodePng(shot)).toBe(`${stack.origin}/s/demo-site/${KORT}?team=crabbehof`);
    expect(await axe(page)).toEqual([]);
    // It prints to one A4 page.
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    await context.close();
  });

  it('an invite opens the hosted page with the invite through its short link; used, it is refused before any question', async () => {
    const { invites } = await api<{ invites: { token: string; link: string; shortLink: string }[] }>('/v1/invites', {
      method: 'POST',
      json: { questionnaire: KORT, partner: 'sociaal-team', team: 'krispijn' },
    });
    const [invite] = invites;
    const first = await stack.browser.newContext();
    const page = await first.newPage();
    await page.goto(invite.shortLink);
    expect(page.url()).toBe(invite.link);
    expect(new URL(page.url()).searchParams.get('peil-invite')).toBe(invite.token);
    await answer(page, '9');
    expect((await responses()).filter((r) => r.team === 'krispijn').map((r) => r.tot_cijfer)).toEqual(['9']);
    await first.close();

    // Another device with the same link: told at once, without a single question.
    const second = await stack.browser.newContext();
    const again = await second.newPage();
    await again.goto(invite.link);
    await expect.poll(() => again.getByText('Deze link is al gebruikt.').count(), { timeout: 15_000 }).toBe(1);
    expect(await again.locator('peil-survey').locator('fieldset').count()).toBe(0);
    await second.close();
  });

  it('prints a batch of invites as A4 card sheets on which every QR code reads its invite link; no axe findings', async () => {
    const { invites } = await api<{ invites: { token: string; link: string }[] }>('/v1/invites', {
      method: 'POST',
      json: { questionnaire: KORT, partner: 'sociaal-team', team: 'wielwijk', count: 12 },
    });
    const context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 900, height: 1200 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await openPost(page, '/v1/invites/cards', { tokens: invites.map((i) => i.token) });
    expect(await page.locator('.card').count()).toBe(12);
    expect(await axe(page)).toEqual([]);
    // Printed: two A4 pages (A4 is 595.28 × 841.89 pt; Chromium rounds to whole CSS pixels).
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(2);
    for (const [, w, h] of pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)) {
      expect(Math.abs(Number(w) - 595.28)).toBeLessThan(1);
      expect(Math.abs(Number(h) - 841.89)).toBeLessThan(1);
    }
    // Every QR code readable as printed: the print layout, each A4 sheet shot at about 190 dpi, card by card.
    await page.emulateMedia({ media: 'print' });
    const read: (string | undefined)[] = [];
    for (const sheet of await page.locator('.sheet').all()) {
      const png = PNG.sync.read(await sheet.screenshot());
      const w = png.width / 2;
      const h = png.height / 5;
      for (let row = 0; row < 5; row++)
        for (let col = 0; col < 2; col++) read.push(decodePng(png, Math.round(col * w), Math.round(row * h), Math.floor(w), Math.floor(h)));
    }
    expect(read.slice(0, 12)).toEqual(invites.map((i) => i.link));
    expect(read.slice(12).every((r) => r === undefined)).toBe(true);
    await context.close();
  });

  it('a kiosk returns to an empty form for the next client, and its clients behind one address are all counted', async () => {
    const key = await siteKey({ kiosk: true });
    const page = await stack.browser.newPage();
    await page.goto(`${stack.origin}/s/${key}/${KORT}?team=oost&kiosk=1`);
    for (let client = 0; client < 4; client++) {
      await expect.poll(() => page.getByRole('button', { name: 'Versturen' }).count(), { timeout: 15_000 }).toBe(1);
      expect(await page.locator('peil-survey input:checked').count()).toBe(0);
      await answer(page, String(5 + client));
      expect(await page.getByText(/Over \d+ seconden begint een nieuwe vragenlijst/).count()).toBe(1);
      await page.getByRole('button', { name: 'Nieuwe vragenlijst' }).click();
    }
    await expect.poll(() => page.getByRole('button', { name: 'Versturen' }).count(), { timeout: 15_000 }).toBe(1);
    const oost = (await responses()).filter((r) => r.team === 'oost');
    expect(oost.map((r) => r.tot_cijfer).sort()).toEqual(['5', '6', '7', '8']);
    // None was held as a burst: the gemeente's held list is empty.
    expect((await api<{ held: number }>(`/v1/held?questionnaire=${KORT}`)).held).toBe(0);
    await page.close();
  });

  it('an interviewer’s paper interview lands with channel papier on the chosen day', async () => {
    const context = await stack.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${stack.origin}/s/demo-site/${KORT}/interview?team=crabbehof#token=demo-admin`);
    await expect.poll(() => page.getByRole('button', { name: 'Versturen' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await axe(page)).toEqual([]);
    const day = new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10);
    await page.getByRole('radio', { name: 'Papieren vragenlijst' }).check();
    await page.getByLabel('Datum van het interview').fill(day);
    await page.getByRole('radio', { name: '7', exact: true }).check();
    await page.locator('fieldset#q-mw_serieus').getByRole('radio', { name: 'Mee oneens', exact: true }).check();
    await page.locator('fieldset#q-tot_aanraden').getByRole('radio', { name: 'Misschien', exact: true }).check();
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Het interview is opgeslagen.' }).count(), { timeout: 15_000 }).toBe(1);
    const papier = (await responses()).filter((r) => r.channel === 'papier');
    expect(papier.map((r) => [r.day, r.team, r.tot_cijfer])).toEqual([[day, 'crabbehof', '7']]);
    await page.getByRole('button', { name: 'Volgend interview invoeren' }).click();
    expect(await page.locator('peil-survey input[type=radio]:checked').count()).toBe(1);

    // A telephone interview of a sample by letter: with the letter's code, typed as it sounds on the phone,
    // it counts in that batch's response rate.
    const letters = await fetch(`${stack.origin}/v1/invites/letters`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' },
      body: JSON.stringify({ questionnaire: KORT, partner: 'sociaal-team', count: 4, phone: '14 078', label: 'Brief interviewer' }),
    });
    const batch = letters.headers.get('X-Peil-Batch');
    const code = /<p class="code">([0-9A-Z-]+)<\/p>/.exec(await letters.text())![1];
    await page.getByRole('radio', { name: 'Telefonisch interview' }).check();
    await page.getByLabel('Code van de brief of kaart').fill(code.replace(/-/g, ' ').toLowerCase());
    await page.getByRole('radio', { name: '9', exact: true }).check();
    await page.locator('fieldset#q-tot_aanraden').getByRole('radio', { name: 'Ja', exact: true }).check();
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Het interview is opgeslagen.' }).count(), { timeout: 15_000 }).toBe(1);
    const stats = await api<{ batches: { id: string; count: number; used: number; responseRate: number }[] }>(
      `/v1/invites?questionnaire=${KORT}`,
    );
    expect(stats.batches.find((b) => b.id === batch)).toMatchObject({ count: 4, used: 1, responseRate: 25 });
    await page.getByRole('button', { name: 'Volgend interview invoeren' }).click();
    expect(await page.getByLabel('Code van de brief of kaart').inputValue()).toBe('');
    await context.close();
  });
});
