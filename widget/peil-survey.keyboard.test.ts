import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './survey.js';
import type { PeilSurvey } from './peil-survey.js';
import { $, $$, doubleState, mount, reset, text } from './test/helpers.js';

// The whole `sociaal-team` questionnaire with the keyboard only: Tab, Space, arrow keys, Enter.
// The test reads the page to know where focus is, but never clicks or sets a value itself.

function active(el: PeilSurvey): HTMLElement | null {
  return el.shadowRoot!.activeElement as HTMLElement | null;
}

async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
}

/** Presses Tab until focus is on an element the predicate accepts (and never more than 60 times). */
async function tabTo(el: PeilSurvey, what: string, accept: (focused: HTMLElement) => boolean): Promise<HTMLElement> {
  for (let i = 0; i < 60; i++) {
    const f = active(el);
    if (f && accept(f)) return f;
    await press('Tab');
    await el.updateComplete;
  }
  throw new Error(`Tab never reached ${what}`);
}

const inQuestion = (id: string) => (f: HTMLElement) => !!f.closest(`#q-${id}`);

/** Picks the option at `index` (0-based) of a radio group: Tab into it, Space, then arrow keys. */
async function pickRadio(el: PeilSurvey, id: string, index: number): Promise<void> {
  const first = await tabTo(el, id, inQuestion(id));
  expect((first as HTMLInputElement).type, id).to.equal('radio');
  await press('Space');
  await press('ArrowRight', index);
  await el.updateComplete;
}

async function next(el: PeilSurvey, heading: string): Promise<void> {
  const button = await tabTo(el, 'Volgende', (f) => f.matches('button.primary'));
  expect(button.textContent!.trim()).to.equal('Volgende');
  await press('Enter');
  await el.updateComplete;
  await el.updateComplete;
  expect(active(el), `focus after Volgende to ${heading}`).to.equal($(el, '#peil-heading'));
  expect(active(el)!.textContent).to.equal(heading);
}

describe('<peil-survey> with the keyboard only', () => {
  beforeEach(reset);

  it('completes the whole sociaal-team questionnaire', async () => {
    const el = await mount({ questionnaire: 'sociaal-team' });

    // Over uw contact
    await pickRadio(el, 'ctx_team', 1); // Crabbehof
    // Focus is visible on the option that has it.
    expect(getComputedStyle(active(el)!.closest('label')!).outlineStyle).to.equal('solid');
    await pickRadio(el, 'ctx_contact', 1);
    await pickRadio(el, 'ctx_status', 0); // afgerond: res_nazorg will be asked
    await pickRadio(el, 'ctx_rol', 0);
    await next(el, 'Hulp vragen');

    for (const id of ['toe_wist_waar', 'toe_makkelijk', 'toe_snel', 'toe_info_vooraf']) await pickRadio(el, id, 1);
    await pickRadio(el, 'toe_oco_bekend', 1);
    await next(el, 'De medewerker');

    for (const id of ['mw_serieus', 'mw_luisteren', 'mw_samen', 'mw_deskundig', 'mw_bereikbaar', 'mw_verhaal', 'mw_aanspreekpunt']) {
      await pickRadio(el, id, 0);
    }
    await next(el, 'Wat heeft de hulp opgeleverd?');

    for (const id of ['res_ondersteund', 'res_iets_gehad', 'res_past', 'res_redden', 'res_doen', 'res_vel']) await pickRadio(el, id, 2);
    await pickRadio(el, 'res_doel', 0);
    await pickRadio(el, 'res_nazorg', 0);
    // Meerkeuze: each checkbox is its own tab stop; Space ticks it.
    const box = await tabTo(el, 'hulp_geholpen_met', inQuestion('hulp_geholpen_met'));
    expect((box as HTMLInputElement).type).to.equal('checkbox');
    await press('Space');
    await press('Tab');
    await press('Tab');
    await press('Space');
    await next(el, 'Tot slot');

    // Tot slot: try to send without the required rapportcijfer first.
    const send = await tabTo(el, 'Versturen', (f) => f.matches('button.primary'));
    expect(send.textContent!.trim()).to.equal('Versturen');
    await press('Enter');
    await el.updateComplete;
    expect(active(el)).to.equal($(el, '#peil-errors'));
    // Follow the link in the summary to the question.
    await tabTo(el, 'the link to the rapportcijfer', (f) => f.matches('#peil-errors a[href="#q-tot_cijfer"]'));
    await press('Enter');
    await el.updateComplete;
    await el.updateComplete;
    expect(active(el)!.closest('#q-tot_cijfer')).to.exist;
    await press('Space');
    await press('ArrowRight', 7); // 8
    await pickRadio(el, 'tot_aanraden', 0);
    await tabTo(el, 'tot_goed', (f) => f.id === 'in-tot_goed');
    await sendKeys({ type: 'Vriendelijke mensen.' });
    await press('Tab');
    expect(active(el)!.id).to.equal('in-tot_beter');
    await sendKeys({ type: 'Sneller terugbellen.' });
    await pickRadio(el, 'meta_hulp_invullen', 1);
    await tabTo(el, 'Versturen', (f) => f.matches('button.primary'));
    await press('Enter');

    await waitUntil(() => text(el).includes('Bedankt voor uw antwoorden!'), 'no thank-you state', { timeout: 10_000 });
    await el.updateComplete;
    expect(active(el)).to.equal($(el, '#peil-heading'));

    const state = await doubleState();
    expect(state.posts).to.have.length(1);
    const answers = Object.values(state.stored)[0].answers;
    expect(answers).to.deep.include({
      ctx_team: 'crabbehof',
      ctx_contact: 'lang',
      ctx_status: 'afgerond',
      ctx_rol: 'zelf',
      toe_wist_waar: 'eens',
      toe_oco_bekend: 'nee',
      mw_serieus: 'helemaal_eens',
      res_vel: 'neutraal',
      res_doel: 'helemaal',
      res_nazorg: 'ja',
      tot_cijfer: 8,
      tot_aanraden: 'ja',
      tot_goed: 'Vriendelijke mensen.',
      tot_beter: 'Sneller terugbellen.',
      meta_hulp_invullen: 'nee',
    });
    expect(answers.hulp_geholpen_met).to.deep.equal(['formulieren', 'advies']);
    expect($$(el, 'form')).to.have.length(0);
  });
});
