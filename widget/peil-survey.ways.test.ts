import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import './survey.js';
import type { PeilSurvey } from './peil-survey.js';
import { $, choose, doubleState, expectAccessible, mount, primary, reset, text } from './test/helpers.js';

// The ways in that change what the widget does between clients: Enter on an answer, a reload after
// the thank-you, and a kiosk that serves one client after another.

const DONE = 'Bedankt voor uw antwoorden!';

async function waitForText(el: PeilSurvey, wanted: string, timeout = 10_000): Promise<void> {
  await waitUntil(() => text(el).includes(wanted), `"${wanted}" did not appear; shown: ${text(el).slice(0, 300)}`, { timeout });
}

/** Answers the required questions of `alle-types` (page one, then two) and sends. */
async function answerAndSend(el: PeilSurvey): Promise<void> {
  await choose(el, 'q_cijfer', '7');
  await primary(el);
  await choose(el, 'q_verplicht', 'nee');
  await primary(el);
  await waitForText(el, DONE);
}

const focused = (el: PeilSurvey) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<peil-survey> between clients', () => {
  beforeEach(reset);

  it('Enter on a radio or checkbox moves to the next question and never sends the form', async () => {
    const el = await mount();
    await choose(el, 'q_cijfer', '8');
    $<HTMLInputElement>(el, '#q-q_cijfer input[value="8"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // Still page one: the implicit submission that would have turned the page did not happen.
    expect($(el, '#peil-heading').textContent).to.equal('Uw mening');
    expect(focused(el)!.closest('[id^="q-"]')!.id).to.equal('q-q_nps');
    $<HTMLInputElement>(el, '#q-q_meerkeuze input[value="geldzaken"]').focus();
    await sendKeys({ press: 'Enter' });
    expect($<HTMLInputElement>(el, '#q-q_meerkeuze input[value="geldzaken"]').checked).to.equal(false);
    expect(focused(el)!.closest('[id^="q-"]')!.id).to.equal('q-q_open');

    await primary(el);
    await choose(el, 'q_verplicht', 'nee');
    $<HTMLInputElement>(el, '#q-q_verplicht input[value="nee"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect((await doubleState()).posts).to.have.length(0);
    expect(text(el)).not.to.include(DONE);
    // After the last question focus is on Versturen, and Enter there does send.
    expect(focused(el)!.matches('button.primary')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitForText(el, DONE);
    expect((await doubleState()).posts).to.have.length(1);
  });

  it('after Bedankt, a reload on the same device says the questionnaire was already filled in, and sends nothing about it', async () => {
    const el = await mount();
    await answerAndSend(el);
    el.remove();
    const again = await fixture<PeilSurvey>(html`<peil-survey questionnaire="alle-types" site-key="test-site"></peil-survey>`);
    await waitForText(again, 'U heeft deze vragenlijst al ingevuld.');
    expect(again.shadowRoot!.querySelector('form')).to.equal(null);
    await expectAccessible(again);
    expect((await doubleState()).posts).to.have.length(1);
    // Another invite is another questionnaire to fill in.
    const invited = await fixture<PeilSurvey>(
      html`<peil-survey questionnaire="alle-types" site-key="test-site" invite="nieuwe-uitnodiging"></peil-survey>`,
    );
    await waitUntil(() => invited.shadowRoot?.querySelector('form'), 'a new invite did not get the form', { timeout: 10_000 });
  });

  it('as a kiosk returns to an empty first page after the thank-you, by itself or with Nieuwe vragenlijst, keeping no draft', async () => {
    const el = await fixture<PeilSurvey>(html`<peil-survey questionnaire="alle-types" site-key="test-site" kiosk></peil-survey>`);
    await waitUntil(() => el.shadowRoot?.querySelector('form'), 'the form did not render', { timeout: 10_000 });
    await answerAndSend(el);
    await waitForText(el, 'seconden begint een nieuwe vragenlijst.');
    expect(text(el)).to.include('Over 15 seconden');
    await expectAccessible(el);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Nieuwe vragenlijst'))!.click();
    await waitUntil(() => el.shadowRoot?.querySelector('form'), 'no new form', { timeout: 5000 });
    expect($(el, '#peil-heading').textContent).to.equal('Uw mening');
    expect(el.shadowRoot!.querySelectorAll('input:checked')).to.have.length(0);
    expect(sessionStorage.length).to.equal(0);
    // The next client answers a question and walks away; the countdown after sending takes them back too.
    await answerAndSend(el);
    await waitUntil(() => el.shadowRoot?.querySelector('form'), 'the countdown did not return to the form', { timeout: 20_000 });
    expect(el.shadowRoot!.querySelectorAll('input:checked')).to.have.length(0);
    expect((await doubleState()).posts).to.have.length(2);
    // No "already filled in" on a kiosk: the next client is someone else.
    expect(localStorage.getItem('peil-done:alle-types:test-site:')).to.equal(null);
  });

  it('as a kiosk asks "Bent u er nog?" after a while without input, goes on when answered, and clears when not', async () => {
    const el = await fixture<PeilSurvey>(
      html`<peil-survey questionnaire="alle-types" site-key="test-site" kiosk kiosk-idle="2"></peil-survey>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('form'), 'the form did not render', { timeout: 10_000 });
    await choose(el, 'q_cijfer', '4');
    await waitForText(el, 'Bent u er nog?', 5000);
    await el.updateComplete;
    expect(focused(el)!.textContent!.trim()).to.equal('Ja, ik ga verder');
    await expectAccessible(el);
    focused(el)!.click();
    await el.updateComplete;
    expect(text(el)).not.to.include('Bent u er nog?');
    expect($<HTMLInputElement>(el, '#q-q_cijfer input[value="4"]').checked).to.equal(true);
    await waitForText(el, 'Bent u er nog?', 5000);
    await waitUntil(() => !text(el).includes('Bent u er nog?'), 'the prompt did not clear', { timeout: 5000 });
    expect(el.shadowRoot!.querySelectorAll('input:checked')).to.have.length(0);
    expect(sessionStorage.length).to.equal(0);
  });
});
