// Fault drills against the real local stack: duplicates at once, a killed server mid-load, and a
// flood of malformed requests. The widget's own drill (network cut mid-submit) is in
// widget-resilience.test.ts.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLocal, startDev, waitForHealth } from '../../scripts/lib.mjs';
import { startStack, type Stack } from './stack.js';

const QUESTIONNAIRE = 'sociaal-team-kort';

function submission(submissionId = randomUUID()) {
  return {
    siteKey: 'demo-site',
    submissionId,
    questionnaireId: QUESTIONNAIRE,
    version: 1,
    answers: { tot_cijfer: 7, tot_aanraden: 'ja', mw_serieus: 'eens' },
    context: { team: 'krispijn' },
  };
}

function submit(origin: string, body: unknown): Promise<Response> {
  return fetch(`${origin}/v1/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify(body),
  });
}

/** Respondents counted in the cube, as the gemeente's dashboard reads them. */
async function counted(origin: string): Promise<number> {
  const res = await fetch(`${origin}/v1/aggregates?questionnaire=${QUESTIONNAIRE}`, { headers: { Authorization: 'Bearer demo-admin' } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { n: number }).n;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** `wrangler dev` with its output read away, so a full pipe never stalls it under load. */
function startQuietDev(port: number, persistTo: string, vars: Record<string, string>): ChildProcess {
  const dev = startDev({ port, persistTo, quiet: true, vars });
  dev.stdout?.resume();
  dev.stderr?.resume();
  return dev;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));

describe('on a running stack', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ PEIL_RATE_LIMIT: '0' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('counts five identical submissions sent at once exactly once', async () => {
    const before = await counted(stack.origin);
    const body = submission();
    const answers = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const res = await submit(stack.origin, body);
        return { status: res.status, body: (await res.json()) as { submissionId: string; status: string; receivedOn: string } };
      }),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(answers.filter((a) => a.body.status === 'stored')).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.receivedOn)).size).toBe(1);
    expect(answers.every((a) => a.body.submissionId === body.submissionId)).toBe(true);
    expect((await counted(stack.origin)) - before).toBe(1);
  });

  it('answers 1,000 malformed requests with typed 4xx errors and stores nothing', async () => {
    const origin = stack.origin;
    const before = await counted(origin);
    const json = { 'Content-Type': 'application/json', Origin: origin };
    const post = (body: BodyInit, headers: Record<string, string> = json) => ({
      path: '/v1/responses',
      init: { method: 'POST', headers, body },
    });
    const withSubmission = (change: (s: Record<string, any>) => void) => {
      const s: Record<string, any> = submission();
      change(s);
      return post(JSON.stringify(s));
    };
    const kinds: { name: string; make: () => { path: string; init: RequestInit } }[] = [
      // not JSON at all
      { name: 'truncated json', make: () => post(JSON.stringify(submission()).slice(0, 40)) },
      { name: 'empty body', make: () => post('') },
      { name: 'not utf-8', make: () => post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])) },
      { name: 'json array', make: () => post('[1,2,3]') },
      { name: 'json null', make: () => post('null') },
      // wrong types and values
      { name: 'numeric submissionId', make: () => withSubmission((s) => (s.submissionId = 12345)) },
      { name: 'non-uuid submissionId', make: () => withSubmission((s) => (s.submissionId = 'not-a-uuid')) },
      { name: 'cijfer as text', make: () => withSubmission((s) => (s.answers.tot_cijfer = 'acht')) },
      { name: 'cijfer out of range', make: () => withSubmission((s) => (s.answers.tot_cijfer = 11)) },
      { name: 'cijfer not whole', make: () => withSubmission((s) => (s.answers.tot_cijfer = 7.5)) },
      { name: 'stelling unknown value', make: () => withSubmission((s) => (s.answers.mw_serieus = 'misschien')) },
      { name: 'version as text', make: () => withSubmission((s) => (s.version = '1')) },
      { name: 'answers as list', make: () => withSubmission((s) => (s.answers = [8, 'ja'])) },
      { name: 'extra field', make: () => withSubmission((s) => (s.ip = '10.0.0.1')) },
      { name: 'context unknown field', make: () => withSubmission((s) => (s.context.bsn = '123456782')) },
      // too big
      { name: 'huge open answer', make: () => withSubmission((s) => (s.answers.tot_beter = 'x'.repeat(17_000))) },
      { name: 'huge padding', make: () => post(JSON.stringify({ ...submission(), pad: 'y'.repeat(40_000) })) },
      // unknown ids
      { name: 'unknown site key', make: () => withSubmission((s) => (s.siteKey = 'no-such-site')) },
      { name: 'unknown questionnaire', make: () => withSubmission((s) => (s.questionnaireId = 'no-such-questionnaire')) },
      { name: 'unknown version', make: () => withSubmission((s) => (s.version = 99)) },
      { name: 'unknown item', make: () => withSubmission((s) => (s.answers.no_such_item = 3)) },
      { name: 'unknown team', make: () => withSubmission((s) => (s.context.team = 'atlantis')) },
      // origins
      {
        name: 'foreign origin',
        make: () => post(JSON.stringify(submission()), { 'Content-Type': 'application/json', Origin: 'https://evil.example' }),
      },
      { name: 'no origin', make: () => post(JSON.stringify(submission()), { 'Content-Type': 'application/json' }) },
      // content types
      {
        name: 'form encoded',
        make: () =>
          post(`payload=${encodeURIComponent(JSON.stringify(submission()))}`, {
            'Content-Type': 'application/x-www-form-urlencoded',
            Origin: origin,
          }),
      },
      { name: 'html content type', make: () => post(JSON.stringify(submission()), { 'Content-Type': 'text/html', Origin: origin }) },
      { name: 'no content type', make: () => post(new Blob([JSON.stringify(submission())]), { Origin: origin }) },
      // tokens
      { name: 'aggregates without token', make: () => ({ path: `/v1/aggregates?questionnaire=${QUESTIONNAIRE}`, init: {} }) },
      {
        name: 'aggregates wrong token',
        make: () => ({ path: `/v1/aggregates?questionnaire=${QUESTIONNAIRE}`, init: { headers: { Authorization: 'Bearer demo-wrong' } } }),
      },
      {
        name: 'aggregates malformed auth',
        make: () => ({ path: `/v1/aggregates?questionnaire=${QUESTIONNAIRE}`, init: { headers: { Authorization: 'Basic ZGVtbzpkZW1v' } } }),
      },
      {
        name: 'aggregates bad query',
        make: () => ({
          path: '/v1/aggregates?questionnaire=../../etc&groupBy=everything',
          init: { headers: { Authorization: 'Bearer demo-admin' } },
        }),
      },
      {
        name: 'import without token',
        make: () => ({
          path: `/v1/import?questionnaire=${QUESTIONNAIRE}`,
          init: {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-ndjson' },
            body: JSON.stringify({ ...submission(), siteKey: undefined, channel: 'telefoon' }),
          },
        }),
      },
      {
        name: 'import as viewer',
        make: () => ({
          path: `/v1/import?questionnaire=${QUESTIONNAIRE}`,
          init: {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-ndjson', Authorization: 'Bearer demo-viewer' },
            body: JSON.stringify({ ...submission(), siteKey: undefined, channel: 'telefoon' }),
          },
        }),
      },
      {
        name: 'wrong method',
        make: () => ({ path: '/v1/responses', init: { method: 'PUT', headers: json, body: JSON.stringify(submission()) } }),
      },
    ];

    const TOTAL = 1000;
    const outcomes: { kind: string; status: number; code: unknown }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < TOTAL) {
        const kind = kinds[next++ % kinds.length];
        const { path, init } = kind.make();
        const res = await fetch(`${origin}${path}`, init);
        const text = await res.text();
        let code: unknown;
        try {
          code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
        } catch {
          code = undefined;
        }
        outcomes.push({ kind: kind.name, status: res.status, code });
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));

    expect(outcomes).toHaveLength(TOTAL);
    const wrong = outcomes.filter((o) => o.status < 400 || o.status >= 500 || typeof o.code !== 'string');
    // Listed by kind so a failure names what went wrong, not just how many.
    expect([...new Set(wrong.map((o) => `${o.kind}: ${o.status} ${String(o.code)}`))]).toEqual([]);
    expect(await counted(origin)).toBe(before);
  });
});

describe('wrangler dev killed during a load run', () => {
  let port: number;
  let origin: string;
  let persistTo: string;
  let dev: ChildProcess | undefined;
  const vars = { PEIL_RATE_LIMIT: '0' };

  beforeAll(async () => {
    persistTo = await mkdtemp(join(tmpdir(), 'peil-drill-'));
    ({ port, origin, dev } = await serveLocal({ persistTo, vars }));
  });
  afterAll(async () => {
    if (dev) {
      killGroup(dev, 'SIGTERM');
      await exited(dev);
    }
    await rm(persistTo, { recursive: true, force: true });
  });

  it('keeps every acknowledged response exactly once when clients retry the same ids', async () => {
    const SENT = 240;
    const before = await counted(origin);
    const bodies = Array.from({ length: SENT }, () => submission());
    const acknowledged = new Map<string, string>();
    let failures = 0;
    let next = 0;
    let killedAt = -1;

    // Each client retries its current submission, unchanged, until the server acknowledges it.
    const sendUntilAcknowledged = async (body: ReturnType<typeof submission>) => {
      for (;;) {
        try {
          const res = await submit(origin, body);
          if (res.status === 200 || res.status === 201) {
            return { status: res.status, body: (await res.json()) as { status: string; receivedOn: string } };
          }
          // Only a server that is going away or coming back may refuse a valid submission.
          expect([500, 502, 503, 504]).toContain(res.status);
          await res.body?.cancel();
        } catch (err) {
          if ((err as Error).name === 'AssertionError') throw err;
        }
        failures++;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    // Eight clients at a time, each taking the next piece of work until none is left.
    const clients = (work: () => Promise<boolean>) =>
      Promise.all(
        Array.from({ length: 8 }, async () => {
          while (await work());
        }),
      );
    const sendAll = async () =>
      clients(async () => {
        if (next >= SENT) return false;
        const body = bodies[next++];
        acknowledged.set(body.submissionId, (await sendUntilAcknowledged(body)).body.receivedOn);
        return true;
      });

    const drill = async () => {
      while (acknowledged.size < SENT / 4) await new Promise((r) => setTimeout(r, 5));
      killedAt = acknowledged.size;
      killGroup(dev!, 'SIGKILL');
      await exited(dev!);
      await new Promise((r) => setTimeout(r, 1000));
      // The same port again: the clients keep retrying the origin they know.
      dev = startQuietDev(port, persistTo, vars);
      await waitForHealth(origin, 120_000, dev);
    };

    await Promise.all([drill(), sendAll()]);

    // The drill did interrupt the load: the kill came mid-run and some requests failed.
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(SENT);
    expect(failures).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(SENT);
    // Present: every acknowledged id is already stored, on the day it was acknowledged with.
    const repeats: { id: string; status: number; body: { status: string; receivedOn: string } }[] = [];
    let at = 0;
    await clients(async () => {
      if (at >= SENT) return false;
      const b = bodies[at++];
      repeats.push({ id: b.submissionId, ...(await sendUntilAcknowledged(b)) });
      return true;
    });
    expect(repeats).toHaveLength(SENT);
    expect(repeats.filter((r) => r.status !== 200 || r.body.status !== 'duplicate').map((r) => r.id)).toEqual([]);
    expect(repeats.filter((r) => r.body.receivedOn !== acknowledged.get(r.id)).map((r) => r.id)).toEqual([]);
    // Exactly once: the cube counts each id one time.
    expect((await counted(origin)) - before).toBe(SENT);
  });
});
