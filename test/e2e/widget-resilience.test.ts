import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './stack.js';

// The widget on the real partner demo page (/demo, served by the worker with its strict CSP):
// no CSP violation while a client fills it in, and a cut connection never loses or doubles a response.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const QUESTIONNAIRE = 'sociaal-team-kort';

async function responsesCounted(): Promise<number> {
  const res = await fetch(`${stack.origin}/v1/aggregates?questionnaire=${QUESTIONNAIRE}`, {
    headers: { Authorization: 'Bearer demo-admin' },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { n: number };
  expect(typeof body.n).toBe('number');
  return body.n;
}

/** Records every sign of a CSP violation: the DOM event, console messages and page errors. */
async function watchCsp(context: BrowserContext, page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (/content security policy|refused to/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  return async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

async function fillDemo(page: Page): Promise<void> {
  await page.locator('fieldset#q-tot_cijfer').getByRole('radio', { name: '8', exact: true }).check();
  await page.locator('fieldset#q-mw_serieus').getByRole('radio', { name: 'Mee eens', exact: true }).check();
  await page.locator('fieldset#q-tot_aanraden').getByRole('radio', { name: 'Ja', exact: true }).check();
  await page.getByRole('textbox').fill('Vriendelijk en snel.');
}

describe('the survey widget on /demo', () => {
  it('works under the strict Content-Security-Policy with no violation, and stores the response (201)', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    const violations = await watchCsp(context, page);
    const demo = await page.goto(`${stack.origin}/demo`);
    const csp = demo!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);

    await fillDemo(page);
    const posted = page.waitForResponse((r) => r.url().endsWith('/v1/responses') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Versturen' }).click();
    expect((await posted).status()).toBe(201);
    await expect.poll(() => page.getByRole('heading', { name: 'Bedankt voor uw antwoorden!' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('counts a response exactly once when the connection drops mid-submit and comes back', async () => {
    const before = await responsesCounted();
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.origin}/demo`);
    await fillDemo(page);

    // The worst moment: the server stores the answers, then the connection drops before the answer
    // reaches the client. The client must keep them and, once back online, resend the same submission.
    let stored = 0;
    await page.route('**/v1/responses', async (route) => {
      const res = await route.fetch();
      if (res.status() === 201) stored++;
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect
      .poll(() => page.getByText('Uw antwoorden zijn bewaard en worden verstuurd zodra er verbinding is.').count(), { timeout: 15_000 })
      .toBe(1);
    expect(stored).toBe(1);
    await page.unroute('**/v1/responses');
    const queued = await page.evaluate(
      () => JSON.parse(localStorage.getItem('peil-outbox') ?? '[]') as { body: { submissionId: string } }[],
    );
    expect(queued).toHaveLength(1);

    const retried = page.waitForResponse((r) => r.url().endsWith('/v1/responses') && r.request().method() === 'POST', { timeout: 30_000 });
    await context.setOffline(false);
    // The repeat of a stored submissionId is answered 200, not stored again.
    expect((await retried).status()).toBe(200);
    await expect.poll(() => page.getByText('Uw antwoorden zijn verstuurd.').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('peil-outbox'))).toBeNull();

    // The next visit finds nothing left to send, and says the questionnaire was filled in on this device.
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { name: 'U heeft deze vragenlijst al ingevuld.' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await responsesCounted()).toBe(before + 1);
    await context.close();
  });

  it('sends answers kept while offline when the connection returns, exactly once', async () => {
    const before = await responsesCounted();
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.origin}/demo`);
    await fillDemo(page);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect
      .poll(() => page.getByText('Uw antwoorden zijn bewaard en worden verstuurd zodra er verbinding is.').count(), { timeout: 15_000 })
      .toBe(1);
    const posted = page.waitForResponse((r) => r.url().endsWith('/v1/responses') && r.request().method() === 'POST', { timeout: 30_000 });
    await context.setOffline(false);
    expect((await posted).status()).toBe(201);
    await expect.poll(() => page.getByText('Uw antwoorden zijn verstuurd.').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(responsesCounted, { timeout: 10_000 }).toBe(before + 1);
    await context.close();
  });
});
