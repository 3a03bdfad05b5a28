// npm run bench: Peil's figures on the real local stack (wrangler dev, Chromium), written to
// bench/results/<name>.json and bench/results/summary.md. Figures are relative to the machine they
// ran on: compare medians and ratios from one run, not across machines.
//
// Knobs (environment): BENCH_ONLY=size,render,ingest,aggregates,live,disclosure · BENCH_MAX=1000000 (largest
// aggregate size) · BENCH_SEED_BUDGET_S=600 (seeding stops there, and earlier when the next size
// would not fit; the figures then end at the size reached) ·
// BENCH_LOADS=20 (page loads of each embed) · BENCH_DEMO_LOADS=5 (/demo loads per viewport) ·
// BENCH_INGEST=3000 (requests per round) · BENCH_ROUNDS=3 · BENCH_CONNECTIONS=10 · BENCH_READS=50 · BENCH_LIVE=30 ·
// BENCH_LIVE_RELEASES=5 (viewer releases timed) · BENCH_DISCLOSURE=6000 (responses seeded for the accuracy of
// protected figures) · BENCH_PORT (and the next two; default: free ports).
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SURVEY_LOCALES, buildAll } from '../scripts/build.mjs';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/chromium.mjs';
import {
  ADMIN,
  QUESTIONNAIRE,
  aggregate,
  integrity,
  median,
  percentile,
  responsesN,
  round,
  seed,
  startCeiling,
  startBenchOrigin,
  startPeil,
  submission,
} from './lib.mjs';
import { surveyJsFiles, surveyJsPage, toSurveyJs } from './surveyjs.mjs';

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const ONLY = (process.env.BENCH_ONLY ?? 'size,render,ingest,aggregates,live,disclosure').split(',').map((s) => s.trim());
const PORT = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;
const MAX = env('BENCH_MAX', 1_000_000);
const SEED_BUDGET_MS = env('BENCH_SEED_BUDGET_S', 600) * 1000;
const LOADS = env('BENCH_LOADS', 20);
const INGEST = env('BENCH_INGEST', 3000);
const ROUNDS = env('BENCH_ROUNDS', 3);
const CONNECTIONS = env('BENCH_CONNECTIONS', 10);
const READS = env('BENCH_READS', 50);
const LIVE = env('BENCH_LIVE', 30);
const DEMO_LOADS = env('BENCH_DEMO_LOADS', 5);
const LIVE_RELEASES = env('BENCH_LIVE_RELEASES', 5);
const DISCLOSURE = env('BENCH_DISCLOSURE', 6000);
const GZIP_BUDGET = 20 * 1024;
const RESULTS = new URL('./results/', import.meta.url);

const startedAt = new Date();
const meta = {
  date: startedAt.toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, ${round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}`,
  node: process.version,
  command: `${Object.entries(process.env)
    .filter(([k]) => k.startsWith('BENCH_'))
    .map(([k, v]) => `${k}=${v} `)
    .join('')}npm run bench`,
  loadAverageAtStart: loadavg().map((x) => round(x, 2)),
};

const BENCHES = ['size', 'render', 'ingest', 'aggregates', 'live', 'disclosure'];

/** Writes one benchmark's result; its summary rows go with it so summary.md can combine runs. */
async function save(name, data, rows) {
  const result = { ...meta, loadAverageAtEnd: loadavg().map((x) => round(x, 2)), ...data, summary: rows };
  await writeFile(new URL(`${name}.json`, RESULTS), JSON.stringify(result, null, 2) + '\n');
  console.log(`bench: wrote bench/results/${name}.json`);
}

const kB = (bytes) => `${round(bytes / 1024)} kB`;
const ms = (x) => `${round(x)} ms`;

/** 1. The survey bundle as a partner's visitors download it, and each language file it loads on demand. */
async function benchSize() {
  await buildAll();
  const files = {};
  const languageFiles = SURVEY_LOCALES.map((l) => `peil.${l}.js`);
  for (const name of ['peil.js', 'peil-dashboard.js', ...languageFiles]) {
    const raw = await readFile(new URL(`../dist/${name}`, import.meta.url));
    files[name] = {
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  }
  const survey = files['peil.js'];
  const withinBudget = survey.gzip <= GZIP_BUDGET;
  await save('size', { budgetGzip: GZIP_BUDGET, withinBudget, files }, [
    [
      'Widget size (dist/peil.js)',
      `${kB(survey.gzip)} gzip · ${kB(survey.brotli)} brotli · ${kB(survey.raw)} raw`,
      `budget 20 kB gzip: ${withinBudget ? 'within' : 'OVER'}`,
    ],
    ...languageFiles.map((name) => [
      `Survey language file (dist/${name})`,
      `${kB(files[name].gzip)} gzip · ${kB(files[name].brotli)} brotli · ${kB(files[name].raw)} raw`,
      'loaded only when a client reads that language',
    ]),
  ]);
}

// The painted-detector both embeds share. The mark sits right before the embed's first tag; the
// first answer control counts as painted in the task after the animation frame that follows its
// insertion into the document (or the shadow root).
const watchScript = (findControl) => `performance.mark('embed');
(function watch() {
  if (!(${findControl})()) return requestAnimationFrame(watch);
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => (window.__painted = { painted: performance.now(), mark: performance.getEntriesByName('embed')[0].startTime });
    ch.port2.postMessage(0);
  });
})();`;
const PEIL_CONTROL = `() => document.querySelector('peil-survey')?.shadowRoot?.querySelector('[part~="question"] :is(input, textarea)')`;
const SURVEYJS_CONTROL = `() => document.querySelector('#survey .sd-question :is(input, textarea)')`;

// A partner page with nothing but Peil's embed, as the README's snippet writes it.
const peilPage = (origin) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>bench</title></head><body>
<script>${watchScript(PEIL_CONTROL)}</script>
<link rel="preload" as="fetch" crossorigin href="${origin}/v1/questionnaires/${QUESTIONNAIRE}?siteKey=demo-site&amp;team=crabbehof">
<script defer src="${origin}/peil.js"></script>
<peil-survey questionnaire="${QUESTIONNAIRE}" site-key="demo-site" team="crabbehof"></peil-survey>
</body></html>`;

