// npm start: build, migrate and seed the local database, then serve Peil on http://127.0.0.1:8787
// (PEIL_PORT moves it; PEIL_PERSIST_TO keeps the local state elsewhere than .wrangler/).
import { buildAll } from './build.mjs';
import { ORIGIN, PORT, demoSetupLink, prepareLocal, startDev, waitForHealth } from './lib.mjs';

const persistTo = process.env.PEIL_PERSIST_TO || undefined;

console.log('Peil: building the widget and dashboard…');
await buildAll();
console.log('Peil: applying migrations and seeding the demo gemeente…');
await prepareLocal({ persistTo, port: PORT });

const vars = process.env.PEIL_RATE_LIMIT === '0' ? { PEIL_RATE_LIMIT: '0' } : {};
const dev = startDev({ port: PORT, persistTo, vars });
const stop = () => {
  try {
    process.kill(-dev.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
dev.on('exit', (code) => process.exit(code ?? 0));

await waitForHealth(ORIGIN, 120_000, dev);
const setupLink = await demoSetupLink(PORT);
console.log(`
  Peil is running.

  Partner demo page   ${ORIGIN}/demo
  Dashboard           ${ORIGIN}/dashboard#token=demo-admin
  Beheer              ${ORIGIN}/beheer#token=demo-admin
  Beheer, as a person ${setupLink}
                      (one-time link: register a passkey for the demo beheerder, then sign in at http://localhost:${PORT}/beheer)
  Health              ${ORIGIN}/v1/health
  API reference       ${ORIGIN}/api

  Demo gemeente "demo" (local development only):
    admin token     demo-admin
    operator token  demo-operator
    viewer token    demo-viewer   (partner "sociaal-team": protected figures)
    public token    demo-public   (partner "sociaal-team": only its figures, for a public page)
    site key        demo-site     (origins ${ORIGIN}, http://localhost:${PORT})
  ${vars.PEIL_RATE_LIMIT === '0' ? 'Rate limiting is off (PEIL_RATE_LIMIT=0).' : ''}
  Press Ctrl+C to stop.
`);
