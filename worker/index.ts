import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './context.js';
import { ApiError, errorBody } from './errors.js';
import { aggregates, live } from './routes/aggregates.js';
import { health } from './routes/health.js';
import { importRoute } from './routes/import.js';
import { pages } from './routes/pages.js';
import { questionnaires } from './routes/questionnaires.js';
import { responses } from './routes/responses.js';

export { Ledger } from './ledger.js';

const app = new Hono<AppEnv>();

app.use('*', secureHeaders({ crossOriginResourcePolicy: false, contentSecurityPolicy: undefined }));
// Submissions are checked against the site key's origins in the handler; CORS only lets browsers read the answer.
app.use('/v1/responses', cors({ origin: (o) => o, allowMethods: ['POST'], allowHeaders: ['Content-Type'], maxAge: 86400 }));
app.use('/v1/questionnaires/*', cors({ origin: '*', allowMethods: ['GET'], exposeHeaders: ['ETag'], maxAge: 86400 }));

app.route('/v1/health', health);
app.route('/v1/questionnaires', questionnaires);
app.route('/v1/responses', responses);
app.route('/v1/aggregates', aggregates);
app.route('/v1/live', live);
app.route('/v1/import', importRoute);
app.route('/', pages);

app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${c.req.method} ${new URL(c.req.url).pathname}.`), 404));

app.onError((err, c) => {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.issues), err.status);
  // Hono's own HTTP errors (e.g. a malformed header) are client errors, not ours.
  const status = (err as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return c.json(errorBody('bad_request', err.message || 'Bad request.'), status as ContentfulStatusCode);
  }
  console.error(err);
  return c.json(errorBody('internal_error', 'Something went wrong on our side. Your answers were not stored; please try again.'), 500);
});

export default app;