/** One cold load (a fresh browser context) of a bench page; the painted timings. */
async function coldLoad(browser, url, script) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__painted, undefined, { timeout: 30_000 });
    return await page.evaluate((script) => {
      const entry = performance.getEntriesByName(script)[0];
      const definition = performance.getEntriesByType('resource').find((e) => e.name.includes('/v1/questionnaires/'));
      return {
        ...window.__painted,
        scriptEnd: entry ? entry.responseEnd : null,
        definitionEnd: definition ? definition.responseEnd : null,
      };
    }, script);
  } finally {
    await context.close();
  }
}

/**
 * What the embed costs the host page, as Lighthouse audits it: the cumulative layout shift of /demo
 * (layout-shift entries without recent input, summed, until a second after the first question is
 * there) and whether peil.js blocks rendering (Chromium's renderBlockingStatus; and the tag itself:
 * a classic script without defer or async in the head blocks, one in the body blocks what follows).
 */
async function demoCost(browser, origin, { width, height, cpuSlowdown }) {
  const context = await browser.newContext({ viewport: { width, height } });
  try {
    const page = await context.newPage();
    if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${origin}/demo`);
    await page.waitForFunction(() => document.querySelector('peil-survey')?.shadowRoot?.querySelector('[part~="question"]'), undefined, {
      timeout: 30_000,
    });
    await page.waitForTimeout(1000);
    return await page.evaluate((script) => {
      const entry = performance.getEntriesByName(script)[0];
      const tag = [...document.scripts].find((s) => s.src === script);
      const classic = !!tag && !tag.defer && !tag.async && tag.type !== 'module';
      return {
        cls: window.__cls,
        renderBlockingStatus: entry?.renderBlockingStatus ?? null,
        tag: tag ? { inHead: !!tag.closest('head'), defer: tag.defer, async: tag.async, module: tag.type === 'module' } : null,
        renderBlocking: entry?.renderBlockingStatus === 'blocking' || (classic && !!tag.closest('head')),
        parserBlocking: classic,
        // One entry when the widget's request took the page's preload, two when it did not match.
        definitionRequests: performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/questionnaires/')).length,
      };
    }, `${origin}/peil.js`);
  } finally {
    await context.close();
  }
}

/**
 * 2. From the script tag to the first answer control painted, Peil and SurveyJS (same questionnaire,
 * same origin) alternating, each load in a fresh (cold) browser context; then what /demo costs its page.
 */
async function benchRender(peil) {
  const surveyJs = await surveyJsFiles();
  const served = await (await fetch(`${peil.origin}/v1/questionnaires/${QUESTIONNAIRE}?siteKey=demo-site&team=crabbehof`)).json();
  // Both embeds' static files come from the bench origin's own file server, so neither script waits on
  // wrangler's local asset server (in production a CDN serves peil.js); Peil's API requests go to Peil.
  const files = new Map(surveyJs.files);
  files.set('/peil.js', { body: await readFile(new URL('../dist/peil.js', import.meta.url)), contentType: 'text/javascript' });
  const bench = await startBenchOrigin(PORT && PORT + 2, peil.origin, files);
  const html = (body) => ({ body: Buffer.from(body), contentType: 'text/html; charset=utf-8' });
  files.set('/__bench', html(peilPage(bench.origin)));
  files.set('/__bench-surveyjs', html(surveyJsPage(toSurveyJs(served), watchScript(SURVEYJS_CONTROL))));
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')),
  });
  const peilFromTag = [];
  const peilFromScript = [];
  const peilDefinition = [];
  const surveyJsFromTag = [];
  const demo = { mobile: [], desktop: [] };
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      // Alternate which goes first, so neither always meets the machine right after the other.
      const order = i % 2 ? ['surveyJs', 'peil'] : ['peil', 'surveyJs'];
      const t = {};
      for (const which of order) {
        t[which] = await coldLoad(
          browser,
          `${bench.origin}${which === 'peil' ? '/__bench' : '/__bench-surveyjs'}`,
          `${bench.origin}/peil.js`,
        );
      }
      if (i === 0) continue; // the first round warms the worker, D1 and Chromium
      peilFromTag.push(t.peil.painted - t.peil.mark);
      if (t.peil.scriptEnd !== null) peilFromScript.push(t.peil.painted - t.peil.scriptEnd);
      if (t.peil.definitionEnd !== null) peilDefinition.push(t.peil.definitionEnd - t.peil.mark);
      surveyJsFromTag.push(t.surveyJs.painted - t.surveyJs.mark);
    }
    // Lighthouse's two set-ups: a phone (412 × 823, CPU 4× slower) and a desktop (1350 × 940).
    for (let i = 0; i < DEMO_LOADS; i++) {
      demo.mobile.push(await demoCost(browser, peil.origin, { width: 412, height: 823, cpuSlowdown: 4 }));
      demo.desktop.push(await demoCost(browser, peil.origin, { width: 1350, height: 940, cpuSlowdown: 1 }));
    }
  } finally {
    await browser.close();
    await bench.stop();
  }
  const stats = (xs) => ({
    median: round(median(xs)),
    p90: round(percentile(xs, 90)),
    min: round(Math.min(...xs)),
    max: round(Math.max(...xs)),
  });
  const peilStats = stats(peilFromTag);
  const surveyJsStats = stats(surveyJsFromTag);
  const clsOf = (runs) => ({ max: round(Math.max(...runs.map((r) => r.cls)), 4), median: round(median(runs.map((r) => r.cls)), 4) });
  const first = demo.desktop[0];
  const data = {
    loads: LOADS,
    fromScriptTagMs: peilStats,
    fromScriptDownloadedMs: stats(peilFromScript),
    // When the questionnaire (the preload the widget takes over) had arrived, from the script tag.
    definitionArrivedMs: stats(peilDefinition),
    surveyJs: { version: surveyJs.version, fromScriptTagMs: surveyJsStats },
    // SurveyJS median over Peil median, both from the script tag: how many times sooner Peil's first
    // question is painted; and the median of the same ratio within each round, as a check.
    ratio: round(surveyJsStats.median / peilStats.median, 2),
    ratioPerRound: round(median(surveyJsFromTag.map((x, i) => x / peilFromTag[i])), 2),
    demo: {
      loads: DEMO_LOADS,
      cls: { mobile: clsOf(demo.mobile), desktop: clsOf(demo.desktop) },
      renderBlocking: [...demo.mobile, ...demo.desktop].some((r) => r.renderBlocking),
      parserBlocking: [...demo.mobile, ...demo.desktop].some((r) => r.parserBlocking),
      definitionRequests: Math.max(...[...demo.mobile, ...demo.desktop].map((r) => r.definitionRequests)),
      renderBlockingStatus: first.renderBlockingStatus,
      scriptTag: first.tag,
    },
    samples: {
      fromTag: peilFromTag.map((x) => round(x)),
      fromScript: peilFromScript.map((x) => round(x)),
      definitionArrived: peilDefinition.map((x) => round(x)),
      surveyJsFromTag: surveyJsFromTag.map((x) => round(x)),
      demoCls: { mobile: demo.mobile.map((r) => round(r.cls, 4)), desktop: demo.desktop.map((r) => round(r.cls, 4)) },
    },
  };
  await save('render', data, [
    [
      `First question painted (Chromium, ${LOADS} cold loads each, alternating)`,
      `Peil median ${ms(peilStats.median)} · SurveyJS ${surveyJs.version} median ${ms(surveyJsStats.median)} from the script tag: **${data.ratio}×** sooner`,
      `per-round ratio ${data.ratioPerRound}×; Peil p90 ${ms(peilStats.p90)}, questionnaire in at ${ms(data.definitionArrivedMs.median)}; SurveyJS p90 ${ms(surveyJsStats.p90)}, definition inline`,
    ],
    [
      `/demo: layout shift and render-blocking (${DEMO_LOADS} loads per viewport)`,
      `CLS ${data.demo.cls.mobile.max} (phone 412×823, CPU 4× slower) · ${data.demo.cls.desktop.max} (desktop 1350×940), worst load`,
      `peil.js ${data.demo.renderBlocking ? 'render-blocking' : 'not render-blocking'} (renderBlockingStatus ${data.demo.renderBlockingStatus})${data.demo.parserBlocking ? ', parser-blocking' : ''}; ${data.demo.definitionRequests} questionnaire request${data.demo.definitionRequests === 1 ? ' (the preload)' : 's'}`,
    ],
  ]);
}

/** One autocannon run of `amount` POSTs, each with a fresh submissionId. */
async function cannon(url, amount, headers = {}) {
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(submission()) }),
      },
    ],
  });
  // autocannon notices the end of an `amount` run on its one-second tick; time the responses instead.
  const start = performance.now();
  let last = start;
  instance.on('response', () => (last = performance.now()));
  const result = await instance;
  const seconds = (last - start) / 1000;
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: round(seconds, 2),
    perSecond: round(result['2xx'] / seconds),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}

/** 3. Sustained submissions per second, and that every acknowledged one is counted exactly once. */
async function benchIngest(peil) {
  const ceiling = await startCeiling(PORT && PORT + 1);
  const rounds = [];
  try {
    const origin = { origin: peil.origin };
    // Warm both (JIT, D1 and Durable Object start-up) outside the measurement.
    await cannon(`${peil.origin}/v1/responses`, 200, origin);
    await cannon(`${ceiling.origin}/insert`, 200);
    for (let r = 0; r < ROUNDS; r++) {
      const before = await responsesN(peil.origin);
      const p = await cannon(`${peil.origin}/v1/responses`, INGEST, origin);
      const after = await responsesN(peil.origin);
      const countBefore = (await (await fetch(`${ceiling.origin}/count`)).json()).n;
      const c = await cannon(`${ceiling.origin}/insert`, INGEST);
      const countAfter = (await (await fetch(`${ceiling.origin}/count`)).json()).n;
      rounds.push({
        peil: { ...p, cubeDelta: after - before, exact: after - before === p.ok && p.non2xx === 0 && p.errors === 0 },
        ceiling: { ...c, rowsDelta: countAfter - countBefore },
      });
      console.log(`bench: ingest round ${r + 1}: Peil ${p.perSecond}/s, ceiling ${c.perSecond}/s`);
    }
  } finally {
    await ceiling.stop();
  }
  const peilRate = round(median(rounds.map((r) => r.peil.perSecond)));
  const ceilingRate = round(median(rounds.map((r) => r.ceiling.perSecond)));
  const data = {
    connections: CONNECTIONS,
    requestsPerRound: INGEST,
    peil: {
      perSecondMedian: peilRate,
      p50Ms: median(rounds.map((r) => r.peil.latencyMs.p50)),
      p99Ms: median(rounds.map((r) => r.peil.latencyMs.p99)),
    },
    ceiling: {
      perSecondMedian: ceilingRate,
      p50Ms: median(rounds.map((r) => r.ceiling.latencyMs.p50)),
      p99Ms: median(rounds.map((r) => r.ceiling.latencyMs.p99)),
    },
    // Each round runs Peil and the ceiling back to back, so their ratio shares that moment's load.
    ratio: round(median(rounds.map((r) => r.peil.perSecond / r.ceiling.perSecond)), 2),
    exactCount: rounds.every((r) => r.peil.exact),
    // Rows in the ledger against the cube's own respondent count, after every round.
    integrity: await integrity(peil.origin),
    rounds,
  };
  const sent = rounds.reduce((s, r) => s + r.peil.ok, 0);
  const counted = rounds.reduce((s, r) => s + r.peil.cubeDelta, 0);
  await save('ingest', data, [
    [
      `Ingest, POST /v1/responses (${CONNECTIONS} connections)`,
      `${data.peil.perSecondMedian} /s · p50 ${ms(data.peil.p50Ms)} · p99 ${ms(data.peil.p99Ms)}`,
      `${round(data.ratio * 100, 0)}% of the ceiling (median of per-round ratios)`,
    ],
    [
      'Ceiling: bare Worker route, one Durable Object row',
      `${data.ceiling.perSecondMedian} /s · p50 ${ms(data.ceiling.p50Ms)} · p99 ${ms(data.ceiling.p99Ms)}`,
      'same run, same machine',
    ],
    [
      'Exact count after ingest',
      `${sent} acknowledged = ${counted} counted (aggregates n); ledger ${data.integrity.responses} rows = cube n ${data.integrity.cube}`,
      data.exactCount && data.integrity.consistent ? 'exact' : 'MISMATCH',
    ],
  ]);
}

async function timedReads(origin, query, budgetMs) {
  const times = [];
  const until = Date.now() + budgetMs;
  await aggregate(origin, query); // warm
  while (times.length < READS && (times.length < 5 || Date.now() < until)) {
    const t = performance.now();
    await aggregate(origin, query);
    times.push(performance.now() - t);
  }
  return { reads: times.length, p50Ms: round(median(times)), p99Ms: round(percentile(times, 99)) };
}

/** 4. Aggregate reads as the ledger grows, seeded through the import (bulk) path. */
async function benchAggregates() {
  const sizes = [1_000, 10_000, 100_000, 1_000_000].filter((s) => s <= MAX);
  if (!sizes.includes(MAX)) sizes.push(MAX);
  const peil = await startPeil(PORT);
  const steps = [];
  let stopped;
  let seedMs = 0;
  try {
    let stored = 0;
    const deadline = Date.now() + SEED_BUDGET_MS;
    for (const size of sizes) {
      const rate = stored > 0 ? stored / seedMs : undefined;
      if (rate && seedMs + (size - stored) / rate > SEED_BUDGET_MS) {
        stopped = `seeding to ${size.toLocaleString('en')} would take about ${round((size - stored) / rate / 60_000)} more minutes at ${round(rate * 1000, 0)} rows/s (BENCH_SEED_BUDGET_S=${SEED_BUDGET_MS / 1000})`;
        console.log(`bench: ${stopped}`);
        break;
      }
      const t = Date.now();
      stored += await seed(peil.origin, size - stored, { deadline });
      seedMs += Date.now() - t;
      const n = await responsesN(peil.origin);
      const plain = await timedReads(peil.origin, '', 60_000);
      const byTeam = await timedReads(peil.origin, '&groupBy=team', 60_000);
      steps.push({ responses: n, seededPerSecond: round(stored / (seedMs / 1000), 0), plain, byTeam });
      console.log(`bench: aggregates at ${n}: p50 ${plain.p50Ms} ms, by team ${byTeam.p50Ms} ms`);
      if (n < size) {
        stopped = `the seeding budget (BENCH_SEED_BUDGET_S=${SEED_BUDGET_MS / 1000}) ran out at ${n.toLocaleString('en')} of ${size.toLocaleString('en')} responses`;
        console.log(`bench: ${stopped}`);
        break;
      }
    }
  } finally {
    await peil.stop();
  }
  const first = steps[0];
  const last = steps[steps.length - 1];
  const data = {
    steps,
    stopped,
    ratioLargestSmallest: {
      plainP50: round(last.plain.p50Ms / first.plain.p50Ms, 2),
      byTeamP50: round(last.byTeam.p50Ms / first.byTeam.p50Ms, 2),
    },
  };
  await save('aggregates', data, [
    ...steps.map((s) => [
      `GET /v1/aggregates at ${s.responses.toLocaleString('en')} responses`,
      `p50 ${ms(s.plain.p50Ms)} · p99 ${ms(s.plain.p99Ms)}`,
      `groupBy=team: p50 ${ms(s.byTeam.p50Ms)} · p99 ${ms(s.byTeam.p99Ms)}`,
    ]),
    [
      `Aggregate read, ${last.responses.toLocaleString('en')} / ${first.responses.toLocaleString('en')} responses`,
      `${data.ratioLargestSmallest.plainP50}× (p50)`,
      `groupBy=team ${data.ratioLargestSmallest.byTeamP50}×${stopped ? ` · stopped early: ${stopped}` : ''}`,
    ],
  ]);
}

/** A live connection that keeps the aggregates it receives, with a wait for the next one that fits. */
function liveSocket(url, token) {
  const state = { messages: [], wake: () => {} };
  const ws = new WebSocket(url, ['peil.v1', `bearer.${token}`]);
  ws.on('message', (data) => {
    const m = JSON.parse(String(data));
    if (m.type === 'aggregate') {
      state.messages.push({ at: performance.now(), n: m.n, release: m.disclosure?.release });
      state.wake();
    }
  });
  ws.on('close', () => state.wake());
  ws.on('error', () => state.wake());
  const next = (pred, timeoutMs = 10_000) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      const check = () => {
        const m = state.messages.find(pred);
        if (m || ws.readyState >= WebSocket.CLOSING) {
          clearTimeout(timer);
          resolve(m);
        } else state.wake = check;
      };
      check();
    });
  return { ws, state, next };
}

async function submit(origin) {
  const t = performance.now();
  const res = await fetch(`${origin}/v1/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify(submission()),
  });
  if (res.status !== 201) throw new Error(`submit ${res.status}: ${await res.text()}`);
  return { t, acked: performance.now() - t };
}

