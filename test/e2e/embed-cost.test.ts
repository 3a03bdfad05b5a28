import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './stack.js';

// What the embed costs the partner's page, audited the way Lighthouse does on /demo: the layout does
// not shift when the survey appears, the script does not block rendering, the questionnaire request
// is the page's own preload, and there is a favicon.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const PHONE = { viewport: { width: 412, height: 823 } };
const DESKTOP = { viewport: { width: 1350, height: 940 } };

interface Slow {
  /** Holds peil.js back this long, so the page paints well before the element upgrades. */
  scriptMs?: number;
  /** Holds the questionnaire back this long, so the loading state is on screen for a while. */
  definitionMs?: number;
}

/** Opens /demo in a fresh context with a layout-shift observer; returns the page once the first question is there. */
async function openDemo(options: typeof PHONE, slow: Slow = {}): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
  const context = await stack.browser.newContext(options);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) w.__cls += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const hold = (ms: number) => async (route: Route) => {
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  };
  if (slow.scriptMs) await page.route(`${stack.origin}/peil.js`, hold(slow.scriptMs));
  if (slow.definitionMs) await page.route(`${stack.origin}/v1/questionnaires/**`, hold(slow.definitionMs));
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/v1/questionnaires/')) requests.push(r.url());
  });
  await page.goto(`${stack.origin}/demo`);
  await page.waitForFunction(
    () => document.querySelector('peil-survey')?.shadowRoot?.querySelector('[part~="question"] input'),
    undefined,
    {
      timeout: 30_000,
    },
  );
  // Two frames after the questions are in, every shift they caused has been reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, requests, close: () => context.close() };
}

const cls = (page: Page) => page.evaluate(() => (window as unknown as { __cls: number }).__cls);

describe('the embed on /demo costs the page nothing', () => {
  it('shifts no layout when the survey appears (CLS ≤ 0.02), also with a late script or a slow questionnaire', async () => {
    for (const [name, options] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      for (const slow of [{}, { scriptMs: 800 }, { definitionMs: 800 }]) {
        const demo = await openDemo(options, slow);
        expect(await cls(demo.page), `${name} ${JSON.stringify(slow)}`).toBeLessThanOrEqual(0.02);
        await demo.close();
      }
    }
  });

  it('does not block rendering: the page paints while peil.js is still on its way', async () => {
    const demo = await openDemo(DESKTOP, { scriptMs: 1000 });
    const audit = await demo.page.evaluate(() => {
      const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/peil.js')) as PerformanceResourceTiming;
      const tag = document.querySelector<HTMLScriptElement>('script[src$="/peil.js"]')!;
      return {
        renderBlockingStatus: (script as PerformanceResourceTiming & { renderBlockingStatus: string }).renderBlockingStatus,
        deferred: tag.defer,
        firstPaintBeforeScript: performance.getEntriesByName('first-contentful-paint')[0].startTime < script.responseEnd,
      };
    });
    expect(audit).toEqual({ renderBlockingStatus: 'non-blocking', deferred: true, firstPaintBeforeScript: true });
    await demo.close();
  });

  it('asks for the questionnaire once: the widget takes the page’s preload', async () => {
    const demo = await openDemo(DESKTOP);
    expect(demo.requests).toEqual([`${stack.origin}/v1/questionnaires/sociaal-team-kort?siteKey=demo-site&team=crabbehof`]);
    const initiators = await demo.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/v1/questionnaires/'))
        .map((e) => (e as PerformanceResourceTiming).initiatorType),
    );
    expect(initiators).toEqual(['link']);
    await demo.close();
  });

  it('has a favicon: /favicon.ico leads to the SVG every page names', async () => {
    const ico = await fetch(`${stack.origin}/favicon.ico`, { redirect: 'manual' });
    expect(ico.status).toBe(301);
    const svg = await fetch(new URL(ico.headers.get('Location')!, stack.origin));
    expect(svg.status).toBe(200);
    expect(svg.headers.get('Content-Type')).toBe('image/svg+xml');
    for (const path of ['/demo', '/dashboard']) {
      const page = await stack.browser.newPage();
      await page.goto(`${stack.origin}${path}`);
      expect(await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href)).toBe(
        `${stack.origin}/favicon.svg`,
      );
      await page.close();
    }
  });
});
