import { InterviewController } from './controllers/interview-controller.js';
import { PeilSurvey } from './peil-survey.js';

// The interviewer's bundle: `<peil-survey mode="interviewer">` for telephone and paper interviews. Its
// own file, so the clients' peil.js carries none of it.
if (!customElements.get('peil-survey')) {
  customElements.define(
    'peil-survey',
    class extends PeilSurvey {
      protected override readonly interview = new InterviewController(this);
    },
  );
}
