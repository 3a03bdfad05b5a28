import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { LANGUAGES, LANGUAGE_INFO, type Language } from '../schemas/constants.js';

/**
 * The client's choice of language, at the top of the survey: one native select (one tab stop, read
 * well by every screen reader), each language named in itself and marked with its own `lang`.
 */
export function languageSwitch(current: Language, choose: (lang: Language) => void): TemplateResult {
  return html`<div class="languages" part="languages">
    <label for="peil-language"
      ><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10" />
        <path d="M2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20" /></svg
      >${msg('Taal')}</label
    >
    <select id="peil-language" .value=${current} @change=${(e: Event) => choose((e.target as HTMLSelectElement).value as Language)}>
      ${LANGUAGES.map(
        (l) => html`<option value=${l} lang=${l} dir=${LANGUAGE_INFO[l].dir} ?selected=${l === current}>${LANGUAGE_INFO[l].name}</option>`,
      )}
    </select>
  </div>`;
}
