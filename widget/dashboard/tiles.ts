import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Aggregate, Comparison } from '../../schemas/aggregate.js';
import { nText, published, tooFew } from './charts.js';
import { fmtCi, fmtDay, fmtDec, fmtDiff, fmtDiffPt, fmtInt, fmtPct } from './format.js';
import type { Compare } from './selection.js';

/** Differences are only highlighted when both periods have at least this many answers (design: n ≥ 30). */
export const COMPARE_MIN_N = 30;

type Tested = Comparison['items'][string];

/**
 * The comparison of one headline figure: highlighted (up or down) only when the API's test at α = 0.05
 * found a difference and both sides have n ≥ 30; otherwise it says there is no significant difference.
 */
function comparisonLine(
  current: number,
  tested: Tested | undefined,
  comparison: Comparison | undefined,
  compare: Compare,
  kind: 'dec' | 'pct',
) {
  if (!comparison) return nothing;
  const label = compare === 'lastyear' ? msg('Zelfde periode vorig jaar') : msg('Vorige periode');
  const period = msg(str`${fmtDay(comparison.from)} – ${fmtDay(comparison.to)}`);
  if (!tested || tested.nNow < COMPARE_MIN_N || tested.nThen < COMPARE_MIN_N) {
    return html`<p class="compare muted" data-compare="none">
      ${msg(str`${label} (${period}): te weinig reacties om te vergelijken (minder dan 30).`)}
    </p>`;
  }
  const before = kind === 'dec' ? fmtDec(current - tested.delta) : fmtPct(current - tested.delta);
  const diff = kind === 'dec' ? fmtDiff(tested.delta) : msg(str`${fmtDiffPt(tested.delta)} procentpunt`);
  const n = fmtInt(tested.nThen);
  if (!tested.significant) {
    return html`<p class="compare" data-compare="same">
      ${msg(str`${label} (${period}): ${before}, n = ${n}. Geen significant verschil (${diff}).`)}
    </p>`;
  }
  return html`<p class="compare" data-compare=${tested.delta > 0 ? 'up' : 'down'}>
    ${
      tested.delta > 0
        ? msg(str`${label} (${period}): ${before}, n = ${n}. Significant hoger: ${diff}.`)
        : msg(str`${label} (${period}): ${before}, n = ${n}. Significant lager: ${diff}.`)
    }
  </p>`;
}

function tile(id: string, title: string, body: TemplateResult, compare: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<section class="tile" part="tile" aria-labelledby="t-${id}">
    <h3 id="t-${id}">${title}</h3>
    ${body} ${compare}
  </section>`;
}

/** The four headline figures, each with its n, its interval and the tested comparison. */
export function headlineTiles(
  cur: Aggregate,
  comparison: Comparison | undefined,
  compare: Compare,
  ids: { cijfer: string; aanraden: string },
): TemplateResult {
  const cijfer = published(cur.items[ids.cijfer], 'cijfer');
  const aanraden = published(cur.items[ids.aanraden], 'aanraden');
  const few = (figure: string) => html`<p class="figure muted" data-figure=${figure}>${tooFew()}</p>`;
  const interval = (ci: readonly [number, number]) => html`<span class="ci">${msg(str`95%-interval: ${fmtCi(ci)}`)}</span>`;
  return html`<div class="tiles">
    ${tile(
      'n',
      msg('Aantal reacties'),
      cur.n === undefined
        ? few('n')
        : html`<p class="figure" data-figure="n">${fmtInt(cur.n)}</p>
            <p class="n">${msg('cliënten in deze selectie')}</p>`,
      // A count needs no test to be compared.
      comparison
        ? html`<p class="compare">
            ${compare === 'lastyear' ? msg(str`Zelfde periode vorig jaar: ${fmtInt(comparison.n)}`) : msg(str`Vorige periode: ${fmtInt(comparison.n)}`)}
          </p>`
        : nothing,
    )}
    ${tile(
      'cijfer',
      msg('Gemiddeld rapportcijfer'),
      cijfer
        ? html`<p class="figure" data-figure="cijfer">${fmtDec(cijfer.mean)}</p>
            <p class="n">
              ${msg(str`95%-interval: ${fmtDec(cijfer.ci95[0])} tot ${fmtDec(cijfer.ci95[1])}`)}<br />${nText(cijfer)}${
                cijfer.indicatief ? html` · <span class="ind-text">${msg('indicatief')}</span>` : nothing
              }
            </p>`
        : few('cijfer'),
      cijfer ? comparisonLine(cijfer.mean, comparison?.items[ids.cijfer], comparison, compare, 'dec') : nothing,
    )}
    ${tile(
      'onvoldoende',
      msg('Onvoldoende (5 of lager)'),
      cijfer
        ? html`<p class="figure" data-figure="onvoldoende">${fmtPct(cijfer.pctOnvoldoende)}</p>
            <p class="n">${interval(cijfer.ci95Pct.onvoldoende)}<br />${msg(str`van de cliënten · ${nText(cijfer)}`)}</p>`
        : few('onvoldoende'),
    )}
    ${tile(
      'aanraden',
      msg('Zou het sociaal team aanraden'),
      aanraden
        ? html`<p class="figure" data-figure="aanraden">${fmtPct(aanraden.pct.ja)}</p>
            <p class="n">
              ${interval(aanraden.ci95.ja)}<br />${msg(str`en nog ${fmtPct(aanraden.pct.misschien)} misschien`)} · ${nText(aanraden)}
            </p>`
        : few('aanraden'),
      aanraden ? comparisonLine(aanraden.pct.ja, comparison?.items[ids.aanraden], comparison, compare, 'pct') : nothing,
    )}
  </div>`;
}
