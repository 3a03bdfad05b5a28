import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../worker/crypto.js';
import { aggregateCsv } from '../../worker/export/aggregates-csv.js';
import { EXPORT_PAGE } from '../../worker/routes/export.js';
import { aggregate, call } from './helpers.js';
import { readCsv } from '../../worker/export/csv-reader.js';

const FULL = 'sociaal-team';
const KORT = 'sociaal-team-kort';
const BULK = EXPORT_PAGE * 2 + 100;

/** The body exactly as sent: Response.text() would drop the byte order mark we want to see. */
async function raw(res: Response | Promise<Response>): Promise<string> {
  const bytes = new Uint8Array(await (await res).arrayBuffer());
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return (bom ? '\uFEFF' : '') + new TextDecoder().decode(bytes.subarray(bom ? 3 : 0));
}

/** Rows as objects keyed by the header. */
function records(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = readCsv(text.slice(1));
  for (const r of rows) expect(r).toHaveLength(header.length);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

async function importLines(questionnaire: string, lines: object[]) {
  const res = await call(`/v1/import?questionnaire=${questionnaire}`, {
    method: 'POST',
    token: 'demo-admin',
    body: lines.map((l) => JSON.stringify({ questionnaireId: questionnaire, version: 1, channel: 'papier', ...l })).join('\n'),
    headers: { 'Content-Type': 'application/x-ndjson' },
  });
  expect(await res.json()).toMatchObject({ stored: lines.length, refused: 0 });
}

const ids = { full: crypto.randomUUID(), partial: crypto.randomUUID() };

beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare("INSERT OR IGNORE INTO partners (gemeente_id, id, name, organisatie) VALUES ('demo', 'welzijn', 'Welzijn', 'de welzijnsorganisatie')"),
    env.DB.prepare("INSERT OR IGNORE INTO teams (gemeente_id, id, partner_id, name) VALUES ('demo', 'noord', 'welzijn', 'Noord')"),
    env.DB.prepare("INSERT OR IGNORE INTO tokens (id, hash, role, gemeente_id, partner_id, label) VALUES ('tok_test_welzijn', ?, 'viewer', 'demo', 'welzijn', 'test')").bind(
      await sha256Hex('test-viewer-welzijn'),
    ),
  ]);
  await importLines(FULL, [
    {
      submissionId: ids.full,
      submittedAt: '2025-03-04T09:00:00+01:00',
      context: { team: 'oost', contact: 'lang' },
      answers: {
        ctx_status: 'afgerond',
        mw_serieus: 'weet_niet',
        mw_luisteren: 'helemaal_eens',
        hulp_geholpen_met: ['formulieren', 'informatie'],
        tot_cijfer: 9,
        tot_aanraden: 'misschien',
        tot_beter: 'Sneller, "echt" sneller.\nMail me: jan@example.nl',
      },
    },
    { submissionId: ids.partial, submittedAt: '2025-03-05T09:00:00+01:00', context: {}, answers: { tot_cijfer: 4, tot_aanraden: 'nee' } },
  ]);
  await importLines(
    KORT,
    Array.from({ length: BULK }, (_, i) => ({
      submissionId: crypto.randomUUID(),
      context: { team: i % 10 === 0 ? 'noord' : ['centrum', 'krispijn', 'oost'][i % 3] },
      answers: { tot_cijfer: 1 + (i % 10), tot_aanraden: 'ja' },
    })),
  );
});

