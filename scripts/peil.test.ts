import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands as questionnaires } from './peil/questionnaires.mjs';
import { commands as tenants } from './peil/tenants.mjs';

// The command line as a user runs it, against a small HTTP server that records what it is sent.

interface Sent {
  method: string;
  url: string;
  auth: string | undefined;
  body: unknown;
}

let server: Server;
let base: string;
let sent: Sent[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      sent.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body: text ? JSON.parse(text) : undefined });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ questionnaires: [] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  sent = [];
});

/** Runs `npm run peil -- ...args` with PEIL_URL on the recording server. */
function peil(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { PEIL_TOKEN: _token, PEIL_PORT: _port, ...env } = process.env;
  return new Promise((resolve) => {
    execFile('node', ['scripts/peil.mjs', ...args], { env: { ...env, PEIL_URL: base } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run peil options', () => {
  it('keeps a value with = in it whole, in both option forms', async () => {
    for (const label of [['--label=a=b'], ['--label', 'a=b']]) {
      const r = await peil('token', 'create', 'demo', '--role=viewer', '--partner', 'sociaal-team', ...label);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(sent.map((s) => s.body)).toEqual([
      { role: 'viewer', partner: 'sociaal-team', label: 'a=b' },
      { role: 'viewer', partner: 'sociaal-team', label: 'a=b' },
    ]);
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /v1/gemeenten/demo/tokens', 'POST /v1/gemeenten/demo/tokens']);
  });

  it('reads a boolean option as true when given and false when not', async () => {
    expect((await peil('questionnaire', 'create', 'sociaal-team', '--publish', '--id', 'wijkteam')).code).toBe(0);
    expect((await peil('questionnaire', 'create', 'sociaal-team')).code).toBe(0);
    expect(sent.map((s) => s.body)).toEqual([
      { template: 'sociaal-team', id: 'wijkteam', publish: true },
      { template: 'sociaal-team', publish: false },
    ]);
  });

  it('finds the command after options, and takes --url and --token from the command line', async () => {
    const r = await peil('--gemeente', 'tilburg', '--url', `${base}/`, '--token=secret', 'questionnaire', 'list');
    expect(r.code, r.stderr).toBe(0);
    expect(sent).toEqual([{ method: 'GET', url: '/v1/admin/questionnaires?gemeente=tilburg', auth: 'Bearer secret', body: undefined }]);
  });

  it("sends an invite's page as its url, apart from the API's --url", async () => {
    const r = await peil(
      'invite',
      'create',
      'sociaal-team-kort',
      '--page=https://wijkteam.example/enquete?taal=nl',
      '--count',
      '3',
      `--url=${base}`,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(sent.map((s) => [s.url, s.body])).toEqual([
      ['/v1/invites', { questionnaire: 'sociaal-team-kort', count: 3, url: 'https://wijkteam.example/enquete?taal=nl' }],
    ]);
  });

  it.each([
    [['token', 'create', 'demo', '--role', 'viewer', '--lable', 'x'], /unknown option --lable/],
    [['gemeente', 'create', 'breda', '--name'], /Option '--name <value>' argument missing/],
    [['questionnaire', 'create', 'sociaal-team', '--publish=yes'], /Option '--publish' does not take an argument/],
    [['questionnaire', 'list', '--teams', 'a'], /unknown option --teams/],
  ])('refuses %j with a clear error, the usage, and nothing sent', async (args, message) => {
    const r = await peil(...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^Error: ${message.source}`));
    expect(r.stderr).toContain(`Usage: npm run peil -- ${args[0]} ${args[1]}`);
    expect(sent).toEqual([]);
  });

  it('refuses an unknown command', async () => {
    const r = await peil('token', 'mint', 'demo');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: unknown command "token mint"/);
    expect(sent).toEqual([]);
  });

  it('lists every command with --help, and a command its options', async () => {
    const all = await peil('--help');
    expect(all.code).toBe(0);
    for (const c of Object.values({ ...questionnaires, ...tenants })) expect(all.stdout).toContain(c.usage);
    const one = await peil('token', 'create', '--help');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('Options of token create: --role VALUE, --partner VALUE, --label VALUE');
    expect(one.stdout).toContain('Options of every command: --url VALUE, --token VALUE, --help');
    expect(sent).toEqual([]);
  });

  it('names in each usage line exactly the options the command takes', () => {
    for (const [name, c] of Object.entries({ ...questionnaires, ...tenants })) {
      const named = [...c.usage.matchAll(/--([a-z-]+)/g)].map((m) => m[1]).sort();
      expect(named, name).toEqual(Object.keys(c.options).sort());
    }
  });
});
