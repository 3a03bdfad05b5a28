// npm run peil -- <command> [args]: the admin API from the command line, for a local or deployed Peil.
// Commands live in scripts/peil/*.mjs, each exporting `commands`:
//   { 'group verb': { usage: 'group verb <arg> [--flag value]', help: 'one line', run: async (args, api) => result } }
// `args` is { _: positional[], flag: value }; `api.request(method, path, body?, { contentType })` returns parsed JSON
// or throws with the API's error code. The result is printed as JSON (or as given when a string).
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ORIGIN } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2);
      args[k] = inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
    } else args._.push(a);
  }
  return args;
}

export function client(base, token) {
  return {
    base,
    async request(method, path, body, { contentType = 'application/json', raw = false } = {}) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'Content-Type': contentType } : {}),
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      if (raw && res.ok) return res.text();
      const text = await res.text();
      let data;
      try {
        data = text ? JSON.parse(text) : null;
      } catch {
        data = text;
      }
      if (!res.ok) {
        const e = data?.error;
        const err = new Error(e ? `${e.code}: ${e.message}` : `HTTP ${res.status}`);
        err.details = e?.issues;
        throw err;
      }
      return data;
    },
  };
}

async function loadCommands() {
  const all = {};
  for (const f of (await readdir(join(here, 'peil'))).filter((f) => f.endsWith('.mjs')).sort()) {
    Object.assign(all, (await import(pathToFileURL(join(here, 'peil', f)).href)).commands);
  }
  return all;
}

function usage(commands) {
  const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(64)} ${c.help}`);
  return `Usage: npm run peil -- <command> [--url URL] [--token TOKEN]

Talks to the Peil API at --url (default $PEIL_URL, else the local Peil at ${ORIGIN}; PEIL_PORT moves it) with --token
(default $PEIL_TOKEN, or demo-admin against a local Peil). Locally the demo tokens are demo-admin
and demo-operator.

Commands:
${lines.join('\n')}`;
}

const commands = await loadCommands();
const args = parseArgs(process.argv.slice(2));
const name = [args._[0], args._[1]].filter(Boolean).join(' ');
const cmd = commands[name];
if (!cmd || args.help) {
  console.log(usage(commands));
  process.exit(cmd || args.help || args._.length === 0 ? 0 : 1);
}
args._ = args._.slice(2);
const base = (args.url ?? process.env.PEIL_URL ?? ORIGIN).replace(/\/+$/, '');
// Against the local demo the demo admin token is the sensible default; elsewhere a token must be given.
const local = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(base);
const api = client(base, args.token ?? process.env.PEIL_TOKEN ?? (local ? 'demo-admin' : undefined));
try {
  const result = await cmd.run(args, api);
  if (result !== undefined) console.log(typeof result === 'string' ? result : JSON.stringify(result, null, 2));
} catch (err) {
  console.error(`Error: ${err.message}`);
  if (err.details) console.error(JSON.stringify(err.details, null, 2));
  process.exit(1);
}