/**
 * 5. From a submission to the dashboard's WebSocket message that counts it: the admin's feed gets
 * every submission; a partner viewer's only a release, so for the viewer this times the k-th new
 * response of its selection to the message that shows it.
 */
async function benchLive(peil) {
  const url = `${peil.origin.replace('http', 'ws')}/v1/live?questionnaire=${QUESTIONNAIRE}`;
  const live = [];
  const ack = [];
  let reconnects = 0;
  let admin;
  // A dashboard connection; when it drops (wrangler reloads the worker when a source file changes),
  // the sample in progress is measured again on a new one.
  try {
    admin = liveSocket(url, ADMIN);
    let n = (await admin.next(() => true))?.n;
    while (live.length < LIVE) {
      if (n === undefined || admin.ws.readyState !== WebSocket.OPEN) {
        if (++reconnects > 5) throw new Error('the live connection kept dropping');
        admin.ws.terminate();
        admin = liveSocket(url, ADMIN);
        n = (await admin.next(() => true))?.n;
        continue;
      }
      const { t, acked } = await submit(peil.origin);
      const m = await admin.next((x) => x.n >= n + 1);
      n = m?.n;
      if (!m) continue;
      ack.push(acked);
      live.push(m.at - t);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    admin?.ws.terminate();
  }

  // The viewer: submissions one at a time; the one after which a release arrives is its k-th. An
  // admin feed beside it tells when the push of each submission has gone out (both go in one push).
  // Every local submission comes from one address, which burst holds would keep out of the viewer's
  // figures after the third: register the demo site key as a kiosk (many clients, one address).
  const kiosk = await fetch(`${peil.origin}/v1/gemeenten/demo/site-keys/demo-site`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ kiosk: true }),
  });
  if (!kiosk.ok) throw new Error(`could not mark the demo site key as a kiosk: ${kiosk.status}`);
  const viewerLive = [];
  const between = [];
  const viewer = liveSocket(url, 'demo-viewer');
  const witness = liveSocket(url, ADMIN);
  try {
    if (!(await viewer.next(() => true)) || !(await witness.next(() => true))) throw new Error('no first live message');
    let seen = viewer.state.messages.length;
    let n = witness.state.messages[witness.state.messages.length - 1].n;
    let sent = 0;
    while (viewerLive.length < LIVE_RELEASES) {
      const { t } = await submit(peil.origin);
      sent++;
      const pushed = await witness.next((x) => x.n >= n + 1);
      if (pushed) n = pushed.n;
      const m = await viewer.next(() => viewer.state.messages.length > seen, 300);
      if (m) {
        const last = viewer.state.messages[viewer.state.messages.length - 1];
        seen = viewer.state.messages.length;
        viewerLive.push(last.at - t);
        between.push(sent);
        sent = 0;
      }
      if (sent > 40) throw new Error('no release after 40 new responses');
    }
  } finally {
    viewer.ws.terminate();
    witness.ws.terminate();
  }
  const data = {
    samples: LIVE,
    reconnects,
    coalesceMs: 250,
    liveMs: { p50: round(median(live)), p95: round(percentile(live, 95)) },
    submitAckMs: { p50: round(median(ack)), p95: round(percentile(ack, 95)) },
    viewer: {
      releases: viewerLive.length,
      // The first release may come sooner: responses from the admin phase count towards it.
      submissionsBetweenReleases: between,
      liveMs: { p50: round(median(viewerLive)), max: round(Math.max(...viewerLive)) },
      samplesMs: viewerLive.map((x) => round(x)),
    },
  };
  await save('live', data, [
    [
      'Live: submission → admin dashboard WebSocket message',
      `p50 ${ms(data.liveMs.p50)} · p95 ${ms(data.liveMs.p95)}`,
      'includes the ledger’s 250 ms push coalescing',
    ],
    [
      `Live: k-th new response → partner viewer's message (${viewerLive.length} releases)`,
      `p50 ${ms(data.viewer.liveMs.p50)} · max ${ms(data.viewer.liveMs.max)}`,
      `a release after every ${between.slice(1).join(', ')} new responses (k = 10)`,
    ],
  ]);
}

