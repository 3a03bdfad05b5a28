import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Aggregate } from '../../schemas/aggregate.js';
import { UNKNOWN_GROUP, languageName } from '../../schemas/constants.js';
import { tooFew } from './charts.js';
import { fmtInt } from './format.js';

/**
 * How many answered in each language: the gemeente sees whether its clients who read little Dutch are
 * heard. Small groups stay hidden ("te weinig reacties"); responses from before the language was kept
 * are "onbekend".
 */
export function languageTable(byLanguage: Aggregate | undefined, reader: 'nl' | 'en'): TemplateResult | typeof nothing {
  if (!byLanguage?.groups?.length) return nothing;
  return html`<section aria-labelledby="h-languages">
    <h2 id="h-languages">${msg('Per taal')}</h2>
    <table class="languages">
      <thead>
        <tr>
          <th scope="col">${msg('Taal van invullen')}</th>
          <th scope="col">${msg('Aantal reacties')}</th>
        </tr>
      </thead>
      <tbody>
        ${byLanguage.groups.map(
          (g) =>
            html`<tr data-language=${g.key}>
              <th scope="row">${g.key === UNKNOWN_GROUP ? msg('Onbekend') : languageName(g.key, reader)}</th>
              <td>${'suppressed' in g ? html`<span class="few">${tooFew()}</span>` : fmtInt(g.n)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