describe('GET /v1/export/responses.csv', () => {
  it('streams one coded row per response, as the codebook says', async () => {
    const res = await call(`/v1/export/responses.csv?questionnaire=${FULL}`, { token: 'demo-admin' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="peil-sociaal-team-antwoorden.csv"');
    const rows = records(await raw(res));
    expect(rows).toHaveLength(2);
    const full = rows.find((r) => r.submission_id === ids.full)!;
    expect(full).toMatchObject({
      version: '1',
      day: '2025-03-04',
      channel: 'papier',
      partner: 'sociaal-team',
      team: 'oost',
      contact: 'lang',
      status: 'afgerond',
      role: '',
      fast: '0',
      ctx_team: '',
      ctx_status: '1',
      mw_serieus: '9',
      mw_luisteren: '5',
      mw_samen: '',
      hulp_geholpen_met__formulieren: '1',
      hulp_geholpen_met__informatie: '1',
      hulp_geholpen_met__advies: '0',
      tot_cijfer: '9',
      tot_aanraden: '2',
      tot_goed: '',
    });
    // Scrubbed when stored, one line for SPSS, quotes doubled in the file and read back intact.
    expect(full.tot_beter).toMatch(/^Sneller, "echt" sneller\. \/ Mail me: /);
    expect(full.tot_beter).not.toContain('jan@example.nl');
    const partial = rows.find((r) => r.submission_id === ids.partial)!;
    expect(partial).toMatchObject({ team: '', partner: '', tot_cijfer: '4', tot_aanraden: '1', hulp_geholpen_met__informatie: '', tot_beter: '' });
  });

  it('pages through the ledger: every response once, in order of arrival', async () => {
    const res = await call(`/v1/export/responses.csv?questionnaire=${KORT}`, { token: 'demo-admin' });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const pieces: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(r.value);
    const chunks = pieces.length;
    const rows = records(await raw(new Response(new Blob(pieces))));
    expect(rows).toHaveLength(BULK);
    expect(new Set(rows.map((r) => r.submission_id)).size).toBe(BULK);
    expect(rows.map((r) => r.tot_cijfer).slice(0, 12)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '1', '2']);
    // The header and at least one piece per page: the body was not built in one go.
    expect(chunks).toBeGreaterThan(Math.floor(BULK / EXPORT_PAGE));
  });
});

describe('GET /v1/export/responses.sps and codebook.csv', () => {
  it('reads the CSV with the same variables, labels values and marks weet niet missing', async () => {
    const [csv, sps] = await Promise.all([
      call(`/v1/export/responses.csv?questionnaire=${FULL}`, { token: 'demo-admin' }).then(raw),
      call(`/v1/export/responses.sps?questionnaire=${FULL}`, { token: 'demo-admin' }),
    ]);
    expect(sps.status).toBe(200);
    expect(sps.headers.get('Content-Disposition')).toBe('attachment; filename="peil-sociaal-team-antwoorden.sps"');
    const syntax = await sps.text();
    const header = readCsv(csv.slice(1))[0];
    const declared = syntax
      .split('\r\n')
      .filter((l) => /^ {4}\w+ (A\d+|F\d\.0|SDATE10)$/.test(l))
      .map((l) => l.trim().split(' ')[0]);
    expect(declared).toEqual(header);
    expect(syntax).toContain("/FILE='peil-sociaal-team-antwoorden.csv'");
    expect(syntax).toContain("  mw_serieus 'De medewerker nam mij serieus.'");
    expect(syntax).toContain('MISSING VALUES mw_serieus (9).');
    expect(syntax).toContain("    'oost' 'Oost'");
    expect(syntax).toContain("    'noord' 'Noord'");
  });

  it('lists every variable of the CSV with its codes', async () => {
    const res = await call(`/v1/export/codebook.csv?questionnaire=${FULL}`, { token: 'demo-admin' });
    expect(res.status).toBe(200);
    const rows = records(await raw(res));
    const csv = await raw(call(`/v1/export/responses.csv?questionnaire=${FULL}`, { token: 'demo-admin' }));
    expect([...new Set(rows.map((r) => r.variable))]).toEqual(readCsv(csv.slice(1))[0]);
    expect(rows).toContainEqual(expect.objectContaining({ variable: 'tot_aanraden', code: '2', value: 'misschien', value_label: 'Misschien', missing: '0' }));
    expect(rows).toContainEqual(expect.objectContaining({ variable: 'ctx_team', code: '9', value: 'weet_niet', missing: '1' }));
  });
});

describe('who may export what', () => {
  it('gives a partner (viewer) 403 forbidden on microdata', async () => {
    for (const path of ['responses.csv', 'responses.sps', 'codebook.csv']) {
      for (const token of ['demo-viewer', 'test-viewer-welzijn']) {
        const res = await call(`/v1/export/${path}?questionnaire=${FULL}`, { token });
        expect(res.status, `${path} ${token}`).toBe(403);
        expect((await res.json<any>()).error.code).toBe('forbidden');
      }
    }
  });

  it("gives a partner its own partner's aggregate table, suppressed as the API suppresses it", async () => {
    const res = await call(`/v1/export/aggregates.csv?questionnaire=${KORT}&groupBy=team`, { token: 'test-viewer-welzijn' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="peil-sociaal-team-kort-cijfers.csv"');
    const text = await raw(res);
    const json = await aggregate(`questionnaire=${KORT}&groupBy=team`, 'test-viewer-welzijn');
    expect(text).toBe(`\uFEFF${aggregateCsv(json as any)}`);
    const rows = records(text);
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(['', 'noord']));
    // The partner's figures are protected: its n is the true count perturbed by at most 2.
    expect(Math.abs(Number(rows.find((r) => r.group === '' && r.item === 'tot_cijfer' && r.measure === 'mean')!.n) - Math.ceil(BULK / 10))).toBeLessThanOrEqual(2);
    // mw_serieus was never answered: hidden, without any count.
    expect(rows.filter((r) => r.item === 'mw_serieus' && r.group === '')).toEqual([
      { group: '', group_n: String(json.n), item: 'mw_serieus', type: '', n: '', indicatief: '', suppressed: '1', measure: '', value: '' },
    ]);
    const other = await call(`/v1/export/aggregates.csv?questionnaire=${KORT}&partner=sociaal-team`, { token: 'test-viewer-welzijn' });
    expect(other.status).toBe(403);
  });

  it('gives the gemeente every partner, with small groups hidden', async () => {
    const text = await raw(call(`/v1/export/aggregates.csv?questionnaire=${FULL}&groupBy=team`, { token: 'demo-admin' }));
    const rows = records(text);
    expect(rows.filter((r) => r.group === 'oost')).toEqual([
      { group: 'oost', group_n: '', item: '', type: '', n: '', indicatief: '', suppressed: '1', measure: '', value: '' },
    ]);
    expect(rows.some((r) => r.suppressed === '0')).toBe(false);
  });

  it('answers bad requests with stable codes', async () => {
    const cases: [string, string | undefined, number, string][] = [
      ['/v1/export/responses.csv', 'demo-admin', 400, 'validation_failed'],
      ['/v1/export/responses.csv?questionnaire=bestaat-niet', 'demo-admin', 404, 'questionnaire_not_found'],
      ['/v1/export/responses.sps?questionnaire=bestaat-niet', 'demo-admin', 404, 'questionnaire_not_found'],
      [`/v1/export/responses.csv?questionnaire=${FULL}`, undefined, 401, 'unauthorized'],
      [`/v1/export/responses.csv?questionnaire=${FULL}&gemeente=elders`, 'demo-admin', 403, 'forbidden'],
      [`/v1/export/aggregates.csv?questionnaire=${FULL}&from=2026-02-01&to=2026-01-01`, 'demo-admin', 400, 'invalid_date'],
    ];
    for (const [path, token, status, code] of cases) {
      const res = await call(path, { token });
      expect(res.status, path).toBe(status);
      expect((await res.json<any>()).error.code, path).toBe(code);
    }
  });
});
