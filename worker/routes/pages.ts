import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { route } from '../describe.js';
import { PRINT_CSS } from '../report/print.js';

/** No inline script or style anywhere Peil serves; the widget works under this policy too. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Peil's mark, the favicon of every page it serves (an SVG: one small file, sharp at any size). */
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#00539f"/><path d="M11 25V7h6.5a5.5 5.5 0 0 1 0 11H11" fill="none" stroke="#fff" stroke-width="3.5" stroke-linejoin="round"/></svg>
`;

function page(title: string, body: string, css: string, head = ''): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/${css}">
${head}</head>
<body>
${body}
</body>
</html>
`;
}

// The embed exactly as the README gives it to partners: the questionnaire preloaded (the same URL
// and credentials mode the widget's own request uses, so the browser hands it over), the script
// deferred so it never blocks rendering, the element where the survey goes.
const demo = page(
  'Sociaal team Crabbehof — Hoe was de hulp?',
  `<header class="site"><p class="brand">Sociaal team <strong>Crabbehof</strong></p>
<nav aria-label="Hoofdmenu"><a href="#">Home</a> <a href="#">Hulp vragen</a> <a href="#">Contact</a></nav></header>
<main>
<h1>Hoe was de hulp?</h1>
<p>U had contact met het sociaal team. Wij horen graag wat u ervan vond. Zo kunnen wij beter helpen.</p>
<peil-survey questionnaire="sociaal-team-kort" site-key="demo-site" team="crabbehof"></peil-survey>
</main>
<footer class="site"><p>Dit is een voorbeeldpagina van een partner. Peil toont hier de vragenlijst.</p></footer>`,
  'demo.css',
  `<link rel="preload" as="fetch" crossorigin href="/v1/questionnaires/sociaal-team-kort?siteKey=demo-site&amp;team=crabbehof">
<script defer src="/peil.js"></script>
`,
);

const dashboard = page(
  'Peil — dashboard',
  `<main class="dashboard">
<peil-dashboard questionnaire="sociaal-team-kort"></peil-dashboard>
</main>`,
  'dashboard.css',
  `<script defer src="/peil-dashboard.js"></script>
`,
);

// The console reads its secrets from the fragment (`#token=`, `#setup=`), which never reaches a server.
const beheer = page(
  'Peil — beheer',
  `<peil-beheer></peil-beheer>`,
  'beheer.css',
  `<script defer src="/peil-beheer.js"></script>
`,
);

export const pages = new Hono<AppEnv>()
  // The query goes along: an invite link made for the site root keeps its invite.
  .get('/', route({ summary: 'To the demo page, with the same query', tag: 'pages', ok: { 302: 'Redirect to /demo' } }), (c) =>
    c.redirect(`/demo${new URL(c.req.url).search}`),
  )
  .get(
    '/demo',
    route({ summary: 'A partner’s page with the survey embedded', tag: 'pages', ok: { 200: { description: 'HTML', type: 'text/html' } } }),
    (c) => c.html(demo, 200, { 'Content-Security-Policy': CSP }),
  )
  .get(
    '/dashboard',
    route({
      summary: 'The gemeente’s dashboard (token in the URL fragment)',
      tag: 'pages',
      ok: { 200: { description: 'HTML', type: 'text/html' } },
    }),
    (c) => c.html(dashboard, 200, { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' }),
  )
  .get(
    '/beheer',
    route({
      summary: 'The gemeente’s console: sign in with a passkey or #token=, set up questionnaires, partners, access and data',
      tag: 'pages',
      ok: { 200: { description: 'HTML', type: 'text/html' } },
    }),
    (c) => c.html(beheer, 200, { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }),
  )
  .get('/favicon.svg', route({ summary: 'Peil’s icon', tag: 'pages', ok: { 200: { description: 'SVG', type: 'image/svg+xml' } } }), (c) =>
    c.body(FAVICON, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }),
  )
  // Not /print.css: that is the static stylesheet of the invite cards and posters, which the assets serve first.
  .get(
    '/report.css',
    route({
      summary: 'The stylesheet of the printable CEO report and invite letters',
      tag: 'pages',
      ok: { 200: { description: 'CSS', type: 'text/css' } },
    }),
    (c) => c.body(PRINT_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  )
  // Browsers and tools ask for /favicon.ico on their own, also where no page names an icon.
  .get('/favicon.ico', route({ summary: 'To /favicon.svg', tag: 'pages', ok: { 301: 'Redirect to /favicon.svg' } }), (c) =>
    c.redirect('/favicon.svg', 301),
  );
