import { beforeAll, describe, expect, it } from 'vitest';
import { GROUP_BY } from '../../worker/ledger-types.js';
import { readCsv } from '../support/csv-reader.js';
import { aggregate, call } from './helpers.js';

const FULL = 'sociaal-team';
const SOURCE = 'csv-bron';
const TARGET = 'csv-doel';

/** Answers of the full questionnaire that its logic accepts; each interview varies a few of them. */
const BASE = {
  ctx_contact: 'lang',
  ctx_status: 'afgerond',
  ctx_rol: 'zorg',
  toe_wist_waar: 'eens',
  toe_makkelijk: 'neutraal',
  toe_snel: 'oneens',
  toe_info_vooraf: 'helemaal_oneens',
  toe_oco_bekend: 'nee',
  mw_serieus: 'helemaal_eens',
  mw_luisteren: 'eens',
  mw_samen: 'eens',
  mw_deskundig: 'eens',
  mw_bereikbaar: 'weet_niet',
  mw_verhaal: 'oneens',
  mw_aanspreekpunt: 'eens',
  res_ondersteund: 'eens',
  res_iets_gehad: 'eens',
  res_past: 'eens',
  res_redden: 'neutraal',
  res_doen: 'neutraal',
  res_vel: 'eens',
  res_doel: 'beetje',
  res_nazorg: 'ja',
  hulp_geholpen_met: ['formulieren', 'geldzaken', 'netwerk'],
  tot_cijfer: 9,
  tot_aanraden: 'misschien',
  tot_goed: 'Ze luisterden echt.',
  ctx_leeftijd: '65_plus',
  meta_hulp_invullen: 'ja',
};

const TEAMS = ['centrum', 'crabbehof', 'krispijn', 'oost', 'wielwijk'];
const STELLING = ['helemaal_oneens', 'oneens', 'neutraal', 'eens', 'helemaal_eens', 'weet_niet'];
const AANRADEN = ['nee', 'misschien', 'ja'];
const CHANNELS = ['telefoon', 'papier', 'web'];
const LANGUAGES = [undefined, 'nl', 'en', 'tr'];
// A winter and a summer day (the Dutch offset differs), and days on both sides of midnight UTC.
const TIMES = ['2025-01-15T23:30:00+01:00', '2025-07-01T00:10:00+02:00', '2025-03-30T12:00:00+02:00', '2024-10-27T09:00:00+01:00'];
const TEXTS = ['Goed, "echt" goed', 'Regel een\r\nregel twee', 'Met een komma, en ëé', '', 'Alleen\nLF'];

/** Interviews varied over every kind of column: team from the context or from the team question, empty answers too. */
function interviews(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const answers: Record<string, unknown> = {
      ...BASE,
      tot_cijfer: 1 + (i % 10),
      tot_aanraden: AANRADEN[i % 3],
      mw_serieus: STELLING[i % 6],
      hulp_geholpen_met: [['formulieren'], ['netwerk'], ['geldzaken', 'netwerk'], ['formulieren', 'geldzaken', 'netwerk']][i % 4],
      tot_beter: TEXTS[i % TEXTS.length],
    };
    if (i % 7 === 3) delete answers.mw_luisteren;
    const fromItem = i % 3 === 0;
    if (fromItem) answers.ctx_team = i % 6 === 0 ? 'weet_niet' : TEAMS[i % 5];
    // A contact type the embed gave is not asked again.
    const contact = !fromItem && i % 4 === 1;
    if (contact) delete answers.ctx_contact;
    return {
      submissionId: crypto.randomUUID(),
      version: 1,
      channel: CHANNELS[i % 3],
      submittedAt: TIMES[i % TIMES.length],
      language: LANGUAGES[i % 4],
      answers,
      context: fromItem ? {} : { team: TEAMS[i % 5], ...(contact ? { contact: 'kort' } : {}) },
    };
  });
}

const post = (questionnaire: string, body: BodyInit, type: string) =>
  call(`/v1/import?questionnaire=${questionnaire}`, { method: 'POST', token: 'demo-admin', body, headers: { 'Content-Type': type } });

