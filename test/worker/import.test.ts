import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ledgerFor } from '../../worker/ledger-stub.js';
import { MAX_IMPORT_LINE_BYTES, REFUSED_LINES_LISTED } from '../../worker/routes/import.js';
import { call } from './helpers.js';

const Q = 'sociaal-team-kort';
const counts = () => ledgerFor(env, 'demo', Q).counts();

const line = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    submissionId: crypto.randomUUID(),
    questionnaireId: Q,
    version: 1,
    channel: 'telefoon',
    answers: { tot_cijfer: 7, tot_aanraden: 'ja' },
    context: { team: 'oost' },
    ...over,
  });

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return call(`/v1/import?questionnaire=${Q}`, {
    method: 'POST',
    token: 'demo-admin',
    body,
    headers: { 'Content-Type': 'application/x-ndjson', ...headers },
  });
}

/** A body streamed in pieces, with no Content-Length: the worker cannot know its size in advance. */
function streamed(pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i === pieces.length) return controller.close();
      const piece = pieces[i++];
      controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
    },
  });
}

interface Summary {
  lines: number;
  stored: number;
  duplicates: number;
  refused: number;
  accepted: number;
  refusedByCode: Record<string, number>;
  refusedLines: { line: number; code: string; message: string; submissionId?: string; issues?: { message: string }[] }[];
  refusedLinesOmitted: number;
}

describe('POST /v1/import', () => {
  it(
    'answers a multi-MB body of bad lines with a bounded summary, and stores the good lines among them',
    { timeout: 120_000 },
    async () => {
      const before = await counts();
      const good = [line(), line(), line()];
      const garbage = JSON.stringify({ submissionId: 'x'.repeat(900), answers: { ['y'.repeat(60)]: 'z'.repeat(500) } });
      const pieces: (string | Uint8Array)[] = [good[0] + '\n'];
      // 100,000 lines of `{}` (300 kB), 2,000 lines of about 1.5 kB each (3 MB), an overlong line, a line that is not UTF-8.
      for (let i = 0; i < 10; i++) pieces.push('{}\n'.repeat(10_000));
      pieces.push(good[1] + '\n');
      for (let i = 0; i < 20; i++) pieces.push(`${garbage}\n`.repeat(100));
      pieces.push(`{"pad":"${'p'.repeat(MAX_IMPORT_LINE_BYTES)}"}\n`);
      pieces.push(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 0x0a]));
      pieces.push('\n\r\n', good[2]);
      const size = pieces.reduce((n, p) => n + (typeof p === 'string' ? p.length : p.byteLength), 0);
      expect(size).toBeGreaterThan(3_000_000);

      const res = await post(streamed(pieces));
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text.length).toBeLessThan(64 * 1024);
      const summary = JSON.parse(text) as Summary;
      const bad = 100_000 + 2_000 + 2;
      expect(summary).toMatchObject({
        lines: bad + 3,
        stored: 3,
        duplicates: 0,
        accepted: 3,
        refused: bad,
        refusedLinesOmitted: bad - REFUSED_LINES_LISTED,
      });
      expect(summary.refusedByCode).toEqual({ validation_failed: 102_000, payload_too_large: 1, invalid_json: 1 });
      expect(summary.refusedLines).toHaveLength(REFUSED_LINES_LISTED);
      // Line numbers count from 1 in the body as sent: the first good line is line 1, `{}` starts at 2.
      expect(summary.refusedLines.map((l) => l.line)).toEqual(Array.from({ length: REFUSED_LINES_LISTED }, (_, i) => i + 2));
      expect(summary.refusedLines[0]).toMatchObject({ code: 'validation_failed' });
      expect((await counts()).responses).toBe(before.responses + 3);
    },
  );

  it('lists refused lines with their line number, code, submission id and shortened issues', async () => {
    const id = crypto.randomUUID();
    const long = 'k'.repeat(5_000);
    const body = [
      line(),
      '',
      'not json',
      line({ submissionId: id, answers: { tot_cijfer: 11, tot_aanraden: 'ja' } }),
      line({ answers: { [long.slice(0, 60)]: long } }),
      '{}',
    ].join('\r\n');
    const summary = (await (await post(body)).json()) as Summary;
    expect(summary).toMatchObject({
      lines: 5,
      stored: 1,
      refused: 4,
      refusedByCode: { invalid_json: 1, invalid_value: 1, validation_failed: 1, unknown_item: 1 },
    });
    expect(summary.refusedLines.map((l) => [l.line, l.code])).toEqual([
      [3, 'invalid_json'],
      [4, 'invalid_value'],
      [5, 'unknown_item'],
      [6, 'validation_failed'],
    ]);
    expect(summary.refusedLines[1].submissionId).toBe(id);
    expect(summary.refusedLines[3].issues!.length).toBeLessThanOrEqual(3);
    expect(JSON.stringify(summary.refusedLines[2])).not.toContain(long.slice(0, 100));
    for (const l of summary.refusedLines) {
      expect(l.message.length).toBeLessThanOrEqual(160);
      for (const i of l.issues ?? []) expect(i.message.length).toBeLessThanOrEqual(160);
    }
  });

  it('stays under 64 kB however long the refused lines are', { timeout: 60_000 }, async () => {
    const key = 'q'.repeat(60);
    const bad = JSON.stringify({ submissionId: 's'.repeat(10_000), [key]: 1, answers: { [key.repeat(300)]: 'v'.repeat(20_000) } });
    const res = await post(`${bad}\n`.repeat(200));
    const text = await res.text();
    expect(text.length).toBeLessThan(64 * 1024);
    expect(JSON.parse(text)).toMatchObject({ lines: 200, refused: 200, refusedByCode: { validation_failed: 200 } });
  });

  it('counts a line sent again as a duplicate, so an import can be sent again safely', async () => {
    const body = [line(), line()].join('\n');
    expect(await (await post(body)).json()).toMatchObject({ stored: 2, duplicates: 0, accepted: 2 });
    expect(await (await post(body)).json()).toMatchObject({ stored: 0, duplicates: 2, accepted: 2 });
  });

  it('refuses a declared body over the limit before storing anything', async () => {
    const before = await counts();
    const res = await post(line(), { 'Content-Length': String(21 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(await counts()).toEqual(before);
  });
});
