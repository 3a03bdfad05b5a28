import { env } from 'cloudflare:test';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { sha256Hex } from '../../worker/crypto.js';
import { aggregateCsv } from '../../worker/export/aggregates-csv.js';
import { EXPORT_PAGE } from '../../worker/routes/export.js';
import { aggregate, call } from './helpers.js';
import { readCsv } from '../support/csv-reader.js';

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
    env.DB.prepare(
      "INSERT OR IGNORE INTO partners (gemeente_id, id, name, organisatie) VALUES ('demo', 'welzijn', 'Welzijn', 'de welzijnsorganisatie')",
    ),
    env.DB.prepare("INSERT OR IGNORE INTO teams (gemeente_id, id, partner_id, name) VALUES ('demo', 'noord', 'welzijn', 'Noord')"),
    env.DB.prepare(
      "INSERT OR IGNORE INTO tokens (id, hash, role, gemeente_id, partner_id, label) VALUES ('tok_test_welzijn', ?, 'viewer', 'demo', 'welzijn', 'test')",
    ).bind(await sha256Hex('test-viewer-welzijn')),
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
    // Scrubbed when stored; the line break and the quotes are read back intact.
    expect(full.tot_beter).toBe('Sneller, "echt" sneller.\nMail me: [e-mailadres]');
    expect(full.tot_beter).not.toContain('jan@example.nl');
    const partial = rows.find((r) => r.submission_id === ids.partial)!;
    expect(partial).toMatchObject({
      team: '',
      partner: '',
      tot_cijfer: '4',
      tot_aanraden: '1',
      hulp_geholpen_met__informatie: '',
      tot_beter: '',
    });
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

describe('GET /v1/export/responses.xlsx', () => {
  it('pages through the ledger as the CSV does: every response once, sent in pieces', async () => {
    const res = await call(`/v1/export/responses.xlsx?questionnaire=${KORT}`, { token: 'demo-admin' });
    expect(res.status).toBe(200);
    const pieces: Uint8Array[] = [];
    for await (const piece of res.body! as unknown as AsyncIterable<Uint8Array>) pieces.push(piece);
    const book = XLSX.read(new Uint8Array(await new Blob(pieces).arrayBuffer()), { type: 'array' });
    const rows = sheetRows(book, 'Antwoorden').slice(2);
    expect(rows).toHaveLength(BULK);
    const codes = sheetRows(book, 'Antwoorden')[1] as string[];
    expect(new Set(rows.map((r) => r[codes.indexOf('submission_id')])).size).toBe(BULK);
    expect(rows.slice(0, 3).map((r) => r[codes.indexOf('tot_aanraden')])).toEqual(['Ja', 'Ja', 'Ja']);
    expect(pieces.length).toBeGreaterThan(Math.floor(BULK / EXPORT_PAGE));
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
    expect(syntax).toContain("/FILE='peil-sociaal-team-antwoorden-spss.csv'");
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
    expect(rows).toContainEqual(
      expect.objectContaining({ variable: 'tot_aanraden', code: '2', value: 'misschien', value_label: 'Misschien', missing: '0' }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ variable: 'ctx_team', code: '9', value: 'weet_niet', missing: '1' }));
  });
});