const CIJFER_WEIGHTS = { 3: 1, 5: 1, 6: 2, 7: 9, 8: 27, 9: 45, 10: 36 };
const STELLING_WEIGHTS = { helemaal_eens: 35, eens: 45, neutraal: 10, oneens: 5, helemaal_oneens: 2, weet_niet: 3 };
const weighted = (w) => {
  const total = Object.values(w).reduce((s, x) => s + x, 0);
  let r = Math.random() * total;
  for (const [k, x] of Object.entries(w)) if ((r -= x) < 0) return k;
  return Object.keys(w)[0];
};

/** Interviews as a year of a real social team gives them: mostly 8 to 10, most would recommend. */
function realisticLines(count, months) {
  const now = Date.now();
  return Array.from({ length: count }, () =>
    JSON.stringify({
      submissionId: crypto.randomUUID(),
      questionnaireId: QUESTIONNAIRE,
      version: 1,
      channel: weighted({ telefoon: 5, web: 4, papier: 1 }),
      submittedAt: new Date(now - Math.floor(Math.random() * months * 30.4 * 86_400_000)).toISOString(),
      answers: {
        tot_cijfer: Number(weighted(CIJFER_WEIGHTS)),
        mw_serieus: weighted(STELLING_WEIGHTS),
        mw_samen: weighted(STELLING_WEIGHTS),
        res_iets_gehad: weighted(STELLING_WEIGHTS),
        tot_aanraden: weighted({ ja: 90, misschien: 8, nee: 2 }),
      },
      context: { team: weighted({ centrum: 23, crabbehof: 36, krispijn: 21, oost: 12, wielwijk: 26 }) },
    }),
  ).join('\n');
}

