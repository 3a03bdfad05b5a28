import { describe, expect, it } from 'vitest';
import { call } from './helpers.js';

const PAGES = ['/demo', '/dashboard', '/beheer'];

describe('the pages Peil serves', () => {
  it('each names the favicon, and the favicon is there: /favicon.svg, and /favicon.ico redirects to it', async () => {
    for (const path of PAGES) {
      const html = await (await call(path)).text();
      expect({ path, icon: html.includes('<link rel="icon" href="/favicon.svg" type="image/svg+xml">') }).toEqual({ path, icon: true });
    }
    const svg = await call('/favicon.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>\s*$/);
    const ico = await call('/favicon.ico', { redirect: 'manual' });
    expect(ico.status).toBe(301);
    expect(ico.headers.get('Location')).toBe('/favicon.svg');
  });

  it('load their scripts deferred from the head, so no script blocks rendering', async () => {
    for (const path of PAGES) {
      const html = await (await call(path)).text();
      const head = html.slice(0, html.indexOf('</head>'));
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts)
        expect({ path, tag, deferred: / defer[ >]/.test(tag), inHead: head.includes(tag) }).toEqual({
          path,
          tag,
          deferred: true,
          inHead: true,
        });
    }
  });

  it('/demo preloads the questionnaire under the URL the widget asks for, in the same credentials mode', async () => {
    const html = await (await call('/demo')).text();
    const link = html.match(/<link rel="preload"[^>]*>/)?.[0];
    expect(link).toBe(
      '<link rel="preload" as="fetch" crossorigin href="/v1/questionnaires/sociaal-team-kort?siteKey=demo-site&amp;team=crabbehof">',
    );
    expect(html).toContain('<peil-survey questionnaire="sociaal-team-kort" site-key="demo-site" team="crabbehof"></peil-survey>');
  });

  it('/beheer serves the console under the strict CSP, without caching or a referrer', async () => {
    const res = await call('/beheer');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<peil-beheer></peil-beheer>');
    expect(html).toContain('<script defer src="/peil-beheer.js"></script>');
  });
});
