import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import './dashboard.js';
import { fmtDec, fmtDecCi, fmtDiff, fmtInt, fmtPct, fmtPctCi } from './dashboard/format.js';
import { addMonths, periodRange, readSelection, resolveRange } from './dashboard/selection.js';
import type { PeilDashboard } from './peil-dashboard.js';
import { expectAccessible } from './test/helpers.js';

/** A WebSocket stand-in the test drives: the dev server has no /v1/live. */
class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  closed = false;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.all.push(this);
  }
  close(): void {
    this.closed = true;
  }
  send(): void {}
  static last(): FakeSocket {
    return FakeSocket.all[FakeSocket.all.length - 1];
  }
}

interface Logged {
  path: string;
  query: Record<string, string>;
  auth: string;
  session: boolean;
}

const RealWebSocket = window.WebSocket;
const startUrl = location.pathname + location.search;

async function log(): Promise<Logged[]> {
  return (await fetch('/__dashboard/log', { cache: 'no-store' })).json() as Promise<Logged[]>;
}

function text(el: PeilDashboard): string {
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

function $<T extends Element = HTMLElement>(el: PeilDashboard, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

async function mount(token = 'test-admin'): Promise<PeilDashboard> {
  const el = await fixture<PeilDashboard>(html`<peil-dashboard questionnaire="sociaal-team" token=${token}></peil-dashboard>`);
  return el;
}

async function loaded(el: PeilDashboard): Promise<void> {
  await waitUntil(
    () => el.shadowRoot?.querySelector('[data-figure="n"]') && el.shadowRoot.querySelector('table.teams'),
    'the report did not load',
    {
      timeout: 10_000,
    },
  );
  await el.updateComplete;
}

const figure = (el: PeilDashboard, name: string) => $(el, `[data-figure="${name}"]`).textContent!.trim();

describe('<peil-dashboard>', () => {
  beforeEach(async () => {
    await fetch('/__dashboard/reset', { method: 'POST' });
    sessionStorage.clear();
    history.replaceState(null, '', startUrl);
    FakeSocket.all = [];
    (window as unknown as { WebSocket: unknown }).WebSocket = FakeSocket;
    await setViewport({ width: 1280, height: 900 });
  });
  afterEach(() => {
    window.WebSocket = RealWebSocket;
    history.replaceState(null, '', startUrl);
  });

  describe('Dutch figures', () => {
    it('writes decimals with a comma, whole percentages and signed differences', () => {
      expect(fmtDec(8.8)).to.equal('8,8');
      expect(fmtDec(9)).to.equal('9,0');
      expect(fmtPct(90)).to.equal('90%');
      expect(fmtPct(2.4)).to.equal('2%');
      expect(fmtInt(1234)).to.equal('1.234');
      expect(fmtDiff(0.3)).to.equal('+0,3');
      expect(fmtDiff(8.5 - 8.8)).to.equal('−0,3');
      expect(fmtPctCi(79.4, [73.6, 84.2])).to.equal('79% (74–84%)');
      expect(fmtDecCi(8.2, [7.94, 8.46])).to.equal('8,2 (7,9–8,5)');
    });

    it('resolves periods, and the dates of a trend period within the selection', () => {
      const sel = readSelection(new URLSearchParams('period=vorig-kwartaal'), 'x');
      expect(resolveRange(sel, '2026-11-22')).to.deep.equal({ from: '2026-07-01', to: '2026-09-30' });
      const custom = readSelection(new URLSearchParams('from=2026-03-01&to=2026-03-10'), 'x');
      expect(custom.period).to.equal('anders');
      expect(addMonths('2026-03-31', -1)).to.equal('2026-02-28');
      expect(periodRange('2026-02', {})).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
      expect(periodRange('2026-Q4', { from: '2026-01-01', to: '2026-11-22' })).to.deep.equal({ from: '2026-10-01', to: '2026-11-22' });
      expect(periodRange('2025-12', { from: '2025-12-05' })).to.deep.equal({ from: '2025-12-05', to: '2025-12-31' });
      expect(periodRange('_onbekend', {})).to.equal(undefined);
    });
  });

  describe('the report', () => {
    it('shows the headline figures with n, interval and the comparison to the period before', async () => {
      const el = await mount();
      await loaded(el);
      expect(figure(el, 'n')).to.equal('121');
      expect(figure(el, 'cijfer')).to.equal('8,8');
      expect(figure(el, 'onvoldoende')).to.equal('2%');
      expect(figure(el, 'aanraden')).to.equal('90%');
      const t = text(el);
      expect(t).to.contain('95%-interval: 8,6 tot 9,0');
      expect(t).to.contain('en nog 8% misschien');
      expect($(el, '#t-aanraden').parentElement!.textContent).to.contain('95%-interval: 84–94%');
      expect($(el, '#t-onvoldoende').parentElement!.textContent).to.contain('95%-interval: 1–6%');
      // The API's test: the cijfer differs significantly (both n ≥ 30), aanraden does not.
      const tileText = (id: string) => $(el, `#t-${id}`).parentElement!.textContent!.replace(/\s+/g, ' ');
      expect(tileText('cijfer')).to.match(/Vorige periode \(1 juni 2025 – 30 november 2025\): 8,5, n = 100\. Significant hoger: \+0,3\./);
      expect($(el, '#t-cijfer').parentElement!.querySelector('[data-compare]')!.getAttribute('data-compare')).to.equal('up');
      expect(tileText('aanraden')).to.contain('85%, n = 100. Geen significant verschil (+5 procentpunt).');
      expect($(el, '#t-aanraden').parentElement!.querySelector('[data-compare]')!.getAttribute('data-compare')).to.equal('same');
      expect(tileText('n')).to.contain('Vorige periode: 100');
      // No weights given: no choice between weighted and unweighted.
      expect(el.shadowRoot!.querySelector('[data-weighting]')).to.equal(null);
      // The selection with its test, per team (without the team filter), per language, per month, and the trend's first month against its last.
      const reads = (await log()).filter((l) => l.path === '/v1/aggregates');
      expect(reads.map((r) => r.query.groupBy ?? '-').sort()).to.deep.equal(['-', '-', 'language', 'month', 'team']);
      expect(reads.find((r) => !r.query.groupBy && !r.query.compareFrom)!.query).to.include({ compare: 'previous', weighted: '1' });
      expect(reads.every((r) => r.auth === 'Bearer test-admin')).to.equal(true);
      await expectAccessible(el);
    });

    it('compares with the same period a year earlier when chosen, and highlights nothing with fewer than 30 there', async () => {
      const el = await mount();
      await loaded(el);
      await fetch('/__dashboard/reset', { method: 'POST' });
      const choice = $<HTMLSelectElement>(el, '#f-compare');
      choice.value = 'lastyear';
      choice.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => new URLSearchParams(location.search).get('compare') === 'lastyear', `the URL is ${location.search}`);
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Zelfde periode vorig jaar ('), 'the comparison did not change');
      const line = $(el, '#t-cijfer').parentElement!.querySelector('[data-compare]')!;
      // Significant by the test, but 25 answers a year earlier: no highlight.
      expect(line.getAttribute('data-compare')).to.equal('none');
      expect(line.textContent!.replace(/\s+/g, ' ')).to.contain('te weinig reacties om te vergelijken (minder dan 30)');
      expect((await log()).find((l) => !l.query.groupBy && !l.query.compareFrom)!.query.compare).to.equal('lastyear');
      await expectAccessible(el);
    });

    it('shows weighted figures with the effective n when weights exist, and switches to unweighted', async () => {
      await fetch('/__dashboard/weights', { method: 'POST' });
      const el = await mount();
      await loaded(el);
      const note = $(el, '[data-weighting]');
      expect(note.getAttribute('data-weighting')).to.equal('gewogen');
      expect(note.textContent!.replace(/\s+/g, ' ')).to.contain('Gewogen naar team, soort contact:');
      expect(figure(el, 'cijfer')).to.equal('8,6');
      expect($(el, '#t-cijfer').parentElement!.textContent!.replace(/\s+/g, ' ')).to.contain('n = 121 (effectief 98)');
      // Live pushes are counted, never weighted: the socket asks without weights.
      expect(FakeSocket.last().url).to.not.contain('weighted');
      await expectAccessible(el);
      $<HTMLInputElement>(el, 'input[name="weighted"][value="0"]').click();
      await waitUntil(() => new URLSearchParams(location.search).get('weighted') === '0', `the URL is ${location.search}`);
      await waitUntil(() => figure(el, 'cijfer') === '8,8', 'the unweighted figures did not come');
      expect($(el, '[data-weighting]').getAttribute('data-weighting')).to.equal('ongewogen');
      expect($(el, '#t-cijfer').parentElement!.textContent).to.not.contain('effectief');
    });

    it('names teams and questions as the server does, falling back to the default questionnaire', async () => {
      const el = await mount();
      await loaded(el);
      const t = text(el);
      expect($(el, 'table.teams').textContent).to.contain('Crabbehof en Zuid');
      expect(t).to.contain('Mijn hulpverlener nam mij serieus.');
      expect(t).not.to.contain('De medewerker nam mij serieus.');
      // An item the server sent no label for keeps the bank's text.
      expect(t).to.contain('De medewerker luisterde goed naar mij.');
      expect($(el, '[data-scope]').textContent).to.contain('Vragenlijst sociaal team');
    });

    it('shows stellingen in their blocks, sorted, with "weet niet" apart and the base under each chart', async () => {
      const el = await mount();
      await loaded(el);
      const blocks = [...el.shadowRoot!.querySelectorAll('[data-block]')].map((b) => b.querySelector('h3')!.textContent!.trim());
      expect(blocks).to.deep.equal(['Hulp vragen', 'Tevredenheid over medewerkers', 'Tevredenheid met ondersteuning']);
      const medewerker = $(el, '[data-block="medewerker"]');
      const labels = [...medewerker.querySelectorAll('.bar-label')].map((l) => l.textContent!.trim());
      expect(labels).to.deep.equal(['Mijn hulpverlener nam mij serieus.', 'De medewerker luisterde goed naar mij.']);
      expect(medewerker.textContent).to.contain('Toelichting: % van cliënten met een oordeel (n = 90–119)');
      // The data table and the bars' tooltips give each percentage its interval.
      const first = [...medewerker.querySelectorAll('details.data tbody tr')[0].children].map((c) => c.textContent!.trim());
      expect(first.slice(0, 4)).to.deep.equal(['Mijn hulpverlener nam mij serieus.', '94% (89–99%)', '4% (0–9%)', '2% (0–7%)']);
      expect(medewerker.querySelector('.seg.eens')!.getAttribute('title')).to.equal('(Helemaal) mee eens: 94% (89–99%)');
      const hulp = $(el, '[data-block="hulp_vragen"]');
      expect(hulp.textContent).to.contain('(n = 120)');
      // The gemeente counts "weet niet" as an answer once it is 20% or more: said beside the figure and under the chart.
      const snel = [...hulp.querySelectorAll('.bar-row')].find((r) => r.textContent!.includes('Ik werd snel geholpen.'))!;
      expect(snel.querySelector('[data-weet-niet]')!.getAttribute('data-weet-niet')).to.equal('inclusief');
      expect(snel.textContent).to.contain('weet niet 33%, meegeteld');
      expect(snel.querySelectorAll('.seg')).to.have.length(4);
      expect(hulp.querySelector('[data-weet-niet-included]')!.textContent).to.contain('Ik werd snel geholpen.');
      expect(hulp.querySelector('[data-weet-niet-included]')!.textContent).to.contain('Inclusief ‘weet niet’');
      const row = [...hulp.querySelectorAll('details.data tbody tr')].find((r) => r.textContent!.includes('Ik werd snel geholpen.'))!;
      expect(row.lastElementChild!.textContent!.trim()).to.equal('33% (n = 40), inclusief weet niet');
      expect(row.children[1].textContent!.trim()).to.equal('41% (36–46%)');
      // Not counted as an answer, a flagged stelling gets the warning.
      expect(hulp.querySelector('.note.flag')).to.equal(null);
      expect($(el, '[data-block="medewerker"] .note.flag').textContent).to.contain('De medewerker luisterde goed naar mij.');
      // A hidden stelling stays in its block, marked, never with figures.
      const ondersteuning = $(el, '[data-block="opgeleverd"]');
      expect(ondersteuning.querySelector('.stack.empty')!.textContent).to.equal('te weinig reacties');
      // Every chart has a text summary and a data table.
      for (const block of el.shadowRoot!.querySelectorAll('[data-block]')) {
        expect(block.querySelector('.summary')!.textContent!.trim()).to.not.equal('');
        expect(block.querySelector('details.data table caption')).to.exist;
        expect(block.querySelector('.bars')!.getAttribute('aria-hidden')).to.equal('true');
      }
      expect(text(el)).to.contain('Het meest eens zijn cliënten met ‘Mijn hulpverlener nam mij serieus.’ (94% (89–99%))');
    });

    it('marks hidden team cells "te weinig reacties" and indicatief cells, with a total column', async () => {
      const el = await mount();
      await loaded(el);
      const table = $<HTMLTableElement>(el, 'table.teams');
      const head = [...table.tHead!.rows[0].cells].map((c) => c.textContent!.trim());
      expect(head).to.deep.equal(['', 'Centrum', 'Crabbehof en Zuid', 'Krispijn', 'Oost', 'Wielwijk', 'Onbekend', 'Totaal']);
      const row = (label: string) => [...table.tBodies[0].rows].find((r) => r.cells[0].textContent!.includes(label))!;
      const n = [...row('Aantal reacties').cells].slice(1).map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
      expect(n).to.deep.equal([
        '23* (indicatief)',
        '36',
        '21* (indicatief)',
        'te weinig reacties',
        '26* (indicatief)',
        'te weinig reacties',
        '121',
      ]);
      const cijfer = [...row('Gemiddeld rapportcijfer').cells].slice(1).map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
      expect(cijfer[1]).to.equal('9,0');
      expect(row('Gemiddeld rapportcijfer').cells[2].querySelector('[title]')!.getAttribute('title')).to.equal('95%-interval: 8,6–9,4');
      expect(row('% zou aanraden').cells[7].querySelector('[title]')!.getAttribute('title')).to.equal('95%-interval: 84–94%');
      expect(cijfer[6]).to.equal('8,8');
      expect(row('Ik heb iets gehad').cells[1].textContent!.trim()).to.equal('te weinig reacties');
      expect(text(el)).to.contain('indicatief: minder dan 30 reacties');
    });

    it('shows the distribution, aanraden, meerkeuze bars, the trend and open answers where allowed', async () => {
      const el = await mount();
      await loaded(el);
      const t = text(el);
      expect(t).to.contain('Gemiddeld een 8,8 (8,6–9,0). 2% (1–6%) geeft een onvoldoende (5 of lager), 85% (78–90%) een 8 of hoger.');
      expect(t).to.contain('90% (84–94%) zou familie, vrienden of buren aanraden');
      expect(t).to.contain('Meerdere antwoorden mogelijk');
      expect(t).to.contain('samen meer dan 100%');
      // The change is stated because the API's test of September against October found one.
      expect(t).to.contain('Het gemiddelde rapportcijfer ging van 8,4 (sep 2026) naar 8,8 (okt 2026). Dat is een significant verschil.');
      const test = (await log()).find((l) => l.query.compareFrom)!;
      expect(test.query).to.include({ compareFrom: '2026-09-01', compareTo: '2026-09-30', from: '2026-10-01', to: '2026-10-31' });
      expect(t).to.contain('Ze luisterden echt naar mij.');
      expect(t).to.contain('Te weinig reacties om antwoorden te tonen.');
      // Context questions are filters, not results.
      expect(t).to.not.contain('Met welk team had u contact?');
      const charts = el.shadowRoot!.querySelectorAll('.bars, .columns');
      expect(charts.length).to.be.greaterThan(5);
      for (const chart of charts) expect(chart.closest('[aria-hidden="true"]'), chart.className).to.exist;
      expect(el.shadowRoot!.querySelectorAll('details.data table').length).to.be.at.least(7);
    });
    it('shows an nps item with its NPS score, mean, n and the 0–10 distribution', async () => {
      const el = await mount();
      await loaded(el);
      const section = $(el, '[aria-labelledby="h-nps"]');
      expect(section.querySelector('h2')!.textContent!.trim()).to.equal('Aanbevelen op een schaal van 0 tot 10');
      const card = $(el, '[data-nps="tot_nps"]');
      expect(card.querySelector('h3')!.textContent!.trim()).to.equal('Hoe waarschijnlijk is het dat u ons aanraadt?');
      expect(card.querySelector('[data-nps-figure="score"]')!.textContent!.trim()).to.equal('+48');
      expect(card.querySelector('[data-nps-figure="mean"]')!.textContent!.trim()).to.equal('8,4');
      const words = card.textContent!.replace(/\s+/g, ' ');
      expect(words).to.contain('NPS-score +48: 60% (50–69%) geeft een 9 of 10, 12% (7–20%) een 6 of lager. Gemiddeld een 8,4.');
      expect(words).to.contain('(n = 100)');
      // Eleven columns, 0 to 10, coloured by group; the chart is hidden from screen readers, its table is not.
      const columns = [...card.querySelectorAll('.columns .col')];
      expect(columns.map((c) => c.querySelector('.col-label')!.textContent)).to.deep.equal([
        '0',
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
        '10',
      ]);
      expect(columns.map((c) => c.querySelector('.col-bar')!.classList.contains('oneens'))).to.deep.equal([
        ...Array(7).fill(true),
        ...Array(4).fill(false),
      ]);
      expect(columns.filter((c) => c.querySelector('.col-bar')!.classList.contains('eens')).length).to.equal(2);
      expect(card.querySelector('.columns')!.getAttribute('aria-hidden')).to.equal('true');
      const rows = [...card.querySelectorAll('details.data tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
      expect(rows).to.have.length(11);
      expect(rows[0]).to.deep.equal(['0', '1', '1%']);
      expect(rows[8]).to.deep.equal(['8', '18', '18%']);
      expect(rows[10]).to.deep.equal(['10', '30', '30%']);
      await expectAccessible(el);
    });

    it('says an nps item has too few responses rather than showing its figures', async () => {
      history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(location.search)}&team=oost`);
      const el = await mount();
      await loaded(el);
      const card = $(el, '[data-nps="tot_nps"]');
      expect(card.textContent).to.contain('te weinig reacties');
      expect(card.querySelector('[data-nps-figure]')).to.equal(null);
      expect(card.querySelector('.columns')).to.equal(null);
    });
  });

  describe('filters', () => {
    it('reaches and operates every filter with the keyboard, and keeps the choice in the URL', async () => {
      const el = await mount();
      await loaded(el);
      const order: string[] = [];
      $<HTMLSelectElement>(el, '#f-questionnaire').focus();
      for (let i = 0; i < 6; i++) {
        order.push(el.shadowRoot!.activeElement?.id ?? '');
        await sendKeys({ press: 'Tab' });
      }
      expect(order.slice(0, 5)).to.deep.equal(['f-questionnaire', 'f-period', 'f-team', 'f-contact', 'f-status']);

      await fetch('/__dashboard/reset', { method: 'POST' });
      $<HTMLSelectElement>(el, '#f-team').focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => new URLSearchParams(location.search).get('team') === 'centrum', `the URL is ${location.search}`);
      await waitUntil(async () => (await log()).some((l) => l.query.team === 'centrum' && !l.query.groupBy));
      // The team breakdown still shows every team, so the chosen one can be compared.
      expect((await log()).find((l) => l.query.groupBy === 'team')!.query.team).to.equal(undefined);
      await loaded(el);
      expect($(el, '[data-scope]').textContent).to.contain('Centrum');

      $<HTMLSelectElement>(el, '#f-status').focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => new URLSearchParams(location.search).get('status') === 'afgerond');
    });

    it('filters on age and wijk with the questionnaire’s own answers, and names them in the scope', async () => {
      const el = await mount();
      await loaded(el);
      const wijk = $<HTMLSelectElement>(el, '#f-wijk');
      expect([...wijk.options].map((o) => o.text)).to.deep.equal(['Alle wijken', 'Binnenstad', 'Krispijn']);
      expect([...$<HTMLSelectElement>(el, '#f-leeftijd').options].map((o) => o.value)).to.deep.equal([
        '',
        'jonger_dan_45',
        '45_64',
        '65_plus',
      ]);
      await fetch('/__dashboard/reset', { method: 'POST' });
      wijk.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => new URLSearchParams(location.search).get('wijk') === 'krispijn', `the URL is ${location.search}`);
      await waitUntil(async () => (await log()).some((l) => l.query.wijk === 'krispijn' && !l.query.groupBy));
      await loaded(el);
      expect($(el, '[data-scope]').textContent).to.contain('Krispijn');
      await expectAccessible(el);
    });

    it('shows n per language and filters on the language the clients answered in', async () => {
      const el = await mount();
      await loaded(el);
      await waitUntil(() => el.shadowRoot!.querySelector('table.languages'), 'no table per language');
      const rows = [...el.shadowRoot!.querySelectorAll('table.languages tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
      expect(rows).to.deep.equal(['Arabisch 14', 'Nederlands 84', 'Turks te weinig reacties', 'Onbekend 18']);
      await fetch('/__dashboard/reset', { method: 'POST' });
      const select = $<HTMLSelectElement>(el, '#f-language');
      select.value = 'ar';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => new URLSearchParams(location.search).get('language') === 'ar', `the URL is ${location.search}`);
      await waitUntil(async () => (await log()).some((l) => l.query.language === 'ar' && !l.query.groupBy));
      // The breakdown per language still shows every language.
      await waitUntil(async () => (await log()).some((l) => l.query.groupBy === 'language'));
      expect((await log()).find((l) => l.query.groupBy === 'language')!.query.language).to.equal(undefined);
      await loaded(el);
      expect($(el, '[data-scope]').textContent).to.contain('Arabisch');
      await expectAccessible(el);
    });

    it('opens with the selection a shared link carries', async () => {
      history.replaceState(
        null,
        '',
        `${location.pathname}?${new URLSearchParams(location.search)}&period=anders&from=2026-01-01&to=2026-03-31&contact=lang&trend=quarter`,
      );
      const el = await mount();
      await loaded(el);
      expect($<HTMLSelectElement>(el, '#f-period').value).to.equal('anders');
      expect($<HTMLInputElement>(el, '#f-from').value).to.equal('2026-01-01');
      expect($<HTMLSelectElement>(el, '#f-contact').value).to.equal('lang');
      const reads = (await log()).filter((l) => l.path === '/v1/aggregates');
      const main = reads.find((r) => !r.query.groupBy && r.query.from === '2026-01-01')!;
      expect(main.query).to.include({ to: '2026-03-31', contact: 'lang', questionnaire: 'sociaal-team' });
      expect(reads.some((r) => r.query.groupBy === 'quarter')).to.equal(true);
      // The comparison period is the API's to choose: the dashboard asks for the test.
      expect(main.query.compare).to.equal('previous');
    });

    it('shows a selection that is too small as "te weinig reacties", accessibly', async () => {
      history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(location.search)}&team=oost`);
      const el = await mount();
      await loaded(el);
      expect(figure(el, 'n')).to.equal('6');
      expect(figure(el, 'cijfer')).to.equal('te weinig reacties');
      expect(figure(el, 'aanraden')).to.equal('te weinig reacties');
      expect(text(el)).to.contain('Er zijn te weinig reacties om deze stellingen te tonen.');
      await expectAccessible(el);
    });
  });

  describe('live', () => {
    it('updates figures from the socket and says when the connection drops and comes back', async () => {
      const el = await mount();
      await loaded(el);
      const socket = FakeSocket.last();
      expect(socket.protocols).to.deep.equal(['peil.v1', 'bearer.test-admin']);
      expect(socket.url).to.match(/^ws:\/\/.*\/v1\/live\?questionnaire=sociaal-team&from=/);
      socket.onopen!();
      await el.updateComplete;
      expect($(el, '[data-live]').textContent).to.contain('Live: cijfers worden vanzelf bijgewerkt');

      const before = (await log()).length;
      const next = await (
        await fetch('/v1/aggregates?questionnaire=sociaal-team', { headers: { Authorization: 'Bearer test-admin' } })
      ).json();
      socket.onmessage!({ data: JSON.stringify({ ...next, n: 122 }) });
      socket.onmessage!({ data: '{"type":"pong"}' });
      await el.updateComplete;
      expect(figure(el, 'n')).to.equal('122');
      // The breakdowns follow after a pause: one read per view, not one per message.
      await waitUntil(
        async () => (await log()).slice(before + 1).some((l) => l.query.groupBy === 'team'),
        'the team breakdown was not read again',
        {
          timeout: 5000,
        },
      );

      socket.onclose!({ code: 1006 });
      await el.updateComplete;
      expect($(el, '[data-live]').getAttribute('role')).to.equal('status');
      expect($(el, '[data-live]').textContent).to.contain('Geen verbinding');
      await waitUntil(() => FakeSocket.all.length === 2, 'no reconnect', { timeout: 5000 });
      FakeSocket.last().onopen!();
      await el.updateComplete;
      expect($(el, '[data-live]').textContent).to.contain('de verbinding is hersteld');

      // Closed because the token was revoked: reconnecting with it would only be refused.
      FakeSocket.last().onclose!({ code: 4001 });
      await el.updateComplete;
      expect($(el, '[data-live]').textContent).to.contain('Geen verbinding');
      await new Promise((r) => setTimeout(r, 2500));
      expect(FakeSocket.all.length).to.equal(2);
    });
  });

  describe('as a partner (a protected audience)', () => {
    const aggregateReads = async () => (await log()).filter((l) => l.path === '/v1/aggregates');

    it('shows the released figures with their release time, reads whole periods only, and stays accessible', async () => {
      const el = await mount('test-viewer');
      await loaded(el);
      expect(figure(el, 'n')).to.equal('121');
      expect(figure(el, 'cijfer')).to.equal('8,8');
      const release = $(el, '[data-release]').textContent!.replace(/\s+/g, ' ');
      expect(release).to.contain('Bijgewerkt om 10:42, 12 nieuwe reacties');
      expect(release).to.contain('pas bijgewerkt na 10 nieuwe reacties');
      const periods = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#f-period option')].map((o) => o.value);
      expect(periods).to.not.include('alles');
      expect(periods).to.not.include('anders');
      expect(periods).to.include('12m');
      const reads = await aggregateReads();
      expect(reads.length).to.equal(4);
      expect(reads.every((r) => r.query.from?.endsWith('-01'))).to.equal(true);
      // No language for a partner: neither a filter nor figures per language.
      expect(el.shadowRoot!.querySelector('#f-language')).to.equal(null);
      expect(reads.some((r) => r.query.groupBy === 'language')).to.equal(false);
      // Protected figures carry no comparison: the tiles say so instead of comparing released figures.
      expect(el.shadowRoot!.querySelector('[data-compare]')).to.equal(null);
      expect($(el, '[data-live]').textContent).to.not.contain('vanzelf bijgewerkt');
      await expectAccessible(el);
    });

    it('filters on one dimension at a time, and says why there is no team table beside a contact filter', async () => {
      history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(location.search)}&team=centrum`);
      const el = await mount('test-viewer');
      await loaded(el);
      await fetch('/__dashboard/reset', { method: 'POST' });
      $<HTMLSelectElement>(el, '#f-contact').focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => new URLSearchParams(location.search).get('contact') === 'kort', `the URL is ${location.search}`);
      expect(new URLSearchParams(location.search).get('team')).to.equal(null);
      await waitUntil(() => text(el).includes('Per team ziet u de cijfers zonder filter'), 'no hint for the team table');
      const reads = await aggregateReads();
      expect(reads.some((r) => r.query.groupBy === 'team')).to.equal(false);
      expect(reads.every((r) => !(r.query.team && r.query.contact))).to.equal(true);
      await expectAccessible(el);
    });

    it('opens a link with loose dates on the last twelve months', async () => {
      history.replaceState(
        null,
        '',
        `${location.pathname}?${new URLSearchParams(location.search)}&period=anders&from=2026-01-05&to=2026-02-10`,
      );
      const el = await mount('test-viewer');
      await loaded(el);
      expect($<HTMLSelectElement>(el, '#f-period').value).to.equal('12m');
      expect(figure(el, 'n')).to.equal('121');
    });

    it('live: a message of the same release changes nothing, a new release is read again', async () => {
      const el = await mount('test-viewer');
      await loaded(el);
      const socket = FakeSocket.last();
      socket.onopen!();
      await el.updateComplete;
      expect($(el, '[data-live]').textContent).to.contain('steeds na een aantal nieuwe reacties');
      const same = await (
        await fetch('/v1/aggregates?questionnaire=sociaal-team', { headers: { Authorization: 'Bearer test-viewer' } })
      ).json();
      await fetch('/__dashboard/reset', { method: 'POST' });
      socket.onmessage!({
        data: JSON.stringify({
          type: 'aggregate',
          ...same,
          items: { ...same.items, tot_goed: { type: 'open', n: 40, indicatief: false } },
        }),
      });
      await el.updateComplete;
      // The texts of the last read stay: a live message for a partner never carries texts.
      expect(text(el)).to.contain('Ze luisterden echt naar mij.');
      await new Promise((r) => setTimeout(r, 1800));
      expect(await aggregateReads()).to.have.length(0);
      const at = new Date(Date.now() + 60_000).toISOString();
      socket.onmessage!({
        data: JSON.stringify({ type: 'aggregate', ...same, n: 133, disclosure: { ...same.disclosure, release: { at, newResponses: 12 } } }),
      });
      await el.updateComplete;
      expect(figure(el, 'n')).to.equal('133');
      await waitUntil(async () => (await aggregateReads()).some((l) => l.query.groupBy === 'team'), 'the breakdowns were not read again', {
        timeout: 5000,
      });
    });

    it('embeds the headline figure alone with a public token: no filters, no downloads', async () => {
      const el = await fixture<PeilDashboard>(
        html`<peil-dashboard questionnaire="sociaal-team" token="test-public" view="figure"></peil-dashboard>`,
      );
      await waitUntil(() => el.shadowRoot?.querySelector('[data-figure="cijfer"]'), 'the figure did not load', { timeout: 10_000 });
      expect(figure(el, 'cijfer')).to.equal('8,8');
      expect(figure(el, 'aanraden')).to.equal('90%');
      expect(el.shadowRoot!.querySelector('form.filters')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.downloads')).to.equal(null);
      expect($(el, '[data-release]').textContent).to.contain('12 nieuwe reacties');
      await expectAccessible(el);
    });
  });

  describe('access', () => {
    it('asks for a code, and says so when the code is wrong', async () => {
      const el = await mount('');
      // No token and no session: it asks for a code, without saying a code was wrong.
      await waitUntil(() => el.shadowRoot!.querySelector('form.login'), 'no login form');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      await expectAccessible(el);
      $<HTMLInputElement>(el, '#token').focus();
      await sendKeys({ type: 'fout' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no error shown');
      expect(text(el)).to.contain('Deze code klopt niet');
      await expectAccessible(el);
      $<HTMLInputElement>(el, '#token').value = '';
      $<HTMLInputElement>(el, '#token').focus();
      await sendKeys({ type: 'test-admin' });
      await sendKeys({ press: 'Enter' });
      await loaded(el);
      expect(figure(el, 'n')).to.equal('121');
    });

    it('without a token, opens for a browser signed in to beheer: its session cookie, no Authorization header', async () => {
      document.cookie = 'peil_session=test-session; path=/';
      try {
        const el = await mount('');
        await loaded(el);
        expect(figure(el, 'n')).to.equal('121');
        const reads = (await log()).filter((l) => l.path === '/v1/aggregates');
        expect(reads.length).to.be.greaterThan(0);
        expect(reads.every((l) => l.auth === '' && l.session)).to.equal(true);
        expect(FakeSocket.last().protocols).to.deep.equal(['peil.v1']);
        expect(el.shadowRoot!.querySelector('form.login')).to.equal(null);
      } finally {
        document.cookie = 'peil_session=; path=/; max-age=0';
      }
    });

    it('shows an error with a retry when the report cannot be read', async () => {
      await fetch('/__dashboard/fail', { method: 'POST' });
      const el = await mount();
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no error shown');
      expect(text(el)).to.contain('Het dashboard kon niet worden geladen');
      await expectAccessible(el);
      await fetch('/__dashboard/reset', { method: 'POST' });
      $<HTMLButtonElement>(el, '.error-state button').click();
      await loaded(el);
    });

    it('downloads with the token for an admin, and hides the downloads after a 403', async () => {
      const el = await mount();
      await loaded(el);
      const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.downloads button')].find((b) =>
        b.textContent!.includes('Antwoorden (CSV)'),
      )!;
      button.click();
      await waitUntil(async () => (await log()).some((l) => l.path === '/v1/export/responses.csv'));
      const req = (await log()).find((l) => l.path === '/v1/export/responses.csv')!;
      expect(req.auth).to.equal('Bearer test-admin');
      expect(req.query.questionnaire).to.equal('sociaal-team');

      const viewer = await mount('test-viewer');
      await loaded(viewer);
      [...viewer.shadowRoot!.querySelectorAll<HTMLButtonElement>('.downloads button')][0].click();
      await waitUntil(() => viewer.shadowRoot!.querySelector('[data-downloads="denied"]'), 'the refusal was not shown', { timeout: 3000 });
      expect(viewer.shadowRoot!.querySelector('.downloads')).to.equal(null);
      await expectAccessible(viewer);
    });
  });

  it('lays out on a phone without horizontal scrolling of the page', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await mount();
    await loaded(el);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    await expectAccessible(el);
  });
});
