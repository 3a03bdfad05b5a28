import { BeheerEditor } from './beheer/editor.js';
import { BeheerGegevens } from './beheer/gegevens.js';
import { BeheerLogboek } from './beheer/logboek.js';
import { BeheerPartners } from './beheer/partners.js';
import { PreviewSurvey } from './beheer/preview.js';
import { BeheerToegang } from './beheer/toegang.js';
import { BeheerUitnodigingen } from './beheer/uitnodigingen.js';
import { BeheerVragenlijsten } from './beheer/vragenlijsten.js';
import { PeilBeheer } from './peil-beheer.js';

const ELEMENTS: [string, CustomElementConstructor][] = [
  ['peil-beheer', PeilBeheer],
  ['beheer-vragenlijsten', BeheerVragenlijsten],
  ['beheer-editor', BeheerEditor],
  ['beheer-partners', BeheerPartners],
  ['beheer-uitnodigingen', BeheerUitnodigingen],
  ['beheer-toegang', BeheerToegang],
  ['beheer-gegevens', BeheerGegevens],
  ['beheer-logboek', BeheerLogboek],
  // The editor's preview is the survey element itself, handed the draft instead of fetching it.
  ['peil-survey', PreviewSurvey],
];
for (const [tag, element] of ELEMENTS) if (!customElements.get(tag)) customElements.define(tag, element);
