import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Aggregate } from '../../schemas/aggregate.js';
import { published, tooFew } from './charts.js';
import { fmtDay, fmtDec, fmtDiff, fmtDiffPt, fmtInt, fmtPct } from './format.js';
import type { Range } from './selection.js';

/** Differences are only shown when both periods have at least this many answers (design: n ≥ 30). */
export const COMPARE_MIN_N = 30;

interface Compare {
  current: number;
  currentN: number;
  previous?: number;
  previousN?: number;
  kind: 'dec' | 'pct';
}

function comparison(c: Compare | undefined, prevRange: Range | undefined): TemplateResult | typeof nothing {
  if (!c || !prevRange?.from || !prevRange.to) return nothing;
  const period = msg(str`${fmtDay(prevRange.from)} – ${fmtDay(prevRange.to)}`);
  if (c.previous === undefined || c.previousN === undefined || c.previousN < COMPARE_MIN_N || c.currentN < COMPARE_MIN_N) {
    return html`<p class="compare muted" data-compare="none">
      ${msg('Vergelijking met de vorige periode: te weinig reacties (minder dan 30).')}
    </p>`;
  }
  const diff = c.current - c.previous;
  const shown = c.kind === 'dec' ? fmtDiff(diff) : fmtDiffPt(diff);
  const value = c.kind === 'dec' ? fmtDec(c.previous) : fmtPct(c.previous);
  const same = shown === fmtDiff(0) || shown === fmtDiffPt(0);
  return html`<p class="compare" data-compare=${same ? 'same' : diff > 0 ? 'up' : 'down'}>
    ${c.kind === 'dec'
      ? msg(str`Vorige periode (${period}): ${value}, n = ${fmtInt(c.previousN)}. Verschil: ${shown}.`)
      : msg(str`Vorige periode (${period}): ${value}, n = ${fmtInt(c.previousN)}. Verschil: ${shown} procentpunt.`)}
  </p>`;
}

function tile(id: string, title: string, body: TemplateResult, compare: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<section class="tile" part="tile" aria-labelledby="t-${id}">
    <h3 id="t-${id}">${title}</h3>
    ${body} ${compare}
  </section>`;
}

/** The four headline figures, each with its n and, where both are large enough, the previous period. */
export function headlineTiles(
  cur: Aggregate,
  prev: Aggregate | undefined,
  prevRange: Range | undefined,
  ids: { cijfer: string; aanraden: string },
): TemplateResult {
  const cijfer = published(cur.items[ids.cijfer], 'cijfer');
  const aanraden = published(cur.items[ids.aanraden], 'aanraden');
  const pCijfer = published(prev?.items[ids.cijfer], 'cijfer');
  const pAanraden = published(prev?.items[ids.aanraden], 'aanraden');
  const few = (figure: string) => html`<p class="figure muted" data-figure=${figure}>${tooFew()}</p>`;
  return html`<div class="tiles">
    ${tile(
      'n',
      msg('Aantal reacties'),
      cur.n === undefined
        ? few('n')
        : html`<p class="figure" data-figure="n">${fmtInt(cur.n)}</p>
            <p class="n">${msg('cliënten in deze selectie')}</p>`,
      // A count needs no minimum to be compared.
      prev?.n !== undefined ? html`<p class="compare">${msg(str`Vorige periode: ${fmtInt(prev.n)}`)}</p>` : nothing,
    )}
    ${tile(
      'cijfer',
      msg('Gemiddeld rapportcijfer'),
      cijfer
        ? html`<p class="figure" data-figure="cijfer">${fmtDec(cijfer.mean)}</p>
            <p class="n">
              ${msg(str`95%-interval: ${fmtDec(cijfer.ci95[0])} tot ${fmtDec(cijfer.ci95[1])}`)}<br />n =
              ${fmtInt(cijfer.n)}${cijfer.indicatief ? html` · <span class="ind-text">${msg('indicatief')}</span>` : nothing}
            </p>`
        : few('cijfer'),
      cijfer
        ? comparison({ current: cijfer.mean, currentN: cijfer.n, previous: pCijfer?.mean, previousN: pCijfer?.n, kind: 'dec' }, prevRange)
        : nothing,
    )}
    ${tile(
      'onvoldoende',
      msg('Onvoldoende (5 of lager)'),
      cijfer
        ? html`<p class="figure" data-figure="onvoldoende">${fmtPct(cijfer.pctOnvoldoende)}</p>
            <p class="n">${msg(str`van de cliënten · n = ${fmtInt(cijfer.n)}`)}</p>`
        : few('onvoldoende'),
      cijfer
        ? comparison(
            { current: cijfer.pctOnvoldoende, currentN: cijfer.n, previous: pCijfer?.pctOnvoldoende, previousN: pCijfer?.n, kind: 'pct' },
            prevRange,
          )
        : nothing,
    )}
    ${tile(
      'aanraden',
      msg('Zou het sociaal team aanraden'),
      aanraden
        ? html`<p class="figure" data-figure="aanraden">${fmtPct(aanraden.pct.ja)}</p>
            <p class="n">${msg(str`en nog ${fmtPct(aanraden.pct.misschien)} misschien`)} · n = ${fmtInt(aanraden.n)}</p>`
        : few('aanraden'),
      aanraden
        ? comparison({ current: aanraden.pct.ja, currentN: aanraden.n, previous: pAanraden?.pct.ja, previousN: pAanraden?.n, kind: 'pct' }, prevRange)
        : nothing,
    )}
  </div>`;
}
