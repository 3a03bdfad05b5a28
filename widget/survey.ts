import { apiBase, definitionUrl } from './api.js';
import { DefinitionRequests } from './definition-requests.js';
import { PeilSurvey } from './peil-survey.js';

// Host pages may load the embed twice; defining the tag a second time would throw, and the first
// load's elements already have their questionnaires on the way.
if (!customElements.get('peil-survey')) {
  const requests = new DefinitionRequests();
  // With `defer` (or the script after the element) the elements are already in the page: their
  // questionnaires start loading now, before the elements upgrade and render a first frame.
  for (const el of document.querySelectorAll('peil-survey')) {
    const id = el.getAttribute('questionnaire');
    const siteKey = el.getAttribute('site-key');
    if (id && siteKey) requests.start(definitionUrl(apiBase(el.getAttribute('api')), id, siteKey, el.getAttribute('team') ?? undefined));
  }
  customElements.define(
    'peil-survey',
    class extends PeilSurvey {
      protected override readonly definitions = requests;
    },
  );
}
