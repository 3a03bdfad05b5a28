// npm run peil -- <command> [args]: the admin API from the command line, for a local or deployed Peil.
// Commands live in scripts/peil/*.mjs, each exporting `commands`:
//   { 'group verb': { usage: 'group verb <arg> [--flag VALUE]', help: 'one line', options: { flag: { type: 'string' } },
//     run: async (args, api) => result } }
// `options` is a node:util parseArgs configuration; `args` is { _: positional[], flag: value } (a string, or
// true for a boolean option). `api.request(method, path, body?, { contentType })` returns parsed JSON or throws
// with the API's error code. The result is printed as JSON (or as given when a string).
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ORIGIN } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Options every command takes. */
const GLOBAL = {
  url: { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** A mistake in the command line itself: reported with the usage, and nothing is sent. */
class UsageError extends Error {}

/** `--x=y` and `--x y` alike; an option the command does not know is an error. */
function parse(argv, options, strict = true) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict, allowPositionals: true });
    return { ...values, _: positionals };
  } catch (err) {
    if (!String(err.code).startsWith('ERR_PARSE_ARGS')) throw err;
    const unknown = err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && /'(-[^']*)'/.exec(err.message)?.[1];
    throw new UsageError(unknown ? `unknown option ${unknown}` : err.message);
  }
}

const flags = (options) => Object.entries(options).map(([k, o]) => `--${k}${o.type === 'string' ? ' VALUE' : ''}`);

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

Talks to the Peil API at --url (default $PEIL_URL, else the local Peil at ${ORIGIN}; PEIL_PORT moves it)
with --token (default $PEIL_TOKEN, or demo-admin against a local Peil). Locally the demo tokens are
demo-admin and demo-operator. Options take their value as --name VALUE or --name=VALUE;
npm run peil -- <command> --help lists a command's options.

Commands:
${lines.join('\n')}`;
}

function commandUsage(name, cmd) {
  return `Usage: npm run peil -- ${cmd.usage}

${cmd.help}

Options of ${name}: ${flags(cmd.options ?? {}).join(', ') || 'none'}
Options of every command: ${flags(GLOBAL).join(', ')}`;
}

const commands = await loadCommands();
const argv = process.argv.slice(2);
// A lenient first pass only finds the command; it knows every command's options, so that an option's
// value is never taken for the command's name.
const everyOption = Object.assign({}, GLOBAL, ...Object.values(commands).map((c) => c.options));
const first = parse(argv, everyOption, false);
const name = first._.slice(0, 2).join(' ');
const cmd = commands[name];
if (!cmd) {
  if (first._.length === 0) {
    console.log(usage(commands));
    process.exit(0);
  }
  console.error(`Error: unknown command "${name}"\n\n${usage(commands)}`);
  process.exit(1);
}
let args;
try {
  args = parse(argv, { ...GLOBAL, ...cmd.options });
} catch (err) {
  if (!(err instanceof UsageError)) throw err;
  console.error(`Error: ${err.message}\n\n${commandUsage(name, cmd)}`);
  process.exit(1);
}
if (args.help) {
  console.log(commandUsage(name, cmd));
  process.exit(0);
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
