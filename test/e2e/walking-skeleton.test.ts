import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('one answer travels from the partner page to the live dashboard', () => {
  it('updates the dashboard by itself when a client submits on /demo', async () => {
    const dashboard = await stack.browser.newPage();
    await dashboard.goto(`${stack.origin}/dashboard#token=demo-admin`);
    const n = dashboard.locator('[data-figure="n"]');
    await expect.poll(async () => (await n.textContent())?.trim(), { timeout: 15_000 }).toMatch(/^\d+$/);
    const before = Number((await n.textContent())!.trim());
    await expect.poll(async () => dashboard.locator('.live.live').count(), { timeout: 15_000 }).toBe(1);
    // A marker that a reload would wipe: the update must arrive without one.
    await dashboard.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    const client = await stack.browser.newPage();
    await client.goto(`${stack.origin}/demo`);
    await client.getByRole('radio', { name: '8', exact: true }).check();
    await client.locator('fieldset#q-mw_serieus').getByRole('radio', { name: 'Mee eens', exact: true }).check();
    await client.locator('fieldset#q-tot_aanraden').getByRole('radio', { name: 'Ja', exact: true }).check();
    await client.getByRole('textbox').fill('Sneller terugbellen zou fijn zijn.');
    await client.getByRole('button', { name: 'Versturen' }).click();
    await expect.poll(() => client.getByRole('heading', { name: 'Bedankt voor uw antwoorden!' }).count(), { timeout: 15_000 }).toBe(1);

    await expect.poll(async () => Number((await n.textContent())!.trim()), { timeout: 5_000 }).toBe(before + 1);
    expect(await dashboard.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });
});
