import { PeilSurvey } from './peil-survey.js';

// Host pages may load the embed twice; defining the tag a second time would throw.
if (!customElements.get('peil-survey')) customElements.define('peil-survey', PeilSurvey);
