import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { CORE } from '../../schemas/ceo.js';
import { ledgerFor } from '../../worker/ledger-stub.js';
import { createTables } from '../../worker/ledger/schema.js';
import type { Ledger } from '../../worker/ledger.js';
import { DIMENSIONS } from '../../worker/ledger-types.js';
import { readCsv } from '../support/csv-reader.js';
import { aggregate, call, submission } from './helpers.js';

const admin = (path: string, init: RequestInit & { json?: unknown } = {}) => call(path, { token: 'demo-admin', ...init });

async function createFromTemplate(template: string): Promise<void> {
  const res = await admin('/v1/admin/questionnaires', { method: 'POST', json: { template, publish: true } });
  expect(res.status, await res.clone().text()).toBe(201);
}

async function publishDraft(id: string, edit: (def: any) => void): Promise<Response> {
  const start = await admin(`/v1/admin/questionnaires/${id}/draft`, { method: 'POST' });
  const { draft } = (await start.json()) as { draft: any };
  edit(draft);
  const put = await admin(`/v1/admin/questionnaires/${id}/draft`, { method: 'PUT', json: draft });
  expect(put.status, await put.clone().text()).toBe(200);
  return admin(`/v1/admin/questionnaires/${id}/publish`, { method: 'POST' });
}

function importLines(questionnaire: string, lines: object[]): Promise<Response> {
  return admin(`/v1/import?questionnaire=${questionnaire}`, {
    method: 'POST',
    body: lines.map((l) => JSON.stringify(l)).join('\n'),
    headers: { 'Content-Type': 'application/x-ndjson' },
  });
}

const findItem = (def: any, id: string) => def.sections.flatMap((s: any) => s.items).find((i: any) => i.id === id);

describe('locked core items', () => {
  it('refuses a version that rewords or drops a locked item, or leaves the module, and accepts items added around them', async () => {
    await createFromTemplate('ceo-wmo');
    const reworded = await publishDraft('ceo-wmo', (d) => {
      findItem(d, 'ceo_snel').text.nl = 'Ik werd vlot geholpen.';
    });
    expect(reworded.status).toBe(422);
    const body = (await reworded.json()) as any;
    expect(body.error.code).toBe('locked_item');
    expect(body.error.issues.map((i: any) => i.item)).toEqual(['ceo_snel']);

    const dropped = await publishDraft('ceo-wmo', (d) => {
      findItem(d, 'ceo_snel').text.nl = CORE['ceo-wmo'].items[1].item.text.nl;
      d.sections[1].items = d.sections[1].items.filter((i: any) => i.id !== 'ceo_redden');
    });
    expect(dropped.status).toBe(422);
    expect(((await dropped.json()) as any).error.issues.map((i: any) => i.item)).toEqual(['ceo_redden']);

    const left = await publishDraft('ceo-wmo', (d) => {
      d.sections[1].items.push(CORE['ceo-wmo'].items.find((c) => c.item.id === 'ceo_redden')!.item);
      delete d.core;
    });
    expect(left.status).toBe(422);
    expect(((await left.json()) as any).error.issues[0].path).toEqual(['core']);

    const added = await publishDraft('ceo-wmo', (d) => {
      d.core = 'ceo-wmo';
      d.sections[0].items.push({
        id: 'eigen_wachttijd',
        type: 'stelling',
        text: { nl: 'Ik hoefde niet lang te wachten.', en: 'I did not wait long.' },
      });
    });
    expect(added.status, await added.clone().text()).toBe(201);
    expect(((await added.json()) as any).version).toBe(2);
  });
});

