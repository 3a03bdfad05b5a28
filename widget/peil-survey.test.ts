import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import './survey.js';
import type { PeilSurvey } from './peil-survey.js';
import { $, $$, choose, configure, doubleState, expectAccessible, mount, primary, reset, text, type } from './test/helpers.js';

const DONE = 'Bedankt voor uw antwoorden!';

/** Fills in the `alle-types` questionnaire up to (not including) Versturen on its last page. */
async function fillAlleTypes(el: PeilSurvey): Promise<void> {
  await choose(el, 'q_cijfer', '8');
  await choose(el, 'q_nps', '9');
  await choose(el, 'q_stelling', 'eens');
  await choose(el, 'q_aanraden', 'ja');
  await choose(el, 'q_keuze', 'ja');
  await choose(el, 'q_meerkeuze', 'formulieren');
  await choose(el, 'q_meerkeuze', 'geldzaken');
  await type(el, 'q_open', 'Sneller terugbellen.');
  await primary(el);
  await choose(el, 'q_verplicht', 'nee');
  await choose(el, 'q_nazorg', 'ja');
}

async function waitForText(el: PeilSurvey, wanted: string, timeout = 10_000): Promise<void> {
  await waitUntil(() => text(el).includes(wanted), `"${wanted}" did not appear; shown: ${text(el).slice(0, 300)}`, { timeout });
}

