// Shared helpers for the project's Node scripts.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const PORT = Number(process.env.PEIL_PORT ?? 8787);
export const ORIGIN = `http://127.0.0.1:${PORT}`;

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
 * Applies D1 migrations and seeds the demo gemeente into the local state in `persistTo` (or .wrangler/).
 * @param {{ persistTo?: string, quiet?: boolean, extraSql?: string }} [opts]
 */
export async function prepareLocal({ persistTo, quiet = true, extraSql = '' } = {}) {
  const persist = persistTo ? ['--persist-to', persistTo] : [];
  const env = wranglerEnv({ CI: 'true' });
  await run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', ...persist], { env, quiet });
  const { demoSeed, toSqlScript } = await importTs('worker/seed.ts');
  const dir = await mkdtemp(join(tmpdir(), 'peil-seed-'));
  const file = join(dir, 'seed.sql');
  await writeFile(file, toSqlScript(await demoSeed()) + extraSql);
  await run('npx', ['wrangler', 'd1', 'execute', 'DB', '--local', '--file', file, ...persist], { env, quiet });
}

/** Waits until the health route answers. */
export async function waitForHealth(origin = ORIGIN, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${origin}/v1/health`);
      if (res.ok) return;
    } catch {
      // not up yet
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
