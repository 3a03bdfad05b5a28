import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { route } from '../describe.js';

export const health = new Hono<AppEnv>().get('/', route({ summary: 'Health check', tag: 'meta', ok: { 200: '{"ok":true}' } }), (c) =>
  c.json({ ok: true }),
);
