// Shared pieces of `npm run bench`: starting the local stack, request bodies, and statistics.
import { spawn } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, serveLocal, wranglerEnv } from '../scripts/lib.mjs';

export const ADMIN = 'demo-admin';
export const QUESTIONNAIRE = 'sociaal-team-kort';
export const TEAMS = ['centrum', 'crabbehof', 'krispijn', 'oost', 'wielwijk'];
const STELLING = ['helemaal_eens', 'eens', 'eens', 'neutraal', 'oneens', 'helemaal_oneens', 'weet_niet'];
const AANRADEN = ['ja', 'ja', 'ja', 'misschien', 'nee'];
const CHANNELS = ['telefoon', 'papier', 'web'];
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];

/** Stops a process started with `detached: true`, with all its children (wrangler forks workerd). */
export function killGroup(child, signal = 'SIGTERM') {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Reads a quiet child's output away, so a full pipe never stalls it under load. */
export function drain(child) {
  child.stdout?.resume();
  child.stderr?.resume();
}

/** Resolves when the process has exited (or at once if it already has). */
export function exited(child) {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
}

/**
 * A fresh Peil on `port` (or a free one): its own state folder, migrated and seeded, the demo site
 * key opened to this origin, rate limiting off.
 */
export async function startPeil(port) {
  const persistTo = await mkdtemp(join(tmpdir(), 'peil-bench-'));
  const { origin, dev } = await serveLocal({ port, persistTo, vars: { PEIL_RATE_LIMIT: '0' } });
  return {
    origin,
    async stop() {
      killGroup(dev);
      await exited(dev);
      await rm(persistTo, { recursive: true, force: true });
    },
  };
}

/** The ceiling worker of bench/ceiling on `port` (or a free one), with its own fresh state. */
export async function startCeiling(port) {
  port ??= await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const persistTo = await mkdtemp(join(tmpdir(), 'peil-ceiling-'));
  const dev = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--config',
      'bench/ceiling/wrangler.toml',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persistTo,
      '--show-interactive-dev-session=false',
    ],
    { env: wranglerEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  drain(dev);
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/count`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`the ceiling worker did not answer on ${origin}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    origin,
    async stop() {
      killGroup(dev);
      await exited(dev);
      await rm(persistTo, { recursive: true, force: true });
    },
  };
}

/**
 * The partner page's origin for the render benchmark, on `port`: it serves `files` (path →
 * {body, contentType}) itself and passes every other request to Peil at `upstream`, so the bench
 * pages, both embeds' files and Peil's API share one origin, and no request waits on the browser
 * driver (as playwright's request interception would make each one do).
 */
export async function startBenchOrigin(port, upstream, files) {
  const agent = new Agent({ keepAlive: true });
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const file = files.get(new URL(req.url, 'http://x').pathname);
    if (file) {
      res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length, 'Cache-Control': 'no-cache' });
      return res.end(file.body);
    }
    const out = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    req.pipe(out);
  });
  // Port 0 lets the OS choose a free one.
  await new Promise((resolve, reject) => server.once('error', reject).listen(port ?? 0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    async stop() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A valid web submission of the short questionnaire. */
export function submission(submissionId = randomUUID(), team = pick(TEAMS)) {
  return {
    siteKey: 'demo-site',
    submissionId,
    questionnaireId: QUESTIONNAIRE,
    version: 1,
    answers: {
      tot_cijfer: 1 + Math.floor(Math.random() * 10),
      mw_serieus: pick(STELLING),
      mw_samen: pick(STELLING),
      res_iets_gehad: pick(STELLING),
      tot_aanraden: pick(AANRADEN),
    },
    context: { team },
  };
}

/**
 * `count` NDJSON import lines spread over the two years before `end` and over the five teams and
 * three channels; one in five carries an open answer, as real forms do.
 */
export function importLines(count, end = Date.now()) {
  const span = 730 * 86_400_000;
  const lines = new Array(count);
  for (let i = 0; i < count; i++) {
    const { siteKey: _omit, ...line } = submission();
    line.channel = pick(CHANNELS);
    line.submittedAt = new Date(end - Math.floor(Math.random() * span)).toISOString();
    if (i % 5 === 0) line.answers.tot_beter = 'Sneller terugbellen zou fijn zijn.';
    lines[i] = JSON.stringify(line);
  }
  return lines.join('\n') + '\n';
}

/**
 * Imports `count` generated responses in NDJSON batches; returns how many the ledger holds from them.
 * The import is idempotent per submissionId, so a batch cut off by a worker restart is sent again as is.
 * Stops early, between batches, once `deadline` (epoch ms) has passed.
 * Batches stay at 5,000 lines (about 1.3 MB): 20,000-line batches restarted the worker here.
 */
export async function seed(origin, count, { batch = 5_000, deadline = Infinity } = {}) {
  let stored = 0;
  for (let done = 0; done < count && Date.now() < deadline; done += batch) {
    const body = importLines(Math.min(batch, count - done));
    for (let attempt = 1; ; attempt++) {
      let res;
      try {
        res = await fetch(`${origin}/v1/import?questionnaire=${QUESTIONNAIRE}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/x-ndjson' },
          body,
        });
      } catch (err) {
        if (attempt >= 5) throw err;
      }
      if (res?.ok) {
        const out = await res.json();
        if (out.refused) throw new Error(`import refused ${out.refused} lines: ${JSON.stringify(out.refusedLines[0])}`);
        stored += out.accepted;
        break;
      }
      const text = res ? await res.text() : '';
      if (res && (res.status < 500 || attempt >= 5)) throw new Error(`import ${res.status}: ${text.slice(0, 500)}`);
      console.log(`bench: import batch failed (${res?.status ?? 'network'}), sending it again`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  return stored;
}

/** The aggregate of the short questionnaire (admin), optionally with extra query parameters. */
export async function aggregate(origin, query = '') {
  const res = await fetch(`${origin}/v1/aggregates?questionnaire=${QUESTIONNAIRE}${query}`, {
    headers: { Authorization: `Bearer ${ADMIN}` },
  });
  if (!res.ok) throw new Error(`aggregates ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Stored rows against the cube's respondent count (admin integrity route). */
export async function integrity(origin, questionnaire = 'sociaal-team-kort') {
  const res = await fetch(`${origin}/v1/admin/questionnaires/${questionnaire}/integrity`, {
    headers: { Authorization: 'Bearer demo-admin' },
  });
  if (!res.ok) throw new Error(`integrity: HTTP ${res.status}`);
  return res.json();
}

export async function responsesN(origin) {
  return (await aggregate(origin)).n;
}

/** The p-th percentile (0–100) of numbers, nearest rank. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** The median; the mean of the middle two for an even count. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
export const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
