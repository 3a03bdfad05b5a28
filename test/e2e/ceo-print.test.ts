import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/build.mjs';
import { startStack, type Stack } from './stack.js';

// The yearly CEO report and the invite letters, printed by a real Chromium: A4 with page numbers, no
// table cut through a row or left without its header, nothing axe objects to, QR codes that scan.

const SHOTS = '/tmp/peil-shots';
const Q = 'ceo-wmo';
const admin = { Authorization: 'Bearer demo-admin' };
const require = createRequire(import.meta.url);
let stack: Stack;

const STELLING = ['helemaal_eens', 'eens', 'eens', 'neutraal', 'oneens', 'eens', 'weet_niet', 'helemaal_eens'];

function interviews(year: string, count: number): string {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      submissionId: randomUUID(),
      questionnaireId: Q,
      version: 1,
      channel: i % 4 === 0 ? 'papier' : 'telefoon',
      submittedAt: `${year}-0${1 + (i % 9)}-12T10:00:00+01:00`,
      answers: {
        ceo_wist_waar: STELLING[i % 8],
        ceo_snel: STELLING[(i + 1) % 8],
        ceo_serieus: STELLING[(i + 2) % 8],
        ceo_samen: STELLING[(i + 3) % 8],
        ceo_oco: i % 3 ? 'nee' : 'ja',
        ceo_kwaliteit: STELLING[(i + 4) % 8],
        ceo_past: STELLING[(i + 5) % 8],
        ceo_doen: STELLING[(i + 6) % 8],
        ceo_redden: STELLING[(i + 7) % 8],
        ceo_kwaliteit_leven: STELLING[(i + 3) % 8],
        tot_cijfer: 5 + (i % 5),
        tot_beter: i % 2 ? 'Ik moest lang wachten voor ik iemand kon bellen.' : 'Meer uitleg over de regels.',
      },
      context: { team: ['centrum', 'oost', 'krispijn', 'crabbehof', 'wielwijk'][i % 5] },
    }),
  ).join('\n');
}

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${stack.origin}${path}`, { ...init, headers: { ...admin, ...(init.headers ?? {}) } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => (window as unknown as { axe: { run(): Promise<any> } }).axe.run());
  return result.violations.map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
}

/** The text of each page of a PDF, whitespace folded. */
async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: pdf, useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join('')
        .replace(/\s+/g, ''),
    );
  }
  return pages;
}

// Text compared without any whitespace: the PDF's text splits ligatures (fi, ff) and wraps lines anywhere.
const fold = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  await buildAll();
  stack = await startStack();
  await mkdir(SHOTS, { recursive: true });
  await api('/v1/admin/questionnaires', {
    method: 'POST',
    body: JSON.stringify({ template: Q, publish: true }),
    headers: { 'Content-Type': 'application/json' },
  });
  for (const [year, n] of [
    ['2024', 70],
    ['2025', 90],
  ] as const) {
    await api(`/v1/import?questionnaire=${Q}`, {
      method: 'POST',
      body: interviews(year, n),
      headers: { 'Content-Type': 'application/x-ndjson' },
    });
  }
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('printing the CEO report and the letters', () => {
  it('prints the report to A4 with page numbers, no table cut, and nothing axe finds', { timeout: 120_000 }, async () => {
    const context = await stack.browser.newContext({ extraHTTPHeaders: admin, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${stack.origin}/v1/reports/ceo?questionnaire=${Q}&year=2025`);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await axeViolations(page)).toEqual([]);
    // At the width of an A4 page within its margins (174 mm), no table is wider than the text column.
    await page.setViewportSize({ width: Math.round((174 / 25.4) * 96), height: 1000 });
    const tooWide = await page.$$eval('table', (ts) =>
      ts
        .filter((t) => t.getBoundingClientRect().right > document.body.getBoundingClientRect().right + 1)
        .map((t) => t.caption?.textContent),
    );
    expect(tooWide).toEqual([]);
    const tables = await page.$$eval('table', (ts) =>
      ts.map((t) => ({
        caption: t.querySelector('caption')?.textContent ?? '',
        header: t.querySelector('thead th')?.textContent ?? '',
        rows: Array.from(t.querySelectorAll('tbody tr'), (r) => Array.from(r.children, (c) => c.textContent ?? '')),
      })),
    );
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await writeFile(`${SHOTS}/ceo-report.pdf`, pdf);
    await context.close();

    const pages = await pdfPages(new Uint8Array(pdf));
    expect(pages.length).toBeGreaterThan(3);
    // A4 portrait: 595 × 842 points.
    const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
    const [, , w, h] = (await doc.getPage(1)).view;
    expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);
    pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`Pagina${i + 1}van${pages.length}`));

    // Every table row lies whole on one page, and a table that goes on to another page repeats its header there.
    for (const t of tables) {
      const start = pages.findIndex((p) => p.includes(fold(t.caption)));
      expect(start, t.caption).toBeGreaterThanOrEqual(0);
      let at = start;
      for (const cells of t.rows) {
        // A row cut by a page break would not be found whole on any one page.
        const row = fold(cells.join(''));
        const next = pages.findIndex((p, i) => i >= at && p.includes(row));
        expect(next, `${t.caption}: row ${cells[0]}`).toBeGreaterThanOrEqual(0);
        if (next > at) expect(pages[next], `${t.caption}: header on page ${next + 1}`).toContain(fold(t.header));
        at = next;
      }
    }
  });

  it('prints letters whose QR codes scan to the hosted page with the letter’s own code', { timeout: 120_000 }, async () => {
    const res = await api('/v1/invites/letters', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        questionnaire: Q,
        partner: 'sociaal-team',
        count: 3,
        phone: '14 078',
        serviceYear: '2025',
        label: 'Brief 2025',
      }),
    });
    const html = await res.text();
    const context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    // The letters are the answer to a POST: serve that answer at a URL on Peil's origin so its stylesheet loads.
    await page.route(`${stack.origin}/letters`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await page.goto(`${stack.origin}/letters`);
    await page.emulateMedia({ media: 'print' });
    expect(await axeViolations(page)).toEqual([]);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await writeFile(`${SHOTS}/letters.pdf`, pdf);
    expect((await pdfPages(new Uint8Array(pdf))).length).toBe(3);

    const letters = await page.$$('section.letter');
    expect(letters).toHaveLength(3);
    for (const [i, letter] of letters.entries()) {
      const code = await letter.$eval('.code', (el) => el.textContent ?? '');
      const shot = await (await letter.$('.qr svg'))!.screenshot({ path: `${SHOTS}/letter-qr-${i}.png` });
      const png = PNG.sync.read(shot);
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toBe(`${stack.origin}/s/demo-site/${Q}?peil-invite=${code}`);
    }
    await page.screenshot({ path: `${SHOTS}/letters.png`, fullPage: true });
    await context.close();
    expect((await readFile(`${SHOTS}/letters.pdf`)).length).toBeGreaterThan(1000);
  });
});
