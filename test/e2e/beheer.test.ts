import { mkdir, readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/build.mjs';
import { startStack, type Stack } from './stack.js';

const SHOTS = '/tmp/peil-shots';
const SCREENS = ['vragenlijsten', 'partners', 'uitnodigingen', 'toegang', 'gegevens', 'logboek'];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let stack: Stack;
/** Peil under a host name: a passkey's relying party cannot be an IP address. */
let site: string;
let axeSource: string;
const admin = { Authorization: 'Bearer demo-admin' };

beforeAll(async () => {
  await buildAll();
  stack = await startStack();
  site = stack.origin.replace('127.0.0.1', 'localhost');
  axeSource = await readFile('node_modules/axe-core/axe.min.js', 'utf8');
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await stack?.stop();
});

/** A browser with a platform authenticator, as a laptop with a fingerprint reader has. */
async function withPasskeys(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { context, page };
}

/** axe-core's WCAG 2.2 A and AA rules over the page, shadow roots included; evaluated, so the CSP does not apply. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run(c: Document, o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  }, WCAG_TAGS);
}

const status = (page: Page) => page.locator('[role=status]').first();
/** Waits for what the page shows; a shared machine can be slow, never wrong. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe('beheer in Chromium', () => {
  let page: Page;
  let context: BrowserContext;
  let setupUrl: string;

  it('a beheerder invites a colleague; the colleague registers a passkey, signs out and signs in again', async () => {
    ({ page, context } = await withPasskeys());
    await page.goto(`${site}/beheer?scherm=toegang#token=demo-admin`);
    await poll(() => page.url()).not.toContain('token=');
    await page.getByLabel('Naam', { exact: true }).first().fill('Fatima de Vries');
    await page.getByLabel('E-mailadres').fill('f.devries@demo.example');
    await page.getByLabel('Rol').selectOption('beheerder');
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    setupUrl = (await page.locator('pre[data-secret]').textContent())!;
    expect(setupUrl).toMatch(new RegExp(`^${site}/beheer#setup=setup_`));
    await page.getByRole('button', { name: 'Afmelden' }).click();

    await page.goto(setupUrl);
    await poll(() => page.getByText('f.devries@demo.example').count()).toBe(1);
    await page.getByRole('button', { name: 'Toegangssleutel maken' }).click();
    await poll(() => page.getByText('Fatima de Vries · beheerder').count()).toBe(1);
    const cookie = (await context.cookies(site)).find((c) => c.name === 'peil_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await poll(() => page.getByRole('button', { name: 'Aanmelden met toegangssleutel' }).count()).toBe(1);
    // With the keyboard alone.
    await page.getByRole('button', { name: 'Aanmelden met toegangssleutel' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByText('Fatima de Vries · beheerder').count()).toBe(1);

    // The link was for once: opening it again says so in Dutch.
    const again = await context.newPage();
    await again.goto(setupUrl);
    await poll(() => again.getByText('Deze link is al gebruikt of werkt niet meer').count()).toBe(1);
    await again.close();
  });

  it('creates a partner with a team and an origin (a trailing slash gets its own message) and copies its snippet', async () => {
    await page.goto(`${site}/beheer?scherm=partners`);
    const name = page.locator('#p-name');
    await name.focus();
    await page.keyboard.type('Wijkteam Noord');
    await page.keyboard.press('Tab');
    await page.keyboard.type('het wijkteam');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://www.wijkteam-noord.nl/');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Team Noord-West');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(() => page.getByText('Haal de / aan het eind weg: https://www.wijkteam-noord.nl').count()).toBe(1);
    const partners = async () =>
      (
        (await (await fetch(`${stack.origin}/v1/gemeenten/demo/partners`, { headers: admin })).json()) as {
          partners: Record<string, unknown>[];
        }
      ).partners;
    expect((await partners()).some((p) => p.id === 'wijkteam-noord')).toBe(false);

    await page.getByLabel(/^Websites/).fill('https://www.wijkteam-noord.nl');
    await page.getByRole('button', { name: 'Partner maken' }).click();
    await poll(async () => (await partners()).some((p) => p.id === 'wijkteam-noord')).toBe(true);
    const { siteKeys } = (await (
      await fetch(`${stack.origin}/v1/gemeenten/demo/site-keys?partner=wijkteam-noord`, { headers: admin })
    ).json()) as {
      siteKeys: { siteKey: string; origins: string[] }[];
    };
    expect(siteKeys[0].origins).toEqual(['https://www.wijkteam-noord.nl']);

    // The same name again is the same id: refused in Dutch beside the field, nothing changes.
    await page.locator('#p-name').fill('Wijkteam Noord');
    await page.getByLabel(/^Websites/).fill('https://www.ander-wijkteam.nl');
    await page.getByRole('button', { name: 'Partner maken' }).click();
    await poll(() => page.getByText('Er is al een partner of team met de id wijkteam-noord.', { exact: false }).count()).toBe(1);
    expect((await partners()).filter((p) => p.id === 'wijkteam-noord')).toHaveLength(1);

    const card = page.locator('article', { has: page.getByRole('heading', { name: 'Wijkteam Noord' }) });
    await card.getByLabel('Vragenlijst').selectOption('sociaal-team-kort');
    await card.getByLabel('Team', { exact: true }).selectOption('team-noord-west');
    await card.getByRole('button', { name: 'Code voor Wijkteam Noord kopiëren' }).click();
    await poll(() => page.getByText('De code is gekopieerd.').count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `<script defer src="${site}/peil.js"></script>\n` +
        `<peil-survey questionnaire="sociaal-team-kort" site-key="${siteKeys[0].siteKey}" team="team-noord-west"></peil-survey>`,
    );
    await page.screenshot({ path: `${SHOTS}/beheer-partners.png` });

    // Edit how the questions name it, in English too.
    await card.getByText('Wijkteam Noord bewerken').click();
    await card.getByLabel(/^In de vragen, Engels/).fill('the Noord neighbourhood team');
    await card.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(async () => (await partners()).find((p) => p.id === 'wijkteam-noord'))
      .toMatchObject({
        organisatie: 'het wijkteam',
        organisatieEn: 'the Noord neighbourhood team',
      });
  });

  it('edits a question and publishes it as the next version after saying what changes', async () => {
    await page.goto(`${site}/beheer?scherm=vragenlijsten`);
    await page.getByRole('button', { name: 'sociaal-team-kort bewerken' }).click();
    const question = page.locator('#f-sections-0-items-0-text-nl');
    await question.fill('');
    await poll(() => page.getByText('Vul deze tekst in.').count()).toBeGreaterThan(0);
    await question.fill('Welk cijfer geeft u de hulp van het sociaal team?');
    await poll(() => page.getByText('Concept opgeslagen.').count()).toBe(1);
    // The preview is the survey element itself, with the new text.
    await poll(() => page.locator('peil-survey').getByText('Welk cijfer geeft u de hulp van het sociaal team?').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/beheer-editor.png` });
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    await poll(() => page.getByText('Gewijzigd: “Welk cijfer geeft u de hulp van het sociaal team?”').count()).toBe(1);
    await page.getByRole('button', { name: 'Ja, publiceer versie 2' }).click();
    await poll(() => page.getByText('Versie 2 is gepubliceerd.', { exact: false }).count()).toBe(1);
    const served = (await (await fetch(`${stack.origin}/v1/questionnaires/sociaal-team-kort?siteKey=demo-site`)).json()) as {
      version: number;
      sections: { items: { text: { nl: string } }[] }[];
    };
    expect(served.version).toBe(2);
    expect(served.sections[0].items[0].text.nl).toBe('Welk cijfer geeft u de hulp van het sociaal team?');

    // Another kind of answer under a published id would break the trend: explained at the field, not saved.
    await page.locator('#f-0-0-type').selectOption('stelling');
    await expect
      .poll(() => page.getByText('Deze vraag had in een eerdere versie een ander soort antwoord.', { exact: false }).count())
      .toBe(1);
    expect(await page.getByRole('button', { name: 'Publiceren…' }).isDisabled()).toBe(true);
    const { draft } = (await (
      await fetch(`${stack.origin}/v1/admin/questionnaires/sociaal-team-kort/draft`, { headers: admin })
    ).json()) as {
      draft: { sections: { items: { type: string }[] }[] };
    };
    expect(draft.sections[0].items[0].type).toBe('cijfer');
  });

  it('creates invites and shows how many there are', async () => {
    await page.goto(`${site}/beheer?scherm=uitnodigingen`);
    await page.getByLabel('Partner').selectOption('wijkteam-noord');
    await page.getByLabel('Aantal').fill('3');
    await page.getByRole('button', { name: 'Uitnodigingen maken' }).click();
    await poll(() => page.locator('[data-stats]').textContent()).toContain('3 gemaakt, 0 gebruikt');
    expect((await page.locator('pre').textContent())!.split('\n')).toHaveLength(3);
  });

  it('creates an API token (shown once), rotates and revokes it', async () => {
    await page.goto(`${site}/beheer?scherm=toegang`);
    await page.getByLabel(/^Naam.*Waarvoor/).fill('export-script');
    await page.getByRole('button', { name: 'Sleutel maken' }).click();
    const first = (await page.locator('pre[data-secret]').textContent())!;
    const works = async (token: string) =>
      (await fetch(`${stack.origin}/v1/gemeenten/demo/partners`, { headers: { Authorization: `Bearer ${token}` } })).status;
    expect(await works(first)).toBe(200);
    await page.getByRole('button', { name: 'Klaar' }).click();
    await page.getByRole('button', { name: 'export-script vervangen' }).click();
    await poll(() => page.getByRole('heading', { name: 'Nieuwe API-sleutel export-script' }).count()).toBe(1);
    const second = (await page.locator('pre[data-secret]').textContent())!;
    expect(second).not.toBe(first);
    expect(await works(first)).toBe(401);
    expect(await works(second)).toBe(200);
    await page.getByRole('button', { name: 'export-script intrekken' }).click();
    await poll(() => status(page).textContent()).toContain('Sleutel export-script is ingetrokken.');
    expect(await works(second)).toBe(401);
  });

  it('imports interviews from a file with a report per refused line, and says what a shorter retention deletes first', async () => {
    await page.goto(`${site}/beheer?scherm=gegevens`);
    await page.getByLabel('Vragenlijst').selectOption('sociaal-team-kort');
    const good = {
      submissionId: crypto.randomUUID(),
      questionnaireId: 'sociaal-team-kort',
      version: 1,
      channel: 'telefoon',
      submittedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      answers: { tot_cijfer: 8, tot_aanraden: 'ja' },
      context: { team: 'oost' },
    };
    const bad = { ...good, submissionId: crypto.randomUUID(), answers: { tot_cijfer: 11, tot_aanraden: 'ja' } };
    await page.locator('#g-file').setInputFiles({
      name: 'interviews.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(`${JSON.stringify(good)}\n${JSON.stringify(bad)}\n`),
    });
    await page.getByRole('button', { name: 'Invoeren' }).click();
    await poll(() => page.getByText('2 regels gelezen: 1 opgeslagen, 0 al eerder ingevoerd, 1 geweigerd.').count()).toBe(1);
    expect(await page.getByText('Regel 2:').textContent()).toContain('Dit antwoord past niet bij de vraag.');
    expect(await page.locator('#g-progress').getAttribute('value')).toBe('100');

    await page.getByLabel('Nieuwe termijn (dagen)').fill('10');
    await page.getByRole('button', { name: 'Bekijk wat dit doet' }).click();
    await poll(() => page.locator('[data-retention-preview]').textContent()).toContain('1 antwoorden');
    await page.screenshot({ path: `${SHOTS}/beheer-gegevens.png` });
    await page.getByRole('button', { name: 'Niet wijzigen' }).click();
    const kept = (await (await fetch(`${stack.origin}/v1/aggregates?questionnaire=sociaal-team-kort`, { headers: admin })).json()) as {
      n: number;
    };
    expect(kept.n).toBe(1);

    // The export's CSV layout: a bad code is refused with its column, the good row is stored.
    const day = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const csv = [
      'submission_id,version,day,channel,team,tot_cijfer,tot_aanraden',
      `${crypto.randomUUID()},1,${day},papier,oost,7,3`,
      `${crypto.randomUUID()},1,${day},papier,oost,7,7`,
    ];
    await page
      .locator('#g-file')
      .setInputFiles({ name: 'interviews.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv.join('\r\n')}\r\n`) });
    await page.getByRole('button', { name: 'Invoeren' }).click();
    await poll(() => page.getByText('2 regels gelezen: 1 opgeslagen, 0 al eerder ingevoerd, 1 geweigerd.').count()).toBe(1);
    expect(await page.getByText('Regel 3:').textContent()).toContain('Kolom tot_aanraden');
    // A column the export does not write: the whole file is refused, and the message names it.
    await page.locator('#g-file').setInputFiles({
      name: 'interviews.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${csv[0]},opmerking\r\n${csv[1]},x\r\n`),
    });
    await page.getByRole('button', { name: 'Invoeren' }).click();
    await poll(() => page.locator('p.error').textContent()).toContain('Kolommen: opmerking.');
    const after = (await (await fetch(`${stack.origin}/v1/aggregates?questionnaire=sociaal-team-kort`, { headers: admin })).json()) as {
      n: number;
    };
    expect(after.n).toBe(2);
  });

  it('the audit log shows who did each of these', async () => {
    await page.goto(`${site}/beheer?scherm=logboek`);
    await poll(() => page.locator('tbody tr').count()).toBeGreaterThan(5);
    const rows = await page.locator('tbody tr').allTextContents();
    const by = (what: string) => rows.filter((r) => r.includes(what) && r.includes('Fatima de Vries <f.devries@demo.example>'));
    // The partner made, and the refused second one with the same id: refusals are in the log too.
    const partnerRows = by('POST /v1/gemeenten/:id/partners');
    expect(partnerRows).toHaveLength(2);
    expect(partnerRows.filter((r) => r.includes('nee (409)'))).toHaveLength(1);
    expect(by('POST /v1/admin/questionnaires/:id/publish')).toHaveLength(1);
    expect(by('POST /v1/invites')).toHaveLength(1);
    expect(by('POST /v1/import')).toHaveLength(3);
    expect(by('PATCH /v1/gemeenten/:id/partners/:partner')).toHaveLength(1);
    expect(by('POST /v1/gemeenten/:id/tokens/:tokenId/rotate')).toHaveLength(1);
    expect(by('DELETE /v1/gemeenten/:id/tokens/:tokenId')).toHaveLength(1);
    expect(by('POST /v1/auth/login/verify').length).toBeGreaterThanOrEqual(1);
    expect(rows.some((r) => r.includes('POST /v1/gemeenten/:id/accounts') && r.includes('demo admin'))).toBe(true);
    expect(rows.join('\n')).not.toContain('Welk cijfer geeft u de hulp');
    await page.screenshot({ path: `${SHOTS}/beheer-logboek.png` });
  });

  it('speaks English when the reader chooses it, on every screen, and keeps the choice', async () => {
    await page.goto(`${site}/beheer?scherm=logboek`);
    await poll(() => page.getByRole('heading', { name: 'Peil beheer' }).count()).toBe(1);
    await page.getByLabel('Taal').selectOption('en');
    await poll(() => page.getByRole('heading', { name: 'Peil admin' }).count()).toBe(1);
    // The menu and the screen below it follow too, not only the header.
    await poll(() => page.getByRole('button', { name: 'Access' }).count()).toBe(1);
    await poll(() => page.getByRole('heading', { name: 'Audit log' }).count()).toBe(1);
    await page.reload();
    await poll(() => page.getByRole('heading', { name: 'Peil admin' }).count()).toBe(1);
    await page.getByLabel('Language').selectOption('nl');
    await poll(() => page.getByRole('heading', { name: 'Peil beheer' }).count()).toBe(1);
  });

  it('axe finds nothing on any screen, at 1280 px and at 320 px, and 320 px needs no sideways scrolling', async () => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      for (const screen of SCREENS) {
        await page.goto(`${site}/beheer?scherm=${screen}`);
        await poll(() => page.locator('h2').first().count()).toBe(1);
        await page.waitForLoadState('networkidle');
        expect({ screen, width, violations: await violations(page) }).toEqual({ screen, width, violations: [] });
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        expect({ screen, width, scroll }).toEqual({ screen, width, scroll: width });
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site}/beheer?scherm=vragenlijsten`);
    await page.getByRole('button', { name: 'sociaal-team-kort bewerken' }).click();
    await poll(() => page.getByText('Concept opgeslagen.').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await poll(() => page.getByRole('button', { name: 'Aanmelden met toegangssleutel' }).count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