describe('the Jeugdwet rule', () => {
  it('refuses every per-partner view of a jeugd questionnaire, for anyone, and keeps team and period breakdowns', async () => {
    await createFromTemplate('mcjo-ouders');
    const lines = Array.from({ length: 12 }, (_, i) => ({
      submissionId: crypto.randomUUID(),
      questionnaireId: 'mcjo-ouders',
      version: 1,
      channel: 'papier',
      submittedAt: '2025-03-10T10:00:00+01:00',
      answers: { mcjo_serieus: i % 3 === 0 ? 'oneens' : 'eens' },
      context: { team: 'oost' },
    }));
    expect((await importLines('mcjo-ouders', lines)).status).toBe(200);
    const refused = [
      admin('/v1/aggregates?questionnaire=mcjo-ouders&partner=sociaal-team'),
      admin('/v1/aggregates?questionnaire=mcjo-ouders&groupBy=partner'),
      call('/v1/aggregates?questionnaire=mcjo-ouders', { token: 'demo-viewer' }),
      call('/v1/aggregates?questionnaire=mcjo-ouders', { token: 'demo-public' }),
      admin('/v1/export/aggregates.csv?questionnaire=mcjo-ouders&groupBy=partner'),
      admin('/v1/export/aggregates.xlsx?questionnaire=mcjo-ouders&partner=sociaal-team'),
    ];
    for (const res of await Promise.all(refused)) {
      expect(res.status, res.url).toBe(422);
      const body = (await res.json()) as any;
      expect(body.error.code).toBe('jeugd_per_partner');
      expect(body.error.message).toMatch(/Jeugdwet/);
    }
    for (const q of ['groupBy=team', 'groupBy=month', 'team=oost', 'year=2025']) {
      expect((await admin(`/v1/aggregates?questionnaire=mcjo-ouders&${q}`)).status, q).toBe(200);
    }
    const csv = await (await admin('/v1/export/responses.csv?questionnaire=mcjo-ouders')).text();
    expect(readCsv(csv.replace(/^\uFEFF/, ''))[0]).not.toContain('partner');
    // The same views of a Wmo questionnaire are allowed: the rule is the law's, not a general one.
    expect((await admin('/v1/aggregates?questionnaire=ceo-wmo&groupBy=partner')).status).toBe(200);
    const wmoCsv = await (await admin('/v1/export/responses.csv?questionnaire=ceo-wmo')).text();
    expect(readCsv(wmoCsv.replace(/^\uFEFF/, ''))[0]).toContain('partner');
  });
});

