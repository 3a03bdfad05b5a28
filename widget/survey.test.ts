import { expect, waitUntil } from '@open-wc/testing';
import type { PeilSurvey } from './peil-survey.js';
import { reset, text } from './test/helpers.js';

// The embed as partners use it: the bundled script (an IIFE, like dist/peil.js, served at /__peil.js)
// loaded after the element is already in the page, and loaded a second time.

function loadScript(): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/__peil.js';
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('/__peil.js did not load'));
    document.body.append(s);
  });
}

describe('the embed script', () => {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.message);

  before(() => window.addEventListener('error', onError));
  after(() => window.removeEventListener('error', onError));

  it('upgrades an element that was in the page before the script with one questionnaire request, follows <html lang> and a later lang, and survives a second load', async () => {
    await reset();
    document.documentElement.lang = 'en';
    const el = document.createElement('peil-survey') as PeilSurvey;
    el.setAttribute('questionnaire', 'alle-types');
    el.setAttribute('site-key', 'test-site');
    document.body.append(el);
    expect(customElements.get('peil-survey')).to.equal(undefined);
    const fetches: { url: string; by: 'script' | 'element' }[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      fetches.push({ url: String(input instanceof Request ? input.url : input), by: init?.signal ? 'element' : 'script' });
      return realFetch(input, init);
    };
    try {
      await loadScript();
      const Defined = customElements.get('peil-survey');
      expect(Defined).to.be.a('function');
      expect(el).to.be.instanceOf(Defined!);
      const shown = () => text(el);
      await waitUntil(() => shown().includes('Question 1 of 8'), `not English: ${el.shadowRoot?.textContent?.slice(0, 200)}`, {
        timeout: 10_000,
      });
      // The script started the questionnaire request as it ran (a plain fetch; the element's own
      // would carry its abort signal), and the element took that one over instead of asking again.
      expect(fetches.filter((f) => f.url.includes('/v1/questionnaires/'))).to.deep.equal([
        { url: `${location.origin}/v1/questionnaires/alle-types?siteKey=test-site`, by: 'script' },
      ]);

      // The element's own lang wins over the page's, and a change re-renders it.
      el.setAttribute('lang', 'nl');
      await waitUntil(() => shown().includes('Vraag 1 van 8'), 'did not switch to Dutch', { timeout: 5_000 });
      // Only the language asked for came over the network, from beside the script: Dutch is in it.
      const languageFiles = () =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => /^\/__peil\.[a-z]+\.js$/.test(p));
      expect(languageFiles()).to.deep.equal(['/__peil.en.js']);
      // The client picks Arabic in the survey: that file comes too, and the survey turns right to left.
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#peil-language')!;
      select.value = 'ar';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => shown().includes('السؤال 1 من 8'), 'did not switch to Arabic', { timeout: 5_000 });
      expect(el.shadowRoot!.querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
      expect(languageFiles()).to.deep.equal(['/__peil.en.js', '/__peil.ar.js']);
      select.value = 'nl';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => shown().includes('Vraag 1 van 8'), 'did not switch back to Dutch', { timeout: 5_000 });

      // The partner's page includes the script a second time.
      await loadScript();
      expect(customElements.get('peil-survey')).to.equal(Defined);
      expect(errors).to.deep.equal([]);
      const second = document.createElement('peil-survey');
      second.setAttribute('questionnaire', 'alle-types');
      second.setAttribute('site-key', 'test-site');
      document.body.append(second);
      await waitUntil(() => second.shadowRoot?.querySelector('form'), 'a second element did not render', { timeout: 10_000 });
      expect(el.shadowRoot!.querySelectorAll('form')).to.have.length(1);
      second.remove();
    } finally {
      window.fetch = realFetch;
      el.remove();
      document.documentElement.lang = '';
    }
  });
});