async function exported(questionnaire: string): Promise<string> {
  const res = await call(`/v1/export/responses.csv?questionnaire=${questionnaire}`, { token: 'demo-admin' });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** The figures of one questionnaire with its id taken out, so two questionnaires can be compared. */
async function figures(questionnaire: string, query = ''): Promise<string> {
  return JSON.stringify(await aggregate(`questionnaire=${questionnaire}${query}`)).replaceAll(questionnaire, 'Q');
}

async function create(id: string) {
  const made = await call('/v1/admin/questionnaires', { method: 'POST', token: 'demo-admin', json: { template: FULL, id, publish: true } });
  expect(made.status).toBe(201);
}

interface Summary {
  lines: number;
  stored: number;
  refused: number;
  refusedByCode: Record<string, number>;
  refusedLines: { line: number; code: string; submissionId?: string; issues?: { code: string; path?: string[]; item?: string }[] }[];
}

describe('POST /v1/import with text/csv in the layout of the export', () => {
  const lines = interviews(60);
  let sourceCsv = '';

  beforeAll(async () => {
    await create(SOURCE);
    await create(TARGET);
    const ndjson = lines.map((l) => JSON.stringify({ questionnaireId: SOURCE, ...l })).join('\n');
    const seeded = await (await post(SOURCE, ndjson, 'application/x-ndjson')).json<Summary>();
    expect(seeded.refusedLines).toEqual([]);
    expect(seeded).toMatchObject({ stored: lines.length, refused: 0 });
    sourceCsv = await exported(SOURCE);
  });

  it('round trip: the exported CSV imported into the same definition gives the same export and the same figures', async () => {
    expect(sourceCsv.startsWith('\uFEFF')).toBe(true);
    const res = await post(TARGET, sourceCsv, 'text/csv; charset=utf-8');
    const summary = await res.json<Summary>();
    expect(res.status).toBe(200);
    expect(summary).toMatchObject({ lines: lines.length, stored: lines.length, refused: 0 });
    expect(await exported(TARGET)).toBe(sourceCsv);
    expect(await figures(TARGET)).toBe(await figures(SOURCE));
    for (const by of GROUP_BY) expect(await figures(TARGET, `&groupBy=${by}`), by).toBe(await figures(SOURCE, `&groupBy=${by}`));
    // Sent again, every row is a duplicate: idempotent on submission_id, as the NDJSON path is.
    expect(await (await post(TARGET, sourceCsv, 'text/csv')).json()).toMatchObject({ stored: 0, duplicates: lines.length, refused: 0 });
  });

  it('reads LF line ends and a file without BOM, streamed in small pieces', async () => {
    const id = 'csv-lf';
    await create(id);
    const lf = sourceCsv.slice(1).replace(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\n');
    expect(lf).not.toBe(sourceCsv.slice(1));
    const encoder = new TextEncoder();
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= lf.length) return controller.close();
        controller.enqueue(encoder.encode(lf.slice(at, (at += 997))));
      },
    });
    expect(await (await post(id, body, 'text/csv')).json()).toMatchObject({ stored: lines.length, refused: 0 });
    expect(await figures(id)).toBe(await figures(SOURCE));
  });

  it('refuses a whole file with a column the export does not write, naming it, and stores nothing', async () => {
    const id = 'csv-kolom';
    await create(id);
    const [header, ...rest] = sourceCsv.slice(1).split('\r\n');
    const res = await post(id, [`${header},opmerking,tot_cijfer_x`, ...rest.map((r) => (r ? `${r},,` : r))].join('\r\n'), 'text/csv');
    expect(res.status).toBe(400);
    const body = await res.json<{ error: { code: string; message: string; issues: { path: string[] }[] } }>();
    expect(body.error.code).toBe('unknown_column');
    expect(body.error.message).toContain('opmerking, tot_cijfer_x');
    expect(body.error.issues.map((i) => i.path[1])).toEqual(['opmerking', 'tot_cijfer_x']);
    expect((await aggregate(`questionnaire=${id}`)).n).toBe(0);
  });

  it('refuses a file whose header lacks a required column, or has one twice', async () => {
    const bad = async (csv: string) => {
      const res = await post(TARGET, csv, 'text/csv');
      expect(res.status).toBe(400);
      return (await res.json<{ error: { code: string; message: string } }>()).error;
    };
    expect(await bad('version,channel\r\n1,papier\r\n')).toMatchObject({
      code: 'invalid_csv',
      message: expect.stringContaining('submission_id'),
    });
    expect((await bad('submission_id,version,channel,channel\r\n')).code).toBe('invalid_csv');
    expect((await bad('')).code).toBe('invalid_csv');
  });

  it('refuses rows with a bad value by line number and code, and stores the others', async () => {
    const id = 'csv-fout';
    await create(id);
    const head = 'submission_id,version,day,channel,team,tot_cijfer,tot_aanraden,mw_serieus,hulp_geholpen_met__formulieren,tot_beter';
    const good = () => `${crypto.randomUUID()},1,2025-05-05,telefoon,oost,7,3,4,1,`;
    const badId = crypto.randomUUID();
    const rows = [
      head,
      good(),
      `${badId},1,2025-05-05,telefoon,oost,7,8,4,1,`, // line 3: aanraden has codes 1-3
      `${crypto.randomUUID()},1,5-5-2025,telefoon,oost,7,3,4,1,`, // line 4: not a day
      `${crypto.randomUUID()},1,2025-05-05,telefoon,oost,7,3,4,2,`, // line 5: a choice is 0 or 1
      `${crypto.randomUUID()},1,2025-05-05,telefoon,oost,7,3`, // line 6: too few fields
      `${crypto.randomUUID()},1,2025-05-05,fax,oost,7,3,4,1,`, // line 7: no such channel
      `${crypto.randomUUID()},1,2025-05-05,telefoon,nergens,7,3,4,1,`, // line 8: no such team
      `${crypto.randomUUID()},1,2025-05-05,telefoon,oost,11,3,4,1,`, // line 9: a cijfer is 1-10
      `${crypto.randomUUID()},1,2025-05-05,telefoon,oost,7,3,4,1,"Twee`, // lines 10-11: a quoted text over two lines
      `regels"`,
      `${crypto.randomUUID()},1,2025-05-05,telefoon,oost,,,,,`, // line 12: required questions unanswered
      good(),
      ',,,,,,,,,', // line 14: an empty spreadsheet row, skipped
      `${crypto.randomUUID()},1,2025-05-05,telefoon,oost,7,3,4,1,"nooit gesloten`,
    ];
    const res = await post(id, `\uFEFF${rows.join('\r\n')}\r\n`, 'text/csv');
    expect(res.status).toBe(200);
    const summary = await res.json<Summary>();
    expect(summary).toMatchObject({ lines: 12, stored: 3, refused: 9 });
    expect(summary.refusedLines.map((l) => [l.line, l.code])).toEqual([
      [3, 'invalid_value'],
      [4, 'invalid_value'],
      [5, 'invalid_value'],
      [6, 'invalid_csv'],
      [7, 'validation_failed'],
      [8, 'team_not_allowed'],
      [9, 'invalid_value'],
      [12, 'required_missing'],
      [15, 'invalid_csv'],
    ]);
    expect(summary.refusedLines[0].issues?.[0].path).toEqual(['column', 'tot_aanraden']);
    expect(summary.refusedLines[2].issues?.[0].path).toEqual(['column', 'hulp_geholpen_met__formulieren']);
    expect(summary.refusedLines.find((l) => l.line === 9)?.issues?.[0].item).toBe('tot_cijfer');
    expect(summary.refusedLines.at(-1)).toMatchObject({ line: 15, code: 'invalid_csv' });
    const [header, ...stored] = readCsv((await exported(id)).slice(1));
    const beter = header.indexOf('tot_beter');
    expect(stored.map((r) => r[beter]).sort()).toEqual(['', '', 'Twee\r\nregels']);
  });

  it('answers 415 for a body that is neither NDJSON nor CSV', async () => {
    const res = await post(TARGET, 'a;b', 'application/vnd.ms-excel');
    expect(res.status).toBe(415);
  });
});
