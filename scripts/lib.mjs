// Shared helpers for the project's Node scripts.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The port of the local demo (`npm start`); the demo site key, `npm run demo-data` and the CLI follow it. */
export const PORT = Number(process.env.PEIL_PORT ?? 8787);
export const ORIGIN = localOrigin(PORT);

/** Where a local Peil on `port` answers. */
export function localOrigin(port) {
  return `http://127.0.0.1:${port}`;
}

/** A port the OS reports free right now: listen on port 0, read the port, close. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Environment for wrangler: no metrics, and its debug log out of the project. */
export function wranglerEnv(extra = {}) {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_LOG_PATH: process.env.WRANGLER_LOG_PATH ?? join(tmpdir(), 'peil-wrangler-logs'),
    ...extra,
  };
}

/** Imports a TypeScript module of the project into Node by bundling it first. */
export async function importTs(entry) {
  const dir = await mkdtemp(join(tmpdir(), 'peil-ts-'));
  const outfile = join(dir, 'module.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return import(pathToFileURL(outfile).href);
}

/** Runs a command, streaming its output; rejects when it fails. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...opts });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${out}`))));
  });
}

/**
 * Applies D1 migrations and seeds the demo gemeente into the local state in `persistTo` (or .wrangler/),
 * with the demo site key open to the origins of `port`.
 * @param {{ persistTo?: string, quiet?: boolean, port?: number }} [opts]
 */
export async function prepareLocal({ persistTo, quiet = true, port = PORT } = {}) {
  const persist = persistTo ? ['--persist-to', persistTo] : [];
  const env = wranglerEnv({ CI: 'true' });
  await run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', ...persist], { env, quiet });
  const { demoSeed, toSqlScript } = await importTs('worker/seed.ts');
  const dir = await mkdtemp(join(tmpdir(), 'peil-seed-'));
  const file = join(dir, 'seed.sql');
  await writeFile(file, toSqlScript(await demoSeed(port)));
  await run('npx', ['wrangler', 'd1', 'execute', 'DB', '--local', '--file', file, ...persist], { env, quiet });
}

/**
 * Waits until the health route answers. With `server`, gives up as soon as that process exits, so a
 * server that could not start is never mistaken for another one answering on the same port.
 * @param {string} [origin]
 * @param {number} [timeoutMs]
 * @param {import('node:child_process').ChildProcess} [server]
 */
export async function waitForHealth(origin = ORIGIN, timeoutMs = 120_000, server = undefined) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server && (server.exitCode !== null || server.signalCode !== null)) {
      throw new Error(`the server for ${origin} exited (${server.exitCode ?? server.signalCode}) before it answered`);
    }
    // Each try is bounded: something that accepts the connection and never answers must not hang us.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 5000);
    try {
      const res = await fetch(`${origin}/v1/health`, { signal: abort.signal });
      if (res.ok) return;
    } catch {
      // not up yet
    } finally {
      clearTimeout(timer);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Peil did not answer on ${origin} within ${timeoutMs / 1000} s`);
}

/**
 * Starts `wrangler dev` on the port; returns the child process.
 * @param {{ port?: number, persistTo?: string, vars?: Record<string, string>, quiet?: boolean }} [opts]
 */
export function startDev({ port = PORT, persistTo, vars = {}, quiet = false } = {}) {
  const args = ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--show-interactive-dev-session=false'];
  if (persistTo) args.push('--persist-to', persistTo);
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);
  return spawn('npx', args, {
    env: wranglerEnv(),
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
}

/**
 * Migrates, seeds and serves a local Peil (its output read away) whose demo site key is open to its
 * own origin. Without `port` it asks the OS for a free one, and takes another when `wrangler dev`
 * finds it taken after all (someone bound it in between).
 * @param {{ port?: number, persistTo?: string, vars?: Record<string, string> }} [opts]
 * @returns {Promise<{ port: number, origin: string, dev: import('node:child_process').ChildProcess }>}
 */
export async function serveLocal({ port, persistTo, vars = {} } = {}) {
  for (let attempt = 1; ; attempt++) {
    const p = port ?? (await freePort());
    await prepareLocal({ persistTo, port: p });
    const dev = startDev({ port: p, persistTo, vars, quiet: true });
    // Read the output away (an unread pipe fills up under load and stalls the server), keeping its tail.
    let tail = '';
    const keep = (d) => (tail = (tail + d).slice(-4000));
    dev.stdout?.on('data', keep);
    dev.stderr?.on('data', keep);
    try {
      await waitForHealth(localOrigin(p), 120_000, dev);
      dev.stdout?.off('data', keep).resume();
      dev.stderr?.off('data', keep).resume();
      return { port: p, origin: localOrigin(p), dev };
    } catch (err) {
      try {
        process.kill(-dev.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      if (port === undefined && attempt < 5 && /address already in use/i.test(tail)) continue;
      throw new Error(`${err.message}\n${tail}`, { cause: err });
    }
  }
}

/**
 * A fresh one-time setup link for the demo beheerder, made through the API like any invite. It names
 * localhost: a passkey's relying party must be a host name, never an IP address.
 */
export async function demoSetupLink(port) {
  const api = `http://localhost:${port}/v1/gemeenten/demo/accounts`;
  const headers = { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' };
  const email = 'beheerder@demo.peil.local';
  const made = await fetch(api, { method: 'POST', headers, body: JSON.stringify({ name: 'Demo beheerder', email, role: 'beheerder' }) });
  if (made.status === 201) return (await made.json()).setupUrl;
  const { accounts } = await (await fetch(api, { headers })).json();
  const account = accounts.find((a) => a.email === email);
  const link = await fetch(`${api}/${account.id}/setup`, { method: 'POST', headers });
  return (await link.json()).setupUrl;
}
