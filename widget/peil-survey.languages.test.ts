import { expect, waitUntil } from '@open-wc/testing';
import { SOCIAAL_TEAM, SOCIAAL_TEAM_KORT } from '../schemas/bank.js';
import { LANGUAGES, type Language } from '../schemas/constants.js';
import type { QuestionnaireInput, Text } from '../schemas/questionnaire.js';
import './survey.js';
import type { PeilSurvey } from './peil-survey.js';
import { $, $$, choose, doubleState, expectAccessible, mount, primary, reset } from './test/helpers.js';

// The six languages, the client's switch, right to left and read-aloud, against the bank's own texts.

/** What the client should read: the bank's text in that language, `{organisatie}` as the double fills it. */
const expected = (text: Text, lang: Language) => (text[lang] ?? text.nl).replace('{organisatie}', 'het sociaal team');
const shownText = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

async function inLanguage(el: PeilSurvey, lang: Language): Promise<void> {
  await waitUntil(() => $(el, '.root').getAttribute('lang') === lang, `did not switch to ${lang}`, { timeout: 10_000 });
  await el.updateComplete;
}

/** Picks a language in the survey's own choice, as a client does. */
async function switchTo(el: PeilSurvey, lang: Language): Promise<void> {
  const select = $<HTMLSelectElement>(el, '#peil-language');
  select.value = lang;
  select.dispatchEvent(new Event('change'));
  await inLanguage(el, lang);
}

async function lastStored(): Promise<{ answers: Record<string, unknown>; language?: string }> {
  await waitUntil(async () => Object.keys((await doubleState()).stored).length === 1, 'nothing was stored', { timeout: 10_000 });
  return Object.values((await doubleState()).stored)[0] as { answers: Record<string, unknown>; language?: string };
}

const heading = (el: PeilSurvey) => shownText($(el, '#peil-heading'));