const pad2 = (n) => String(n).padStart(2, '0');
const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Whole periods a partner may read: the last 12 months, the last 5 quarters, 2 years, the last twelve months. */
function protectedPeriods() {
  const now = new Date();
  const y = now.getFullYear();
  const m = now.getMonth() + 1;
  const periods = [];
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    const [yy, mm] = [d.getUTCFullYear(), d.getUTCMonth() + 1];
    periods.push({ id: `${yy}-${pad2(mm)}`, from: `${yy}-${pad2(mm)}-01`, to: `${yy}-${pad2(mm)}-${lastDay(yy, mm)}` });
  }
  const q0 = Math.floor((m - 1) / 3) * 3;
  for (let i = 0; i < 5; i++) {
    const d = new Date(Date.UTC(y, q0 - 3 * i, 1));
    const [yy, mm] = [d.getUTCFullYear(), d.getUTCMonth() + 1];
    periods.push({ id: `${yy}-Q${(mm + 2) / 3}`, from: `${yy}-${pad2(mm)}-01`, to: `${yy}-${pad2(mm + 2)}-${lastDay(yy, mm + 2)}` });
  }
  for (const yy of [y - 1, y]) periods.push({ id: String(yy), from: `${yy}-01-01`, to: `${yy}-12-31` });
  const start = new Date(Date.UTC(y, m - 12, 1));
  periods.push({
    id: 'twelve months',
    from: `${start.getUTCFullYear()}-${pad2(start.getUTCMonth() + 1)}-01`,
    to: `${y}-${pad2(m)}-${lastDay(y, m)}`,
  });
  return periods;
}