describe('samples by letter', () => {
  it('a batch of 20 with 5 responses (web, telephone and paper) reports 25%, with its label and population', async () => {
    const res = await admin('/v1/invites', {
      method: 'POST',
      json: {
        questionnaire: 'sociaal-team-kort',
        partner: 'sociaal-team',
        count: 20,
        label: 'Steekproef 2025',
        population: 'Cliënten met een maatwerkvoorziening in 2025',
        populationSize: 400,
        serviceYear: '2025',
      },
    });
    expect(res.status).toBe(201);
    const { invites, batch } = (await res.json()) as { invites: { token: string }[]; batch: string };
    expect(invites).toHaveLength(20);
    for (const { token } of invites.slice(0, 3)) {
      const r = await call('/v1/responses', { method: 'POST', json: submission({ invite: token }) });
      expect(r.status, await r.clone().text()).toBe(201);
    }
    const phone = invites.slice(3, 5).map(({ token }, i) => ({
      submissionId: crypto.randomUUID(),
      questionnaireId: 'sociaal-team-kort',
      version: 1,
      channel: i === 0 ? 'telefoon' : 'papier',
      invite: token,
      answers: { tot_cijfer: 6, tot_aanraden: 'misschien' },
    }));
    const imported = (await (await importLines('sociaal-team-kort', phone)).json()) as any;
    expect(imported.stored).toBe(2);
    // The same code twice is refused: one invite, one response.
    const again = (await (await importLines('sociaal-team-kort', [{ ...phone[0], submissionId: crypto.randomUUID() }])).json()) as any;
    expect(again.refusedByCode).toEqual({ invite_used: 1 });

    const stats = (await (await admin('/v1/invites?questionnaire=sociaal-team-kort')).json()) as any;
    const b = stats.batches.find((x: any) => x.id === batch);
    expect(b).toMatchObject({
      count: 20,
      used: 5,
      responseRate: 25,
      label: 'Steekproef 2025',
      population: 'Cliënten met een maatwerkvoorziening in 2025',
    });
    // The batch's service year places its answers in 2025 by service, whatever day they came in.
    expect((await aggregate('questionnaire=sociaal-team-kort&year=2025&by=service')).n).toBe(5);
  });

  it('prints one A4 letter per invite with the QR code, the short link, the code and how to get paper or a phone call', async () => {
    const res = await admin('/v1/invites/letters', {
      method: 'POST',
      json: { questionnaire: 'sociaal-team-kort', partner: 'sociaal-team', count: 2, phone: '14 078', serviceYear: '2025', label: 'Brief' },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const html = await res.text();
    const codes = [...html.matchAll(/<p class="code">([0-9A-Z-]+)<\/p>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(2);
    expect(codes[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('Bel 14 078');
    expect(html).toContain('Gemeente Demo');
    // Without a camera: the short link with the code, typed in any case, opens the hosted page with the invite.
    expect(html).toContain(`http://peil.test/i/${codes[0]}`);
    const short = await call(`/i/${codes[0].toLowerCase()}`, { redirect: 'manual' });
    expect(short.status).toBe(302);
    expect(short.headers.get('Location')).toBe(`http://peil.test/s/demo-site/sociaal-team-kort?peil-invite=${codes[0]}`);
    // An interviewer may type the code in lower case and without dashes.
    const typed = codes[1].replace(/-/g, '').toLowerCase();
    const line = {
      submissionId: crypto.randomUUID(),
      questionnaireId: 'sociaal-team-kort',
      version: 1,
      channel: 'telefoon',
      invite: typed,
      answers: { tot_cijfer: 9, tot_aanraden: 'ja' },
    };
    expect(((await (await importLines('sociaal-team-kort', [line])).json()) as any).stored).toBe(1);
  });
});

describe('the yearly CEO report', () => {
  // A seeded year: every fourth answer to ceo_snel "oneens", the rest "helemaal eens" or "eens".
  const year = (y: string, count: number, offset = 0) =>
    Array.from({ length: count }, (_, i) => ({
      submissionId: crypto.randomUUID(),
      questionnaireId: 'ceo-wmo',
      version: 1,
      channel: i % 5 === 0 ? 'papier' : 'telefoon',
      submittedAt: `${y}-0${1 + (i % 9)}-15T10:00:00+01:00`,
      answers: {
        ceo_wist_waar: i % 2 ? 'eens' : 'helemaal_eens',
        ceo_snel: (i + offset) % 4 === 0 ? 'oneens' : i % 2 ? 'eens' : 'helemaal_eens',
        ceo_serieus: 'eens',
        ceo_oco: i % 3 === 0 ? 'ja' : 'nee',
        ceo_kwaliteit: i % 10 === 0 ? 'weet_niet' : 'eens',
        ceo_redden: i % 2 ? 'neutraal' : 'eens',
        tot_cijfer: 6 + (i % 4),
        tot_beter: i % 3 === 0 ? 'Ik moest lang wachten op een antwoord.' : 'De medewerker was vriendelijk.',
      },
      context: { team: ['oost', 'centrum', 'krispijn'][i % 3] },
    }));

  it('has every section, and its figures equal GET /v1/aggregates for the same year', async () => {
    const imported = (await (await importLines('ceo-wmo', [...year('2025', 60), ...year('2024', 50, 2)])).json()) as any;
    expect(imported.stored).toBe(110);
    const res = await admin('/v1/reports/ceo?questionnaire=ceo-wmo&year=2025');
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await res.text();
    for (const id of ['samenvatting', 'methode', 'resultaten', 'open-antwoorden', 'bijlage']) expect(html).toContain(`id="${id}"`);
    for (const theme of ['toegang', 'kwaliteit', 'effect']) expect(html).toContain(`<h3 id="thema-${theme}">`);
    expect(html).toContain('Wet maatschappelijke ondersteuning 2015, artikel 2.5.1');

    const agg = await aggregate('questionnaire=ceo-wmo&year=2025&compare=lastyear');
    expect(agg.n).toBe(60);
    // By hand: 15 of the 60 answers to ceo_snel are "oneens" (i = 0, 4, …, 56), so 75,0% (helemaal) mee eens.
    expect(agg.items.ceo_snel.pct.eens).toBe(75);

    const nl1 = (x: number) => x.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const csv = readCsv((await (await admin('/v1/reports/ceo?questionnaire=ceo-wmo&year=2025&format=csv')).text()).replace(/^\uFEFF/, ''));
    const [header, ...rows] = csv;
    const col = (name: string) => header.indexOf(name);
    const stellingen = ['ceo_wist_waar', 'ceo_snel', 'ceo_serieus', 'ceo_kwaliteit', 'ceo_redden'];
    for (const id of stellingen) {
      const row = rows.find((r) => r[col('item')] === id)!;
      const cell = agg.items[id];
      expect(Number(row[col('n')]), id).toBe(cell.n);
      expect(Number(row[col('waarde')]), id).toBe(cell.pct.eens);
      expect([Number(row[col('ci95_laag')]), Number(row[col('ci95_hoog')])], id).toEqual(cell.ci95.eens);
      expect(Number(row[col('verschil_vorig_jaar')]), id).toBe(agg.comparison.items[id].delta);
      expect(row[col('significant')], id).toBe(agg.comparison.items[id].significant ? '1' : '0');
      // The printed table states the same n and percentage.
      const text = agg.labels.items[id].text.nl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const printed = new RegExp(`<td>${text}</td><td>% \\(helemaal\\) mee eens</td><td class="num">(\\d+)</td><td class="num">([\\d,]+)%`);
      const m = html.match(printed);
      expect(m, id).not.toBeNull();
      expect(Number(m![1])).toBe(cell.n);
      expect(m![2]).toBe(nl1(cell.pct.eens));
    }
    const cijfer = rows.find((r) => r[col('item')] === 'tot_cijfer')!;
    expect(Number(cijfer[col('waarde')])).toBe(agg.items.tot_cijfer.mean);
    const oco = rows.find((r) => r[col('item')] === 'ceo_oco')!;
    expect(Number(oco[col('waarde')])).toBe(agg.items.ceo_oco.pct.ja);
    // Channels in the method section are those of the aggregate broken down by channel.
    const channels = await aggregate('questionnaire=ceo-wmo&year=2025&groupBy=channel');
    const papier = channels.groups.find((g: any) => g.key === 'papier');
    expect(html).toContain(`<li>Papier: ${papier.n}</li>`);

    const due = (await (await admin('/v1/reports/ceo/due')).json()) as any;
    expect(due.deadline).toMatch(/^\d{4}-07-01$/);
    expect(due.questionnaires.map((q: any) => q.id)).toEqual(expect.arrayContaining(['ceo-wmo', 'mcjo-ouders']));
    expect(due.questionnaires.map((q: any) => q.id)).not.toContain('sociaal-team-kort');
    const exists = async () =>
      ((await (await admin('/v1/reports/ceo/due')).json()) as any).questionnaires.find((q: any) => q.id === 'ceo-wmo').reportExists;
    expect(await exists()).toBe(due.year === '2025');
    expect((await admin(`/v1/reports/ceo?questionnaire=ceo-wmo&year=${due.year}`)).status).toBe(200);
    expect(await exists()).toBe(true);
  });

  it('selects by service year when asked: an answer given in 2025 about help in 2024 counts in 2024', async () => {
    const late = year('2025', 12).map((l) => ({
      ...l,
      questionnaireId: 'ceo-wmo',
      submittedAt: '2025-02-03T09:00:00+01:00',
      context: { ...l.context, serviceDate: '2024-11' },
    }));
    const before = await aggregate('questionnaire=ceo-wmo&year=2024&by=service');
    await importLines('ceo-wmo', late);
    const after = await aggregate('questionnaire=ceo-wmo&year=2024&by=service');
    expect(after.n - (before.n ?? 0)).toBe(12);
    const report = await (await admin('/v1/reports/ceo?questionnaire=ceo-wmo&year=2024&by=service&format=csv')).text();
    const rows = readCsv(report.replace(/^\uFEFF/, ''));
    const snel = rows.find((r) => r[5] === 'ceo_snel')!;
    expect(Number(snel[8])).toBe(after.items.ceo_snel.n);
    expect(snel[3]).toBe('dienstjaar');
  });
});

describe('a ledger from before service years', () => {
  it('gets the service year column at its next start and keeps every count', async () => {
    const Q = 'sociaal-team';
    const lines = Array.from({ length: 3 }, () => ({
      submissionId: crypto.randomUUID(),
      questionnaireId: Q,
      version: 1,
      channel: 'telefoon',
      answers: { tot_cijfer: 7, tot_aanraden: 'ja', mw_serieus: 'eens' },
      context: { team: 'oost' },
    }));
    expect(((await (await importLines(Q, lines)).json()) as any).stored).toBe(3);
    const ledger = ledgerFor(env, 'demo', Q);
    const [counts, figures] = [await ledger.counts(), await aggregate(`questionnaire=${Q}`)];
    const old = DIMENSIONS.filter((d) => d !== 'service_year');
    await runInDurableObject(ledger, (_: Ledger, state: DurableObjectState) => {
      const sql = state.storage.sql;
      // Put the tables back as a ledger made before the service year had them.
      for (const cube of ['cube', 'cube_month']) {
        sql.exec(`CREATE TABLE ${cube}_before (day TEXT NOT NULL, ${old.map((d) => `${d} TEXT NOT NULL`).join(', ')},
          item TEXT NOT NULL, value TEXT NOT NULL, count INTEGER NOT NULL, keysum INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (day, ${old.join(', ')}, item, value)) WITHOUT ROWID`);
        sql.exec(`INSERT INTO ${cube}_before SELECT day, ${old.join(', ')}, item, value, count, keysum FROM ${cube}`);
        sql.exec(`DROP TABLE ${cube}`);
        sql.exec(`ALTER TABLE ${cube}_before RENAME TO ${cube}`);
      }
      for (const table of ['responses', 'open_texts']) sql.exec(`ALTER TABLE ${table} DROP COLUMN service_year`);
      createTables(sql);
      const columns = sql
        .exec<{ name: string }>('PRAGMA table_info(cube)')
        .toArray()
        .map((c) => c.name);
      expect(columns).toContain('service_year');
    });
    expect(await ledger.counts()).toEqual(counts);
    const after = await aggregate(`questionnaire=${Q}`);
    expect(after.n).toBe(figures.n);
    expect(after.items.mw_serieus).toEqual(figures.items.mw_serieus);
  });
});
