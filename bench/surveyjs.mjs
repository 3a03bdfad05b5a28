// The comparison for the render benchmark: SurveyJS (survey-core + survey-js-ui, devDependencies)
// rendering the same questionnaire as Peil, from files in node_modules served on Peil's own origin.
import { readFile } from 'node:fs/promises';

// The packages' `exports` hide their UMD files and package.json from resolution; read them in place.
const MODULES = new URL('../node_modules/', import.meta.url);
const readJson = async (file) => JSON.parse(await readFile(new URL(file, MODULES), 'utf8'));

/** Path on the bench origin → [file in node_modules, content type]; the embed as SurveyJS documents it. */
const FILES = {
  '/__surveyjs/survey-core.fontless.min.css': ['survey-core/survey-core.fontless.min.css', 'text/css'],
  '/__surveyjs/survey.core.min.js': ['survey-core/survey.core.min.js', 'text/javascript'],
  '/__surveyjs/dutch.min.js': ['survey-core/i18n/dutch.min.js', 'text/javascript'],
  '/__surveyjs/survey-js-ui.min.js': ['survey-js-ui/survey-js-ui.min.js', 'text/javascript'],
};

/** The files' contents, read once, and the installed version (both packages must match). */
export async function surveyJsFiles() {
  const { version } = await readJson('survey-core/package.json');
  const ui = (await readJson('survey-js-ui/package.json')).version;
  if (version !== ui) throw new Error(`survey-core ${version} and survey-js-ui ${ui} must be the same version`);
  const files = new Map();
  for (const [path, [file, contentType]] of Object.entries(FILES)) {
    files.set(path, { body: await readFile(new URL(file, MODULES)), contentType });
  }
  return { version, files };
}

// The answer labels Peil's widget shows for these item types (widget/peil-survey.ts), in Dutch.
const STELLING = [
  ['helemaal_eens', 'Helemaal mee eens'],
  ['eens', 'Mee eens'],
  ['neutraal', 'Niet mee eens, niet mee oneens'],
  ['oneens', 'Mee oneens'],
  ['helemaal_oneens', 'Helemaal mee oneens'],
  ['weet_niet', 'Weet ik niet / niet van toepassing'],
];
const AANRADEN = [
  ['ja', 'Ja'],
  ['misschien', 'Misschien'],
  ['nee', 'Nee'],
];
const choices = (pairs) => pairs.map(([value, text]) => ({ value, text }));

/**
 * The questionnaire Peil serves (GET /v1/questionnaires/…, Dutch texts) as a SurveyJS definition:
 * cijfer → rating 1–10, stelling and aanraden → radio groups, open → comment. Other item types are
 * not in the short questionnaire; meeting one is an error rather than a silent gap.
 */
export function toSurveyJs(q) {
  const question = (item) => {
    const common = { name: item.id, title: item.text.nl, isRequired: !!item.required, ...(item.help ? { description: item.help.nl } : {}) };
    switch (item.type) {
      case 'cijfer':
        return { ...common, type: 'rating', rateMin: 1, rateMax: 10 };
      case 'stelling':
        return { ...common, type: 'radiogroup', choices: choices(STELLING) };
      case 'aanraden':
        return { ...common, type: 'radiogroup', choices: choices(AANRADEN) };
      case 'open':
        return { ...common, type: 'comment', maxLength: item.maxLength };
      default:
        throw new Error(`no SurveyJS equivalent for item type ${item.type}`);
    }
  };
  return {
    locale: 'nl',
    title: q.title.nl,
    description: q.intro?.nl,
    pages: q.sections.map((s) => ({ name: s.id, title: s.title.nl, elements: s.items.map(question) })),
  };
}

/**
 * A page with nothing but the SurveyJS embed, its definition inline (SurveyJS's own pattern, and no
 * request for it, which favours SurveyJS). `watch` is the shared painted-detector script.
 */
export function surveyJsPage(definition, watch) {
  const json = JSON.stringify(definition).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>bench</title></head><body>
<script>${watch}</script>
<link rel="stylesheet" href="/__surveyjs/survey-core.fontless.min.css">
<script src="/__surveyjs/survey.core.min.js"></script>
<script src="/__surveyjs/dutch.min.js"></script>
<script src="/__surveyjs/survey-js-ui.min.js"></script>
<div id="survey"></div>
<script>
const survey = new Survey.Model(${json});
survey.render(document.getElementById('survey'));
</script>
</body></html>`;
}
