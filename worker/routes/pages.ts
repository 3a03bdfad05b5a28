import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { route } from '../describe.js';

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

function page(title: string, body: string, css: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/${css}">
</head>
<body>
${body}
</body>
</html>
`;
}

const demo = page(
  'Sociaal team Crabbehof — Hoe was de hulp?',
  `<header class="site"><p class="brand">Sociaal team <strong>Crabbehof</strong></p>
<nav aria-label="Hoofdmenu"><a href="#">Home</a> <a href="#">Hulp vragen</a> <a href="#">Contact</a></nav></header>
<main>
<h1>Hoe was de hulp?</h1>
<p>U had contact met het sociaal team. Wij horen graag wat u ervan vond. Zo kunnen wij beter helpen.</p>
<script src="/peil.js"></script>
<peil-survey questionnaire="sociaal-team-kort" site-key="demo-site" team="crabbehof"></peil-survey>
</main>
<footer class="site"><p>Dit is een voorbeeldpagina van een partner. Peil toont hier de vragenlijst.</p></footer>`,
  'demo.css',
);

const dashboard = page(
  'Peil — dashboard',
  `<main class="dashboard">
<script src="/peil-dashboard.js"></script>
<peil-dashboard questionnaire="sociaal-team-kort"></peil-dashboard>
</main>`,
  'dashboard.css',
);

export const pages = new Hono<AppEnv>()
  .get('/', route({ summary: 'To the demo page', tag: 'pages', ok: { 302: 'Redirect to /demo' } }), (c) => c.redirect('/demo'))
  .get('/demo', route({ summary: 'A partner’s page with the survey embedded', tag: 'pages', ok: { 200: { description: 'HTML', type: 'text/html' } } }), (c) =>
    c.html(demo, 200, { 'Content-Security-Policy': CSP }),
  )
  .get('/dashboard', route({ summary: 'The gemeente’s dashboard (token in the URL fragment)', tag: 'pages', ok: { 200: { description: 'HTML', type: 'text/html' } } }), (c) =>
    c.html(dashboard, 200, { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' }),
  );
