import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './context.js';
import { audit } from './accounts/audit.js';
import { isKnownOrigin } from './db.js';
import { ApiError, errorBody } from './errors.js';
import { accounts, signIn } from './routes/accounts.js';
import { aggregates, live } from './routes/aggregates.js';
import { auditLog } from './routes/audit.js';
import { exportRoute } from './routes/export.js';
import { health } from './routes/health.js';
import { held } from './routes/held.js';
import { hosted, hostedInvites } from './routes/hosted.js';
import { importRoute } from './routes/import.js';
import { invites } from './routes/invites.js';
import { reports } from './routes/reports.js';
import { openTexts } from './routes/open-texts.js';
import { openapi } from './routes/openapi.js';
import { pages } from './routes/pages.js';
import { reference } from './routes/reference.js';
import { questionnaires } from './routes/questionnaires.js';
import { questionnairesAdmin, templates } from './routes/questionnaires-admin.js';
import { responses } from './routes/responses.js';
import { gemeenten, retention } from './routes/tenants.js';
import { weights } from './routes/weights.js';

export { Ledger } from './ledger.js';

const app = new Hono<AppEnv>();

// Origins known to be allowed, for a minute. Only CORS reads this: the handler checks every submission
// against its own site key's origins, so a revoked origin is still refused at once.
const KNOWN_ORIGIN_MS = 60_000;
const knownOrigins = new Map<string, number>();
async function corsOrigin(origin: string, db: D1Database): Promise<boolean> {
  const until = knownOrigins.get(origin);
  if (until !== undefined && until > Date.now()) return true;
  if (!(await isKnownOrigin(db, origin))) return false;
  if (knownOrigins.size > 10_000) knownOrigins.clear();
  knownOrigins.set(origin, Date.now() + KNOWN_ORIGIN_MS);
  return true;
}

app.use('*', secureHeaders({ crossOriginResourcePolicy: false, contentSecurityPolicy: undefined }));
// The handler checks the origin against the body's site key; a preflight has no body, so CORS admits
// only origins that some active site key allows.
app.use(
  '/v1/responses',
  cors({
    origin: async (o, c) => (o && (await corsOrigin(o, c.env.DB)) ? o : null),
    allowMethods: ['POST'],
    allowHeaders: ['Content-Type'],
    maxAge: 86400,
  }),
);
app.use('/v1/questionnaires/*', cors({ origin: '*', allowMethods: ['GET'], exposeHeaders: ['ETag'], maxAge: 86400 }));
// A public token's figures are made to be embedded on any page, so their reads answer every origin.
// Other tokens get no CORS: their dashboards are served by Peil itself. A preflight carries no token,
// so it is answered for everyone; what the read itself returns decides.
app.use('/v1/aggregates', async (c, next) => {
  if (c.req.method === 'OPTIONS') {
    return c.body(null, 204, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET',
      'Access-Control-Allow-Headers': 'Authorization',
      'Access-Control-Max-Age': '86400',
    });
  }
  await next();
  if (c.get('token')?.role === 'public') c.res.headers.set('Access-Control-Allow-Origin', '*');
  return undefined;
});
// After CORS, so a preflight is answered before any method is judged.
app.use(
  methodNotAllowed({
    app,
    onMethodNotAllowed: (c, allowed) =>
      c.json(errorBody('method_not_allowed', `Use ${allowed.join(' or ')} here.`), 405, { Allow: allowed.join(', ') }),
  }),
);

// After the method check, so only requests a route answers are recorded.
app.use('/v1/*', audit);

app.route('/v1/health', health);
app.route('/v1/questionnaires', questionnaires);
app.route('/v1/responses', responses);
app.route('/v1/aggregates', aggregates);
app.route('/v1/live', live);
app.route('/v1/import', importRoute);
app.route('/v1/export', exportRoute);
app.route('/v1/admin/questionnaires', questionnairesAdmin);
app.route('/v1/templates', templates);
app.route('/v1/gemeenten', gemeenten);
app.route('/v1/gemeenten', accounts);
app.route('/v1/auth', signIn);
app.route('/v1/audit', auditLog);
app.route('/v1/retention', retention);
app.route('/v1/weights', weights);
app.route('/v1/invites', invites);
app.route('/v1/reports', reports);
app.route('/v1/invites', hostedInvites);
app.route('/v1/open-texts', openTexts);
app.route('/v1/held', held);
app.route('/v1/openapi.json', openapi(app));
app.route('/api', reference(app));
app.route('/', pages);
app.route('/', hosted);

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