/** The percentages and means of one aggregate's items, by name, for comparing protected with exact. */
function measures(items) {
  const out = {};
  for (const [id, f] of Object.entries(items)) {
    if (f.suppressed) continue;
    if (f.type === 'cijfer') Object.assign(out, { [`${id}.onvoldoende`]: f.pctOnvoldoende, [`${id}.achtOfHoger`]: f.pctAchtOfHoger });
    if (f.type === 'stelling' || f.type === 'aanraden') for (const [k, v] of Object.entries(f.pct)) out[`${id}.${k}`] = v;
  }
  return out;
}

/**
 * 6. What disclosure control costs: every whole period × every selection a partner may read, exact
 * (admin) against protected (viewer), seeded through the import path. The error of each published
 * percentage in points, by the cell's n; the error of the mean rapportcijfer; how many cells the
 * protected table hides beyond the exact one; and the read time of both.
 */
async function benchDisclosure() {
  const peil = await startPeil(PORT);
  const errors = { all: [], n30: [], n100: [], n300: [] };
  const meanErrors = [];
  let cells = 0;
  const hiddenCells = [];
  let shownBoth = 0;
  const times = { exact: [], protected: [] };
  try {
    for (let done = 0; done < DISCLOSURE; done += 5000) {
      const res = await fetch(`${peil.origin}/v1/import?questionnaire=${QUESTIONNAIRE}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/x-ndjson' },
        body: realisticLines(Math.min(5000, DISCLOSURE - done), 24),
      });
      if (!res.ok) throw new Error(`import ${res.status}: ${await res.text()}`);
    }
    const read = async (token, query) => {
      const t = performance.now();
      const res = await fetch(`${peil.origin}/v1/aggregates?questionnaire=${QUESTIONNAIRE}&${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(`aggregates ${res.status}: ${await res.text()}`);
      const body = await res.json();
      return { body, ms: performance.now() - t };
    };
    // The first protected read releases every cell of the seeded months; time the reads after it.
    await read('demo-viewer', '');
    const slices = [
      '',
      ...['centrum', 'crabbehof', 'krispijn', 'oost', 'wielwijk'].map((t) => `team=${t}`),
      ...['telefoon', 'web', 'papier'].map((c) => `channel=${c}`),
    ];
    for (const p of protectedPeriods()) {
      for (const slice of slices) {
        const query = `from=${p.from}&to=${p.to}${slice ? `&${slice}` : ''}`;
        // Alternate which goes first, so the machine's load falls on both alike.
        const order = cells % 2 ? ['demo-viewer', ADMIN] : [ADMIN, 'demo-viewer'];
        const got = {};
        for (const token of order) {
          const r = await read(token, token === ADMIN ? `${query}&partner=sociaal-team` : query);
          got[token] = r.body;
          times[token === ADMIN ? 'exact' : 'protected'].push(r.ms);
        }
        cells++;
        const exact = got[ADMIN];
        const prot = got['demo-viewer'];
        if (exact.n < 10) continue;
        if (prot.suppressed) {
          hiddenCells.push(`${p.id}${slice ? ` ${slice}` : ''} (n ${exact.n})`);
          continue;
        }
        shownBoth++;
        const e = measures(exact.items);
        const q = measures(prot.items);
        for (const [k, v] of Object.entries(e)) {
          if (q[k] === undefined) continue;
          const base = exact.items[k.split('.')[0]].n;
          const d = Math.abs(q[k] - v);
          errors.all.push(d);
          if (base >= 30) errors.n30.push(d);
          if (base >= 100) errors.n100.push(d);
          if (base >= 300) errors.n300.push(d);
        }
        if (!exact.items.tot_cijfer.suppressed && !prot.items.tot_cijfer.suppressed && exact.items.tot_cijfer.n >= 30) {
          meanErrors.push(Math.abs(prot.items.tot_cijfer.mean - exact.items.tot_cijfer.mean));
        }
      }
    }
  } finally {
    await peil.stop();
  }
  const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const stats = (xs) => ({
    figures: xs.length,
    meanPoints: round(mean(xs), 2),
    p95Points: round(percentile(xs, 95), 1),
    maxPoints: round(Math.max(...xs), 1),
  });
  const data = {
    responses: DISCLOSURE,
    cells,
    shownBoth,
    hiddenOnlyForProtected: hiddenCells.length,
    hiddenCells,
    percentagePoints: { all: stats(errors.all), n30: stats(errors.n30), n100: stats(errors.n100), n300: stats(errors.n300) },
    meanCijfer: { cells: meanErrors.length, meanAbs: round(mean(meanErrors), 3), max: round(Math.max(...meanErrors), 2) },
    readMs: { exactP50: round(median(times.exact)), protectedP50: round(median(times.protected)) },
  };
  await save('disclosure', data, [
    [
      `Disclosure: protected vs exact percentages, cells with n ≥ 30 (${DISCLOSURE.toLocaleString('en')} responses, ${cells} cells)`,
      `mean ${data.percentagePoints.n30.meanPoints} points · p95 ${data.percentagePoints.n30.p95Points} · max ${data.percentagePoints.n30.maxPoints}`,
      `n ≥ 100: mean ${data.percentagePoints.n100.meanPoints}; n ≥ 300: mean ${data.percentagePoints.n300.meanPoints}; mean rapportcijfer off by ${data.meanCijfer.meanAbs} on average`,
    ],
    [
      'Disclosure: cells hidden only for the protected audience',
      `${hiddenCells.length} of ${hiddenCells.length + shownBoth} cells with n ≥ 10`,
      `complementary suppression over the whole table; reads p50 ${ms(data.readMs.protectedP50)} protected vs ${ms(data.readMs.exactP50)} exact`,
    ],
  ]);
}

await mkdir(RESULTS, { recursive: true });
if (ONLY.includes('size')) await benchSize();
if (ONLY.some((b) => ['render', 'ingest', 'live'].includes(b))) {
  if (!ONLY.includes('size')) await buildAll();
  const peil = await startPeil(PORT);
  try {
    if (ONLY.includes('render')) await benchRender(peil);
    if (ONLY.includes('live')) await benchLive(peil);
    if (ONLY.includes('ingest')) await benchIngest(peil);
  } finally {
    await peil.stop();
  }
}
if (ONLY.includes('aggregates')) await benchAggregates();
if (ONLY.includes('disclosure')) await benchDisclosure();

// summary.md combines the latest result of every benchmark; rows from an earlier run say so.
const results = [];
for (const name of BENCHES) {
  try {
    results.push(JSON.parse(await readFile(new URL(`${name}.json`, RESULTS), 'utf8')));
  } catch {
    // not run yet
  }
}
const minutes = round((Date.now() - startedAt.getTime()) / 60_000);
const earlier = results.filter((r) => r.date !== meta.date);
const table = [
  `Measured ${meta.date.slice(0, 10)} on ${meta.machine}, Node ${meta.node}, with \`${meta.command}\` (${minutes} min; load average ${meta.loadAverageAtStart.join(' / ')} at start, ${loadavg()
    .map((x) => round(x, 2))
    .join(' / ')} at end). Server, load generator and browser share the machine: read the figures relative to each other.`,
  '',
  '| Benchmark | Result | Note |',
  '|---|---|---|',
  ...results.flatMap((r) => (r.summary ?? []).map((row) => `| ${row.join(' | ')}${r.date !== meta.date ? ' ¹' : ''} |`)),
  '',
  ...(earlier.length
    ? [
        `¹ From an earlier run: ${[...new Set(earlier.map((r) => `${r.date.slice(0, 16).replace('T', ' ')} UTC, \`${r.command}\``))].join('; ')}.`,
        '',
      ]
    : []),
];
await writeFile(new URL('summary.md', RESULTS), table.join('\n'));
console.log('\n' + table.join('\n'));