describe('<peil-survey> languages', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('peil-survey')) el.remove();
  });

  for (const [id, q] of [
    ['sociaal-team-kort', SOCIAAL_TEAM_KORT],
    ['sociaal-team', SOCIAAL_TEAM],
  ] as [string, QuestionnaireInput][]) {
    it(`answers ${id} in each of the six languages, each page in that language, without axe violations`, async () => {
      for (const lang of LANGUAGES) {
        await reset();
        const el = await mount({ questionnaire: id, lang });
        await inLanguage(el, lang);
        expect(shownText($(el, '#peil-title')), lang).to.equal(expected(q.title, lang));
        expect($(el, '.root').getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
        expect($<HTMLSelectElement>(el, '#peil-language').value).to.equal(lang);
        await expectAccessible(el);
        for (const [page, section] of q.sections.entries()) {
          expect(heading(el), `${lang} page ${page + 1}`).to.equal(expected(section.title, lang));
          if (page === q.sections.length - 1) {
            await choose(el, 'tot_cijfer', '8');
            await choose(el, 'tot_aanraden', 'ja');
          }
          await primary(el);
        }
        const stored = await lastStored();
        expect(stored.answers, lang).to.deep.equal({ tot_cijfer: 8, tot_aanraden: 'ja' });
        expect(stored.language).to.equal(lang);
        el.remove();
      }
    });
  }

  it('switches language on every page of the long questionnaire without losing an answer', async () => {
    await reset();
    const el = await mount({ questionnaire: 'sociaal-team' });
    const order: Language[] = ['en', 'tr', 'ar', 'pl', 'uk'];
    const given: Record<string, string | string[]> = {};
    for (const [page, section] of SOCIAAL_TEAM.sections.entries()) {
      // A first answer in the language before, then the switch: the answer stays checked.
      const item = section.items[section.items.length - 1];
      const value = $$<HTMLInputElement>(el, `#q-${item.id} input`)[0].value;
      await choose(el, item.id, value);
      given[item.id] = item.type === 'meerkeuze' ? [value] : value;
      await switchTo(el, order[page]);
      expect(heading(el)).to.equal(expected(section.title, order[page]));
      expect($<HTMLInputElement>(el, `#q-${item.id} input[value="${value}"]`).checked, item.id).to.equal(true);
      if (page < SOCIAAL_TEAM.sections.length - 1) await primary(el);
    }
    await choose(el, 'tot_cijfer', '7');
    await choose(el, 'tot_aanraden', 'misschien');
    // Back one page in the sixth language: the earlier answers are still there.
    await switchTo(el, 'nl');
    $<HTMLButtonElement>(el, 'button.secondary').click();
    await el.updateComplete;
    const earlier = SOCIAAL_TEAM.sections[3].items.at(-1)!.id;
    expect($<HTMLInputElement>(el, `#q-${earlier} input[value="${String(given[earlier])}"]`).checked).to.equal(true);
    await primary(el);
    await primary(el);
    const stored = await lastStored();
    expect(stored.answers).to.deep.equal({ ...given, tot_cijfer: 7, tot_aanraden: 'misschien' });
    expect(stored.language).to.equal('nl');
  });

  it('lays Arabic out right to left: the mark 1 → 10 from the right, Vorige on the right, the progress from the right', async () => {
    await reset();
    document.body.style.width = '360px';
    try {
      const el = await mount({ questionnaire: 'sociaal-team', lang: 'ar' });
      await inLanguage(el, 'ar');
      const form = $(el, 'form');
      expect(getComputedStyle(form).direction).to.equal('rtl');
      expect(getComputedStyle($(el, 'progress')).direction).to.equal('rtl');
      await primary(el);
      const back = $(el, 'button.secondary').getBoundingClientRect();
      const next = $(el, 'button.primary').getBoundingClientRect();
      expect(back.left, 'Vorige (السابق) at the start, the right').to.be.greaterThan(next.left);
      // The language choice sits at the end of its line: the left.
      expect($(el, '#peil-language').getBoundingClientRect().left).to.be.lessThan(form.getBoundingClientRect().width / 2);
      for (let i = 2; i < SOCIAAL_TEAM.sections.length; i++) await primary(el);
      const mark = (v: string) => $(el, `#q-tot_cijfer input[value="${v}"]`).closest('label')!.getBoundingClientRect();
      expect(mark('1').left, '1 right of 2').to.be.greaterThan(mark('2').left);
      expect(mark('2').left, '2 right of 3').to.be.greaterThan(mark('3').left);
      // Keyboard and screen readers meet them 1 → 10, in the order of the DOM.
      expect($$<HTMLInputElement>(el, '#q-tot_cijfer input').map((i) => i.value)).to.deep.equal([
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
      await expectAccessible(el);
    } finally {
      document.body.style.width = '';
    }
  });

  it('shows Dutch, marked lang="nl", for the one text a definition has not translated', async () => {
    await reset();
    const el = await mount({ questionnaire: 'kort-een-onvertaald', lang: 'tr' });
    await inLanguage(el, 'tr');
    const item = SOCIAAL_TEAM_KORT.sections[0].items.find((i) => i.id === 'mw_samen')!;
    const dutch = $(el, '#q-mw_samen legend .text [lang]');
    expect(dutch.getAttribute('lang')).to.equal('nl');
    expect(shownText(dutch)).to.equal(item.text.nl);
    // Every other question is Turkish, without a Dutch mark.
    const other = SOCIAAL_TEAM_KORT.sections[0].items.find((i) => i.id === 'mw_serieus')!;
    expect(shownText($(el, '#q-mw_serieus legend .text'))).to.equal(expected(other.text, 'tr'));
    expect($$(el, 'form [lang="nl"]').map((e) => e.closest('[id^="q-"]')?.id)).to.deep.equal(['q-mw_samen']);
    await expectAccessible(el);
  });

  describe('read-aloud', () => {
    const spoken: { text: string; lang: string }[] = [];
    let cancels = 0;
    let voices = ['nl-NL', 'tr-TR'];
    const stub = {
      getVoices: () => voices.map((lang) => ({ lang, name: lang })),
      speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }),
      cancel: () => cancels++,
      addEventListener: () => {},
      removeEventListener: () => {},
    };
    const real = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
    before(() => {
      Object.defineProperty(window, 'speechSynthesis', { value: stub, configurable: true });
    });
    after(() => {
      delete (window as { speechSynthesis?: unknown }).speechSynthesis;
      if (real) Object.defineProperty(window, 'speechSynthesis', real);
    });
    beforeEach(() => {
      spoken.length = 0;
      cancels = 0;
      voices = ['nl-NL', 'tr-TR'];
    });

    it('reads the current question, its help and its options in the current language, and stops on an answer', async () => {
      await reset();
      const el = await mount({ questionnaire: 'kort-een-onvertaald', lang: 'tr' });
      await inLanguage(el, 'tr');
      const items = SOCIAAL_TEAM_KORT.sections[0].items;
      expect($$(el, 'button.read-aloud')).to.have.length(items.length);
      const cijfer = items[0];
      const button = $<HTMLButtonElement>(el, '#q-tot_cijfer button.read-aloud');
      button.focus();
      button.click();
      await el.updateComplete;
      expect(spoken).to.deep.equal([
        { text: expected(cijfer.text, 'tr'), lang: 'tr' },
        { text: expected(cijfer.help!, 'tr'), lang: 'tr' },
      ]);
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      // Nothing moved: focus stays on the button, no page changed, nothing was sent.
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect((await doubleState()).posts).to.have.length(0);
      await choose(el, 'tot_cijfer', '9');
      expect(cancels).to.equal(1);
      expect(button.getAttribute('aria-pressed')).to.equal('false');

      // A stelling: the question, then its six answers; an untranslated question in Dutch, with a Dutch voice.
      spoken.length = 0;
      $<HTMLButtonElement>(el, '#q-mw_samen button.read-aloud').click();
      const samen = items.find((i) => i.id === 'mw_samen')!;
      expect(spoken[0]).to.deep.equal({ text: samen.text.nl, lang: 'nl' });
      expect(spoken.slice(1).map((s) => s.lang)).to.deep.equal(['tr', 'tr', 'tr', 'tr', 'tr', 'tr']);
      expect(spoken[1].text).to.equal('Kesinlikle katılıyorum');
    });

    it('is left out for a language without a voice, and stops when the client switches language', async () => {
      await reset();
      const el = await mount({ questionnaire: 'sociaal-team-kort', lang: 'tr' });
      await inLanguage(el, 'tr');
      $<HTMLButtonElement>(el, '#q-mw_serieus button.read-aloud').click();
      await el.updateComplete;
      await switchTo(el, 'ar');
      expect(cancels).to.equal(1);
      expect($$(el, 'button.read-aloud')).to.have.length(0);
      voices = [];
      await switchTo(el, 'nl');
      expect($$(el, 'button.read-aloud')).to.have.length(0);
    });
  });
});
