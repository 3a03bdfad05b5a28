import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { route } from '../describe.js';
import { openApiDocument } from './openapi.js';
import { CSP } from './pages.js';

export const reference = (app: Hono<AppEnv>) =>
  new Hono<AppEnv>().get('/', route({ summary: 'This API as a readable page', tag: 'pages', ok: { 200: { description: 'HTML', type: 'text/html' } } }), async (c) => {
    const doc = await openApiDocument(app);
    return c.html(`<p>${Object.keys(doc.paths).length}</p>`, 200, { 'Content-Security-Policy': CSP });
  });
