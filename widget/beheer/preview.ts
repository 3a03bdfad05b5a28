import { property } from 'lit/decorators.js';
import type { PublishedQuestionnaire } from '../../schemas/questionnaire.js';
import { PeilSurvey } from '../peil-survey.js';

/**
 * The real `<peil-survey>`, handed its questionnaire instead of fetching it: the editor's preview shows
 * a draft exactly as a client will see it. The editor replaces the element at each change.
 */
export class PreviewSurvey extends PeilSurvey {
  /** The questionnaire to show, placeholders already filled. */
  @property({ attribute: false }) preview?: PublishedQuestionnaire;

  protected override readonly definitions = {
    fetch: () => Promise.resolve(new Response(JSON.stringify(this.preview), { headers: { 'Content-Type': 'application/json' } })),
  };
}