describe('<peil-survey>', () => {
  beforeEach(async () => {
    await reset();
    await setViewport({ width: 1024, height: 800 });
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('item types', () => {
    it('renders every item type with native radios, checkboxes and a labelled textarea in fieldsets', async () => {
      const el = await mount();
      const radios = (item: string) => $$<HTMLInputElement>(el, `fieldset#q-${item} input[type=radio][name=${item}]`);
      expect(radios('q_cijfer').map((r) => r.value)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(radios('q_nps').map((r) => r.value)).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(radios('q_stelling').map((r) => r.value)).to.deep.equal([
        'helemaal_eens',
        'eens',
        'neutraal',
        'oneens',
        'helemaal_oneens',
        'weet_niet',
      ]);
      expect(radios('q_aanraden').map((r) => r.value)).to.deep.equal(['ja', 'misschien', 'nee']);
      expect(radios('q_keuze').map((r) => r.value)).to.deep.equal(['ja', 'nee']);
      expect($$<HTMLInputElement>(el, 'fieldset#q-q_meerkeuze input[type=checkbox]').map((r) => r.value)).to.deep.equal([
        'formulieren',
        'geldzaken',
        'anders',
      ]);
      // Answers are never a dropdown (the language choice above the form is the one select).
      expect($$(el, 'form select')).to.have.length(0);
      // Every control has a visible label; every group a legend with the question.
      for (const input of $$<HTMLInputElement>(el, 'input:not([tabindex="-1"])')) {
        expect(input.labels?.length, input.name).to.equal(1);
        expect(input.labels![0].textContent!.trim(), input.name).to.not.equal('');
      }
      expect($(el, 'fieldset#q-q_cijfer legend').textContent).to.contain('Welk rapportcijfer geeft u het sociaal team?');
      expect($(el, 'fieldset#q-q_stelling legend').textContent).to.contain('Vraag 3 van 8');
      expect($(el, 'fieldset#q-q_meerkeuze').textContent).to.contain('U mag meer dan één antwoord kiezen.');
      const area = $<HTMLTextAreaElement>(el, 'textarea#in-q_open');
      expect(area.labels?.[0].textContent).to.contain('Wat kunnen wij beter doen?');
      expect(area.maxLength).to.equal(1000);
      // Help text is tied to its group.
      expect($(el, 'fieldset#q-q_stelling').getAttribute('aria-describedby')).to.equal('help-q_stelling');
      expect($(el, '#help-q_stelling').textContent).to.contain('Denk aan uw laatste gesprek.');
      expect(text(el)).to.contain('Stap 1 van 2');
      expect(text(el)).to.contain('Nog 1.000 tekens over');
    });

    it('has no WCAG 2.2 A/AA violations on the first page (every item type), empty and answered', async () => {
      const el = await mount();
      await expectAccessible(el);
      await choose(el, 'q_cijfer', '7');
      await choose(el, 'q_nps', '0');
      await choose(el, 'q_stelling', 'weet_niet');
      await choose(el, 'q_meerkeuze', 'anders');
      await type(el, 'q_open', 'Goed.');
      await expectAccessible(el);
    });

    it('has no WCAG 2.2 A/AA violations on the first page of sociaal-team', async () => {
      await expectAccessible(await mount({ questionnaire: 'sociaal-team' }));
    });

    it('skips a question the embed already answers and fills {organisatie} for the team', async () => {
      const el = await mount({ questionnaire: 'sociaal-team', team: 'crabbehof' });
      expect(el.shadowRoot!.querySelector('#q-ctx_team')).to.equal(null);
      expect($(el, '#q-ctx_contact')).to.exist;
      const kort = await mount({ questionnaire: 'sociaal-team-kort', team: 'crabbehof' });
      expect(text(kort)).to.contain('Welk rapportcijfer geeft u het sociaal team Crabbehof?');
    });
  });

  describe('pages and errors', () => {
    it('moves between pages with Vorige and Volgende, moves focus to the heading and fires peil-page', async () => {
      const el = await mount();
      await choose(el, 'q_cijfer', '8');
      const event = oneEvent(document, 'peil-page');
      await primary(el);
      const e = (await event) as CustomEvent;
      expect(e.detail).to.deep.equal({ page: 2, pages: 2 });
      expect(e.bubbles && e.composed).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#peil-heading'));
      expect($(el, '#peil-heading').textContent).to.equal('Tot slot');
      expect(text(el)).to.contain('Stap 2 van 2');
      $<HTMLButtonElement>(el, 'button.secondary').click();
      await el.updateComplete;
      expect($(el, '#peil-heading').textContent).to.equal('Uw mening');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#peil-heading'));
      // The answer survived the round trip.
      expect($<HTMLInputElement>(el, '#q-q_cijfer input[value="8"]').checked).to.equal(true);
    });

    it('shows a missing required answer in a summary, tied to its field and announced, and has no violations', async () => {
      const el = await mount();
      await primary(el);
      expect($(el, '#peil-heading').textContent).to.equal('Uw mening');
      const summary = $(el, '#peil-errors');
      expect(el.shadowRoot!.activeElement).to.equal(summary);
      expect(summary.textContent).to.contain('Beantwoord eerst deze vraag:');
      expect(summary.querySelector('a')!.textContent).to.contain('Welk rapportcijfer');
      // The field's own message, referenced from each of its controls.
      expect($(el, '#err-q_cijfer').textContent).to.contain('Kies een antwoord.');
      for (const r of $$<HTMLInputElement>(el, '#q-q_cijfer input')) expect(r.getAttribute('aria-describedby')).to.equal('err-q_cijfer');
      // The polite live region, present from the start, says what happened.
      const live = $(el, '[role=status][aria-live=polite]');
      expect(live.textContent).to.contain('Er is 1 vraag nog niet beantwoord.');
      await expectAccessible(el);
      // The link in the summary takes focus to the question.
      summary.querySelector('a')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#q-q_cijfer input'));
      await choose(el, 'q_cijfer', '6');
      expect(el.shadowRoot!.querySelector('#err-q_cijfer')).to.equal(null);
    });

    it('reviews the required answers missing on earlier pages before sending, with links to them', async () => {
      // A draft restored on the last page (a reload, an earlier visit) can miss an earlier answer.
      sessionStorage.setItem('peil-draft:alle-types:test-site:', JSON.stringify({ answers: { q_verplicht: 'ja' }, page: 1 }));
      const el = await mount();
      expect($(el, '#peil-heading').textContent).to.equal('Tot slot');
      await primary(el);
      const summary = $(el, '#peil-errors');
      expect(summary.textContent).to.contain('U heeft nog niet alle verplichte vragen beantwoord.');
      expect(summary.textContent).to.contain('Welk rapportcijfer geeft u het sociaal team?');
      expect(summary.textContent).to.contain('(stap 1)');
      expect(el.shadowRoot!.activeElement).to.equal(summary);
      expect((await doubleState()).posts).to.have.length(0);
      await expectAccessible(el);
      summary.querySelector('a')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect($(el, '#peil-heading').textContent).to.equal('Uw mening');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#q-q_cijfer input'));
    });

    it('counts the characters left in the reader’s number format', async () => {
      const el = await mount();
      await type(el, 'q_open', 'abc');
      expect($(el, '#count-q_open').textContent).to.equal('Nog 997 tekens over');
      expect($(el, '#in-q_open').getAttribute('aria-describedby')).to.contain('count-q_open');
    });
  });

  describe('sending', () => {
    it('sends once, shows the thank-you state with focus on its heading, fires peil-submit, and has no violations', async () => {
      const el = await mount();
      await fillAlleTypes(el);
      const submitted = oneEvent(document, 'peil-submit');
      await primary(el);
      const e = (await submitted) as CustomEvent;
      expect(e.bubbles && e.composed).to.equal(true);
      expect(e.detail.status).to.equal('sent');
      expect(e.detail.submissionId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      await waitForText(el, DONE);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#peil-heading'));
      expect($(el, '#peil-heading').textContent).to.equal(DONE);
      const state = await doubleState();
      expect(state.posts.map((p) => p.submissionId)).to.deep.equal([e.detail.submissionId]);
      expect(state.stored[e.detail.submissionId].answers).to.deep.equal({
        q_cijfer: 8,
        q_nps: 9,
        q_stelling: 'eens',
        q_aanraden: 'ja',
        q_keuze: 'ja',
        q_meerkeuze: ['formulieren', 'geldzaken'],
        q_open: 'Sneller terugbellen.',
        q_verplicht: 'nee',
        q_nazorg: 'ja',
      });
      expect(localStorage.getItem('peil-outbox')).to.equal(null);
      await expectAccessible(el);
    });

    it('sends exactly one POST with one submissionId on a double click', async () => {
      await configure({ delayMs: 300 });
      const el = await mount();
      await fillAlleTypes(el);
      const button = $<HTMLButtonElement>(el, 'button.primary');
      button.click();
      button.click();
      await el.updateComplete;
      button.click();
      await waitForText(el, DONE);
      const state = await doubleState();
      expect(state.posts).to.have.length(1);
      expect(Object.keys(state.stored)).to.have.length(1);
    });

    it('sends exactly one POST when Enter is pressed twice on Versturen', async () => {
      await configure({ delayMs: 300 });
      const el = await mount();
      await fillAlleTypes(el);
      $<HTMLButtonElement>(el, 'button.primary').focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await waitForText(el, DONE);
      await sendKeys({ press: 'Enter' });
      const state = await doubleState();
      expect(state.posts).to.have.length(1);
      expect(Object.keys(state.stored)).to.have.length(1);
    });

    it('keeps the answers when the network is cut, says so, and sends them exactly once when it returns', async () => {
      const el = await mount();
      await fillAlleTypes(el);
      await executeServerCommand('peil-offline', true);
      try {
        const submitted = oneEvent(document, 'peil-submit');
        await primary(el);
        const e = (await submitted) as CustomEvent;
        expect(e.detail.status).to.equal('queued');
        await waitForText(el, 'Uw antwoorden zijn bewaard en worden verstuurd zodra er verbinding is.');
        const outbox = JSON.parse(localStorage.getItem('peil-outbox') ?? '[]') as { body: { submissionId: string } }[];
        expect(outbox.map((x) => x.body.submissionId)).to.deep.equal([e.detail.submissionId]);
        await expectAccessible(el);
        // Nothing is retried while the connection is still down.
        expect((await doubleState()).posts).to.have.length(0);
      } finally {
        await executeServerCommand('peil-offline', false);
      }
      // What the browser fires when the connection returns (the cut above is per request, so fire it here).
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => localStorage.getItem('peil-outbox') === null, 'the outbox was not flushed after going online', {
        timeout: 15_000,
      });
      await waitForText(el, 'Uw antwoorden zijn verstuurd.');
      const state = await doubleState();
      expect(Object.keys(state.stored)).to.have.length(1);
      expect(state.posts).to.have.length(1);
    });

    it('retries after a server error with backoff, still with one submissionId', async () => {
      await configure({ fail: { status: 503, code: 'internal_error', times: 1 } });
      const el = await mount();
      await fillAlleTypes(el);
      await primary(el);
      await waitForText(el, 'Uw antwoorden zijn bewaard');
      await waitUntil(() => localStorage.getItem('peil-outbox') === null, 'the retry did not happen', { timeout: 15_000 });
      const state = await doubleState();
      expect(state.posts).to.have.length(2);
      expect(new Set(state.posts.map((p) => p.submissionId)).size).to.equal(1);
      expect(Object.keys(state.stored)).to.have.length(1);
    });

    it('sends the same submissionId again when the client retries after a refusal', async () => {
      await configure({ fail: { status: 422, code: 'invalid_value', times: 1 } });
      const el = await mount();
      await fillAlleTypes(el);
      await primary(el);
      await waitForText(el, 'Er ging iets mis met uw antwoorden.');
      await primary(el);
      await waitForText(el, DONE);
      const state = await doubleState();
      expect(state.posts).to.have.length(2);
      expect(state.posts[1].submissionId).to.equal(state.posts[0].submissionId);
      expect(Object.keys(state.stored)).to.deep.equal([state.posts[0].submissionId]);
    });

    it('sends what an earlier visit left in the outbox when a new element connects', async () => {
      const submissionId = '0b6f2a3c-8d1e-4f5a-9b7c-1d2e3f4a5b6c';
      const body = {
        siteKey: 'test-site',
        submissionId,
        questionnaireId: 'alle-types',
        version: 1,
        answers: { q_cijfer: 9, q_verplicht: 'ja' },
        context: {},
      };
      localStorage.setItem('peil-outbox', JSON.stringify([{ url: `${location.origin}/v1/responses`, body, queuedAt: Date.now() }]));
      await mount();
      await waitUntil(async () => submissionId in (await doubleState()).stored, 'the left-over entry was not sent', { timeout: 10_000 });
      await waitUntil(() => localStorage.getItem('peil-outbox') === null, 'the outbox was not emptied');
      expect((await doubleState()).posts).to.have.length(1);
    });

    for (const [status, code, shown] of [
      [410, 'questionnaire_closed', 'Deze vragenlijst is gesloten. U kunt geen antwoorden meer geven.'],
      [403, 'origin_not_allowed', 'Deze vragenlijst is niet goed ingesteld op deze website. Wilt u dit laten weten aan de organisatie?'],
      [422, 'invalid_value', 'Er ging iets mis met uw antwoorden. Kijk uw antwoorden na en probeer het opnieuw.'],
    ] as const) {
      it(`shows the Dutch text for ${code}, fires peil-error and keeps nothing queued`, async () => {
        await configure({ fail: { status, code, times: 1 } });
        const el = await mount();
        await fillAlleTypes(el);
        const failed = oneEvent(document, 'peil-error');
        await primary(el);
        const e = (await failed) as CustomEvent;
        expect(e.detail).to.deep.equal({ code });
        expect(e.bubbles && e.composed).to.equal(true);
        await waitForText(el, shown);
        expect(text(el)).to.not.contain('test double');
        expect($(el, '[role=status][aria-live=polite]').textContent).to.contain(shown);
        expect(localStorage.getItem('peil-outbox')).to.equal(null);
        await expectAccessible(el);
      });
    }

    it('says up front, without the questions, that only a personal link works on an invites-only site key', async () => {
      await configure({ inviteRequired: true });
      const embed = (invite?: string) => {
        const el = document.createElement('peil-survey');
        el.setAttribute('questionnaire', 'alle-types');
        el.setAttribute('site-key', 'test-site');
        if (invite) el.setAttribute('invite', invite);
        return el;
      };
      const failed = oneEvent(document, 'peil-error');
      const el = embed();
      document.body.append(el);
      try {
        expect(((await failed) as CustomEvent).detail).to.deep.equal({ code: 'invite_required' });
        await waitForText(el, 'U kunt deze vragenlijst alleen invullen via de persoonlijke link die u heeft gekregen.');
        expect(el.shadowRoot!.querySelector('form')).to.equal(null);
        await expectAccessible(el);
      } finally {
        el.remove();
      }
      const invited = embed('inv_test');
      document.body.append(invited);
      try {
        await waitUntil(() => invited.shadowRoot?.querySelector('form'), 'the form did not render with an invite', { timeout: 10_000 });
      } finally {
        invited.remove();
      }
    });

    it('shows the Dutch text when the questionnaire cannot be loaded, and fires peil-error', async () => {
      await configure({ loadFail: { status: 404, code: 'questionnaire_not_found', times: 1 } });
      const failed = oneEvent(document, 'peil-error');
      const el = document.createElement('peil-survey');
      el.setAttribute('questionnaire', 'alle-types');
      el.setAttribute('site-key', 'test-site');
      document.body.append(el);
      try {
        expect(((await failed) as CustomEvent).detail).to.deep.equal({ code: 'questionnaire_not_found' });
        await waitForText(el, 'Deze vragenlijst bestaat niet meer.');
        await expectAccessible(el);
      } finally {
        el.remove();
      }
    });
  });

  describe('language', () => {
    it('speaks English with lang="en": texts, numbers and the questionnaire, without violations', async () => {
      const el = await mount({ lang: 'en' });
      await waitForText(el, 'Question 1 of 8');
      expect(text(el)).to.contain('Step 1 of 2');
      expect(text(el)).to.contain('What mark would you give het sociaal team?');
      expect(text(el)).to.contain('1,000 characters left');
      expect($(el, 'button.primary').textContent!.trim()).to.equal('Next');
      expect($(el, '.root').getAttribute('lang')).to.equal('en');
      await expectAccessible(el);
      await primary(el);
      await waitForText(el, 'Choose an answer.');
      await expectAccessible(el);
      el.setAttribute('lang', 'nl');
      await waitForText(el, 'Vraag 1 van 8');
      expect($(el, 'button.primary').textContent!.trim()).to.equal('Volgende');
    });

    it('follows <html lang="en"> when the element has no lang', async () => {
      document.documentElement.lang = 'en';
      try {
        const el = await mount();
        await waitForText(el, 'Question 1 of 8');
      } finally {
        document.documentElement.lang = '';
      }
      const nl = await mount();
      await waitForText(nl, 'Vraag 1 van 8');
    });
  });

  describe('embedding', () => {
    it('keeps its targets at least 24×24 and its layout under an aggressive host stylesheet', async () => {
      const style = document.createElement('style');
      style.textContent = `
        * { all: unset; font-size: 8px !important; display: inline !important; line-height: 0.5 !important; }
        input, button, textarea, fieldset, legend, label { display: none !important; }
        peil-survey { color: red !important; letter-spacing: 1em !important; text-transform: uppercase !important; }`;
      document.head.append(style);
      try {
        const el = await mount();
        expect(getComputedStyle(el).display).to.equal('block');
        expect(parseFloat(getComputedStyle($(el, '.root')).fontSize)).to.be.at.least(16);
        expect(getComputedStyle($(el, '.root')).textTransform).to.equal('none');
        const targets = [...$$(el, '.option'), ...$$(el, 'button'), ...$$(el, '.option input:not([tabindex="-1"])'), $(el, 'textarea')];
        expect(targets.length).to.be.greaterThan(30);
        for (const t of targets) {
          const r = t.getBoundingClientRect();
          expect(r.width, t.outerHTML.slice(0, 80)).to.be.at.least(24);
          expect(r.height, t.outerHTML.slice(0, 80)).to.be.at.least(24);
        }
        await expectAccessible(el);
      } finally {
        style.remove();
      }
    });

    it('does not restyle anything outside itself', async () => {
      const host = document.createElement('div');
      host.innerHTML =
        '<h2>Kop</h2><p>Tekst</p><button>Knop</button><label class="option">Label</label><fieldset class="question"></fieldset><a href="#x">link</a>';
      document.body.append(host);
      const props = [
        'color',
        'font-size',
        'font-family',
        'border-top-width',
        'padding-top',
        'margin-bottom',
        'display',
        'min-height',
        'outline-style',
      ];
      const snapshot = () => [...host.children].map((c) => props.map((p) => getComputedStyle(c).getPropertyValue(p)).join('|'));
      const before = snapshot();
      const sheets = document.styleSheets.length + document.adoptedStyleSheets.length;
      try {
        await mount();
        expect(snapshot()).to.deep.equal(before);
        expect(document.styleSheets.length + document.adoptedStyleSheets.length).to.equal(sheets);
      } finally {
        host.remove();
      }
    });

    it('wraps the 1–10 and 0–10 scales to two rows at 320 px without horizontal scrolling', async () => {
      await setViewport({ width: 320, height: 800 });
      const el = await mount();
      const rows = (item: string) => new Set($$(el, `#q-${item} .option`).map((o) => Math.round(o.getBoundingClientRect().top))).size;
      expect(rows('q_cijfer')).to.equal(2);
      expect(rows('q_nps')).to.equal(2);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const node of $$(el, '.root *')) expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 60)).to.be.at.most(320);
      await expectAccessible(el);
      await setViewport({ width: 1024, height: 800 });
      await el.updateComplete;
      expect(rows('q_cijfer')).to.equal(1);
    });

    it('animates nothing when the reader prefers reduced motion', async () => {
      const el = await mount();
      expect(getComputedStyle($(el, '.option')).transitionDuration).to.not.equal('0s');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle($(el, '.option')).transitionDuration).to.equal('0s');
    });
  });
});