describe('who may export what', () => {
  it('gives a partner (viewer) 403 forbidden on microdata', async () => {
    for (const path of ['responses.csv', 'responses.sps', 'codebook.csv', 'responses.xlsx', 'spss.zip']) {
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
    expect(
      Math.abs(Number(rows.find((r) => r.group === '' && r.item === 'tot_cijfer' && r.measure === 'mean')!.n) - Math.ceil(BULK / 10)),
    ).toBeLessThanOrEqual(2);
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

/** Open answers that break naive exports: each must come back exactly as it went in. */
const TRICKY = [
  'Twee regels:\nen nog een',
  'Windows-regels\r\nook\r\n',
  'Zei "ja", en toen; niets',
  'tab\tertussen',
  'één, café, naïef, Ĳssel',
  'Top 😀👍🏽',
  '=SOM(A1:A9)',
  '+ snel geholpen',
  '- niet gebeld',
  '@iedereen bedankt',
  '  spaties voor en na  ',
  'letterlijk _x0041_ en ␤n',
  'bel\u0007 en zo',
];
const PROEF = 'export-proef';
const tricky = TRICKY.map((text, i) => ({ id: crypto.randomUUID(), text, cijfer: 1 + (i % 10) }));
const trickyById = new Map(tricky.map((t) => [t.id, t.text]));

/** Undoes the SPSS CSV's line-break escapes, in the order the .sps does. */
const unSpss = (s: string) => s.split('\u2424n').join('\n').split('\u2424r').join('\r').split('\u24240').join('\u2424');

async function bytes(res: Response | Promise<Response>): Promise<Uint8Array> {
  return new Uint8Array(await (await res).arrayBuffer());
}

function sheetRows(book: XLSX.WorkBook, name: string): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name], { header: 1, raw: true, blankrows: true });
}

describe('open text through import and every export', () => {
  beforeAll(async () => {
    const made = await call('/v1/admin/questionnaires', {
      method: 'POST',
      token: 'demo-admin',
      json: { template: FULL, id: PROEF, publish: true },
    });
    expect(made.status).toBe(201);
    await importLines(
      PROEF,
      tricky.map((t) => ({
        submissionId: t.id,
        submittedAt: '2025-06-02T12:00:00+02:00',
        context: { team: 'krispijn', contact: 'kort' },
        answers: { tot_cijfer: t.cijfer, tot_aanraden: 'ja', mw_serieus: 'helemaal_eens', tot_beter: t.text },
      })),
    );
  });

  it('responses.csv: RFC 4180, nothing added, read back by a CSV parser', async () => {
    const text = await raw(call(`/v1/export/responses.csv?questionnaire=${PROEF}`, { token: 'demo-admin' }));
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(rows).toHaveLength(TRICKY.length);
    for (const r of rows) expect(r.tot_beter).toBe(trickyById.get(r.submission_id));
    expect(records(text).map((r) => r.tot_beter)).toEqual(rows.map((r) => r.tot_beter));
  });

  it('responses.csv?format=spss: one physical line per response, reversibly', async () => {
    const res = await call(`/v1/export/responses.csv?questionnaire=${PROEF}&format=spss`, { token: 'demo-admin' });
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="peil-${PROEF}-antwoorden-spss.csv"`);
    const text = await raw(res);
    expect(text.split('\r\n')).toHaveLength(TRICKY.length + 2);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
    for (const r of rows) expect(unSpss(r.tot_beter)).toBe(trickyById.get(r.submission_id));
  });

  it('responses.xlsx: Dutch questions, codes, labels, numbers and dates; every text a text cell, exactly', async () => {
    const res = await call(`/v1/export/responses.xlsx?questionnaire=${PROEF}`, { token: 'demo-admin' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="peil-${PROEF}-antwoorden.xlsx"`);
    const book = XLSX.read(await bytes(res), { type: 'array', cellDates: true });
    expect(book.SheetNames).toEqual(['Antwoorden', 'Codeboek']);
    const [labels, codes, ...rows] = sheetRows(book, 'Antwoorden');
    const csvHeader = readCsv((await raw(call(`/v1/export/responses.csv?questionnaire=${PROEF}`, { token: 'demo-admin' }))).slice(1))[0];
    expect(codes).toEqual(csvHeader);
    const col = (name: string) => (codes as string[]).indexOf(name);
    expect(labels[col('tot_beter')]).toBe('Wat kan het sociaal team beter doen?');
    // The same wording as the dashboard's labels, for every question that has one column.
    const dashboard = (await aggregate(`questionnaire=${PROEF}`)).labels.items as Record<string, { text: { nl: string } }>;
    for (const [id, item] of Object.entries(dashboard)) if (col(id) >= 0) expect(labels[col(id)], id).toBe(item.text.nl);
    expect(labels[col('mw_serieus')]).toBe('De medewerker nam mij serieus.');
    expect(rows).toHaveLength(TRICKY.length);
    const ws = book.Sheets.Antwoorden;
    for (const [i, r] of rows.entries()) {
      const id = r[col('submission_id')] as string;
      expect(r[col('tot_beter')]).toBe(trickyById.get(id));
      expect(r[col('tot_cijfer')]).toBe(tricky.find((t) => t.id === id)!.cijfer);
      expect(r[col('mw_serieus')]).toBe('Helemaal mee eens');
      expect(r[col('team')]).toBe('Krispijn');
      expect(r[col('contact')]).toBe('Kort gesprek voor informatie of advies');
      expect((r[col('day')] as Date).toISOString().slice(0, 10)).toBe('2025-06-02');
      const cell = ws[XLSX.utils.encode_cell({ r: i + 2, c: col('tot_beter') })];
      expect(cell.t).toBe('s');
      expect(cell.f).toBeUndefined();
    }
    const codebook = sheetRows(book, 'Codeboek');
    expect(codebook).toContainEqual(['mw_serieus', undefined, undefined, undefined, 9, 'Weet ik niet / niet van toepassing', 'ja']);
  });

  it('spss.zip: the exact CSV, the one-line CSV for SPSS and R, syntax, script and codebook under short names', async () => {
    const res = await call(`/v1/export/spss.zip?questionnaire=${PROEF}`, { token: 'demo-admin' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/zip');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="peil-${PROEF}-spss-r.zip"`);
    const files = unzipSync(await bytes(res));
    expect(Object.keys(files).sort()).toEqual([
      'LEESMIJ.txt',
      'antwoorden-spss-r.csv',
      'antwoorden.R',
      'antwoorden.csv',
      'antwoorden.sps',
      'codeboek.csv',
    ]);
    const [csv, spssCsv, codebook] = await Promise.all(
      ['responses.csv', 'responses.csv?format=spss&', 'codebook.csv'].map((p) =>
        bytes(call(`/v1/export/${p}${p.endsWith('&') ? '' : '?'}questionnaire=${PROEF}`, { token: 'demo-admin' })),
      ),
    );
    expect(files['antwoorden.csv']).toEqual(csv);
    expect(files['antwoorden-spss-r.csv']).toEqual(spssCsv);
    expect(files['codeboek.csv']).toEqual(codebook);
    const sps = strFromU8(files['antwoorden.sps']);
    expect(sps).toContain("/FILE='antwoorden-spss-r.csv'");
    expect(sps).toContain("COMPUTE tot_beter = REPLACE(tot_beter, '\u2424n', X'0A').");
    expect(sps).toContain("  tot_beter 'Wat kan het sociaal team beter doen?'");
    const r = strFromU8(files['antwoorden.R']);
    expect(r).toContain('read.csv("antwoorden-spss-r.csv", fileEncoding = "UTF-8-BOM"');
    expect(r).toContain('peil[["tot_beter"]] <- regeleinden(leeg_na(peil[["tot_beter"]]))');
    expect(r).toContain('attr(peil[["tot_beter"]], "label") <- "Wat kan het sociaal team beter doen?"');
    expect(strFromU8(files['LEESMIJ.txt'])).toContain('antwoorden.sps');
  });
});

describe('aggregates for Excel', () => {
  const query = `questionnaire=${KORT}&groupBy=team`;

  it('aggregates.csv?format=excel: semicolons, decimal commas, Dutch headers and labels, BOM, CRLF', async () => {
    const res = await call(`/v1/export/aggregates.csv?${query}&format=excel`, { token: 'demo-admin' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="peil-${KORT}-cijfers-excel.csv"`);
    const text = await raw(res);
    expect(text.startsWith('\uFEFFGroep;Reacties in groep;Vraag;Vraagcode;Soort vraag;Maat;Waarde;Eenheid;')).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
    const json = await aggregate(query);
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true, delimiter: ';' });
    const mean = rows.find((r) => r.Groep === 'Totaal' && r.Vraagcode === 'tot_cijfer' && r.Maat === 'Gemiddeld cijfer')!;
    expect(mean).toMatchObject({
      Vraag: 'Welk rapportcijfer geeft u het sociaal team?',
      'Soort vraag': 'rapportcijfer',
      Waarde: String(json.items.tot_cijfer.mean).replace('.', ','),
      Eenheid: 'gemiddelde',
      'Ondergrens 95%-interval': String(json.items.tot_cijfer.ci95[0]).replace('.', ','),
      'Basis (n)': String(json.items.tot_cijfer.n),
    });
    const ja = rows.find((r) => r.Groep === 'Totaal' && r.Vraagcode === 'tot_aanraden' && r.Maat === 'Ja')!;
    expect(ja).toMatchObject({ Waarde: String(json.items.tot_aanraden.pct.ja).replace('.', ','), Eenheid: '%' });
    const centrum = json.groups.find((g: any) => g.key === 'centrum');
    expect(rows.find((r) => r.Groep === 'Centrum' && r.Maat === 'Gemiddeld cijfer')!.Waarde).toBe(
      String(centrum.items.tot_cijfer.mean).replace('.', ','),
    );
    // Crabbehof and Wielwijk have no responses: hidden, as in the JSON.
    expect(rows.filter((r) => r.Groep === 'Crabbehof')).toEqual([
      expect.objectContaining({ Waarde: 'onderdrukt', Opmerking: 'te weinig reacties', 'Basis (n)': '' }),
    ]);
    expect(rows.filter((r) => r.Vraagcode === 'mw_serieus' && r.Groep === 'Totaal')).toEqual([
      expect.objectContaining({ Waarde: 'onderdrukt' }),
    ]);
  });

  it('aggregates.xlsx: percentages as percent cells, means with their interval, suppressed cells marked', async () => {
    const res = await call(`/v1/export/aggregates.xlsx?${query}`, { token: 'demo-admin' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="peil-${KORT}-cijfers.xlsx"`);
    const book = XLSX.read(await bytes(res), { type: 'array', cellNF: true, cellDates: true });
    expect(book.SheetNames).toEqual(['Cijfers', 'Toelichting']);
    const json = await aggregate(query);
    const [header, ...rows] = sheetRows(book, 'Cijfers');
    expect(header).toEqual([
      'Groep',
      'Reacties in groep',
      'Vraag',
      'Vraagcode',
      'Soort vraag',
      'Maat',
      'Waarde',
      'Eenheid',
      'Ondergrens 95%-interval',
      'Bovengrens 95%-interval',
      'Basis (n)',
      'Opmerking',
    ]);
    const at = (group: string, item: string, measure: string) =>
      rows.findIndex((r) => r[0] === group && r[3] === item && r[5] === measure) + 1;
    const ws = book.Sheets.Cijfers;
    const ja = ws[`G${at('Totaal', 'tot_aanraden', 'Ja') + 1}`];
    expect(ja).toMatchObject({ t: 'n', z: '0.0%' });
    expect(ja.v).toBeCloseTo(json.items.tot_aanraden.pct.ja / 100, 10);
    const meanRow = at('Totaal', 'tot_cijfer', 'Gemiddeld cijfer') + 1;
    expect(ws[`G${meanRow}`]).toMatchObject({ t: 'n', v: json.items.tot_cijfer.mean, z: '0.0' });
    expect([ws[`I${meanRow}`].v, ws[`J${meanRow}`].v, ws[`K${meanRow}`].v]).toEqual([
      ...json.items.tot_cijfer.ci95,
      json.items.tot_cijfer.n,
    ]);
    expect(rows.filter((r) => r[0] === 'Wielwijk')).toEqual([
      [
        'Wielwijk',
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        'onderdrukt',
        undefined,
        undefined,
        undefined,
        undefined,
        'te weinig reacties',
      ],
    ]);
    const about = sheetRows(book, 'Toelichting');
    expect(about).toContainEqual(['Uitgesplitst naar', 'team']);
    expect(about).toContainEqual(['Reacties in de selectie', json.n]);
  });

  it("gives a partner its own partner's figures only, suppressed as the API suppresses them", async () => {
    const viewer = 'test-viewer-welzijn';
    const json = await aggregate(query, viewer);
    const text = await raw(call(`/v1/export/aggregates.csv?${query}&format=excel`, { token: viewer }));
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true, delimiter: ';' });
    expect(new Set(rows.map((r) => r.Groep))).toEqual(new Set(['Totaal', 'Noord']));
    expect(rows.find((r) => r.Groep === 'Totaal' && r.Maat === 'Gemiddeld cijfer')!['Basis (n)']).toBe(String(json.items.tot_cijfer.n));
    const book = XLSX.read(await bytes(call(`/v1/export/aggregates.xlsx?${query}`, { token: viewer })), { type: 'array' });
    const groups = new Set(
      sheetRows(book, 'Cijfers')
        .slice(1)
        .map((r) => r[0]),
    );
    expect(groups).toEqual(new Set(['Totaal', 'Noord']));
    for (const path of ['aggregates.xlsx', 'aggregates.csv']) {
      const other = await call(`/v1/export/${path}?questionnaire=${KORT}&partner=sociaal-team&format=excel`, { token: viewer });
      expect(other.status, path).toBe(403);
    }
  });

  it('refuses an unknown format with validation_failed', async () => {
    for (const path of [`aggregates.csv?${query}&format=xls`, `responses.csv?questionnaire=${KORT}&format=excel`]) {
      const res = await call(`/v1/export/${path}`, { token: 'demo-admin' });
      expect(res.status, path).toBe(400);
      expect((await res.json<any>()).error.code).toBe('validation_failed');
    }
  });
});
