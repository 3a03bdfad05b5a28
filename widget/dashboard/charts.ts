import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Aggregate, Comparison, ItemCell, ItemFigures } from '../../schemas/aggregate.js';
import { CIJFER_VALUES, NPS_VALUES, UNKNOWN_GROUP, WEET_NIET } from '../../schemas/constants.js';
import { barHeight, barWidth } from './css-size.js';
import type { TrendTest } from '../controllers/report-controller.js';
import { fmtDec, fmtDecCi, fmtDiffPt, fmtInt, fmtPct, fmtPctCi, fmtPeriodKey } from './format.js';
import type { Labels } from './labels.js';

/*
 * Charts are CSS flex bars sized in percent: the figures are percentages already, so there is no
 * geometry to compute, they reflow from phone to A4 without a resize observer, and they print as
 * plain boxes. Sizes are set through the CSSOM (css-size.ts), which the page's CSP allows where a
 * style="" attribute would not. Every chart is aria-hidden and comes with a text summary and a data table.
 */

type Figures<T extends ItemFigures['type']> = Extract<ItemFigures, { type: T }>;

export function published<T extends ItemFigures['type']>(cell: ItemCell | undefined, type: T): Figures<T> | undefined {
  return cell && !('suppressed' in cell) && cell.type === type ? (cell as Figures<T>) : undefined;
}

/** A percentage inside a bar segment only where it fits; the table always has it. */
const inside = (pct: number) => (pct >= 10 ? fmtPct(pct) : '');

export const tooFew = () => msg('te weinig reacties');

/** n, or a range "38–41" when the items of a chart have different bases. */
export function nRange(ns: number[]): string {
  if (ns.length === 0) return '0';
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  return lo === hi ? fmtInt(lo) : `${fmtInt(lo)}–${fmtInt(hi)}`;
}

function indicatiefMark(indicatief: boolean) {
  return indicatief
    ? html`<span class="ind" aria-hidden="true">*</span><span class="visually-hidden"> (${msg('indicatief')})</span>`
    : nothing;
}

function dataTable(caption: string, head: string[], rows: (string | TemplateResult)[][]): TemplateResult {
  return html`<details class="data">
    <summary>${msg('Toon de cijfers als tabel')}</summary>
    <div class="scroll" tabindex="0" role="region" aria-label=${caption}>
      <table>
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            ${head.map((h, i) => (i === 0 ? html`<th scope="col">${h}</th>` : html`<th scope="col" class="num">${h}</th>`))}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                ${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td class="num">${c}</td>`))}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}

export interface StellingRow {
  id: string;
  cell: ItemCell | undefined;
}

/** One block of stellingen as 100% stacked bars, highest agreement first, "weet niet" beside the bar. */
export function stellingBlock(labels: Labels, blockId: string, title: string, rows: StellingRow[]): TemplateResult {
  const shown = rows
    .map((r) => ({ id: r.id, f: published(r.cell, 'stelling') }))
    .sort((a, b) => (b.f?.pct.eens ?? -1) - (a.f?.pct.eens ?? -1));
  const figs = shown.flatMap((r) => (r.f ? [{ id: r.id, f: r.f }] : []));
  const flagged = figs.filter((r) => r.f.weetNietFlag && !r.f.weetNietIncluded);
  const included = figs.filter((r) => r.f.weetNietIncluded);
  const headingId = `b-${blockId}`;
  const base = nRange(figs.map((r) => r.f.n));
  return html`<section class="card block" aria-labelledby=${headingId} data-block=${blockId}>
    <h3 id=${headingId}>${title}</h3>
    <p class="summary">${stellingSummary(labels, figs)}</p>
    <ul class="legend" aria-hidden="true">
      <li><span class="swatch eens"></span>${msg('(Helemaal) mee eens')}</li>
      <li><span class="swatch neutraal"></span>${msg('Niet mee eens, niet mee oneens')}</li>
      <li><span class="swatch oneens"></span>${msg('(Helemaal) mee oneens')}</li>
    </ul>
    <div class="bars" aria-hidden="true">
      ${shown.map(
        (r) =>
          html`<div class="bar-row">
            <span class="bar-label">${labels.itemText(r.id)}</span>
            ${
              r.f
                ? html`<span class="stack">
                      <span
                        class="seg eens"
                        title=${`${msg('(Helemaal) mee eens')}: ${fmtPctCi(r.f.pct.eens, r.f.ci95.eens)}`}
                        ${barWidth(r.f.pct.eens)}
                        >${inside(r.f.pct.eens)}</span
                      ><span
                        class="seg neutraal"
                        title=${`${msg('Neutraal')}: ${fmtPctCi(r.f.pct.neutraal, r.f.ci95.neutraal)}`}
                        ${barWidth(r.f.pct.neutraal)}
                        >${inside(r.f.pct.neutraal)}</span
                      ><span
                        class="seg oneens"
                        title=${`${msg('(Helemaal) mee oneens')}: ${fmtPctCi(r.f.pct.oneens, r.f.ci95.oneens)}`}
                        ${barWidth(r.f.pct.oneens)}
                        >${inside(r.f.pct.oneens)}</span
                      >${
                        r.f.weetNietIncluded
                          ? html`<span
                              class="seg weetniet"
                              title=${msg(str`Weet niet: ${fmtPct(r.f.pctWeetNiet)}`)}
                              ${barWidth(r.f.pctWeetNiet)}
                            ></span>`
                          : nothing
                      }
                    </span>
                    <span class="bar-extra ${r.f.weetNietFlag ? 'flag' : ''}" data-weet-niet=${r.f.weetNietIncluded ? 'inclusief' : 'apart'}
                      >${
                        r.f.weetNietIncluded
                          ? msg(str`weet niet ${fmtPct(r.f.pctWeetNiet)}, meegeteld`)
                          : html`${msg(str`weet niet ${fmtPct(r.f.pctWeetNiet)}`)}${r.f.weetNietFlag ? ' !' : ''}`
                      }</span
                    >`
                : html`<span class="stack empty">${tooFew()}</span><span class="bar-extra"></span>`
            }
          </div>`,
      )}
    </div>
    <p class="note">
      ${
        included.length
          ? msg(str`Toelichting: % van cliënten met een oordeel; bij ‘weet niet, meegeteld’ van alle antwoorden (n = ${base})`)
          : msg(str`Toelichting: % van cliënten met een oordeel (n = ${base})`)
      }
    </p>
    ${
      included.length
        ? html`<p class="note" data-weet-niet-included>
            ${msg('Inclusief ‘weet niet’: bij deze stellingen zei 20% of meer ‘weet niet’. Volgens de afspraak van de gemeente telt dat dan mee als antwoord; de percentages zijn van alle antwoorden:')}
            ${included.map((r) => `‘${labels.itemText(r.id)}’`).join(', ')}
          </p>`
        : nothing
    }
    ${
      flagged.length
        ? html`<p class="note flag">
            ${msg('Let op: bij deze stellingen zei 20% of meer ‘weet niet’:')}
            ${flagged.map((r) => `‘${labels.itemText(r.id)}’`).join(', ')}
          </p>`
        : nothing
    }
    ${dataTable(
      title,
      [msg('Stelling'), msg('(Helemaal) mee eens'), msg('Neutraal'), msg('(Helemaal) mee oneens'), msg('n'), msg('Weet niet')],
      shown.map((r) =>
        r.f
          ? [
              labels.itemText(r.id),
              fmtPctCi(r.f.pct.eens, r.f.ci95.eens),
              fmtPctCi(r.f.pct.neutraal, r.f.ci95.neutraal),
              fmtPctCi(r.f.pct.oneens, r.f.ci95.oneens),
              html`${nEff(r.f)}${indicatiefMark(r.f.indicatief)}`,
              r.f.weetNietIncluded
                ? msg(str`${fmtPct(r.f.pctWeetNiet)} (n = ${fmtInt(r.f.nWeetNiet)}), inclusief weet niet`)
                : `${fmtPct(r.f.pctWeetNiet)} (n = ${fmtInt(r.f.nWeetNiet)})`,
            ]
          : [labels.itemText(r.id), tooFew(), '', '', '', ''],
      ),
    )}
  </section>`;
}

function stellingSummary(labels: Labels, figs: { id: string; f: Figures<'stelling'> }[]): string {
  if (figs.length === 0) return msg('Er zijn te weinig reacties om deze stellingen te tonen.');
  const top = figs[0];
  const eens = (f: Figures<'stelling'>) => fmtPctCi(f.pct.eens, f.ci95.eens);
  if (figs.length === 1) return msg(str`‘${labels.itemText(top.id)}’: ${eens(top.f)} is het (helemaal) eens.`);
  const low = figs[figs.length - 1];
  return msg(
    str`Het meest eens zijn cliënten met ‘${labels.itemText(top.id)}’ (${eens(top.f)}). Het minst met ‘${labels.itemText(low.id)}’ (${eens(low.f)}).`,
  );
}

/** The 1–10 distribution, onvoldoende in a colour of its own. */
export function cijferChart(cell: ItemCell | undefined): TemplateResult {
  const f = published(cell, 'cijfer');
  if (!f) return html`<p class="muted">${tooFew()}</p>`;
  const max = Math.max(1, ...CIJFER_VALUES.map((v) => f.distribution[v] ?? 0));
  const pctOf = (v: (typeof CIJFER_VALUES)[number]) => ((f.distribution[v] ?? 0) * 100) / f.n;
  return html`<p class="summary">
      ${msg(
        str`Gemiddeld een ${fmtDecCi(f.mean, f.ci95)}. ${fmtPctCi(f.pctOnvoldoende, f.ci95Pct.onvoldoende)} geeft een onvoldoende (5 of lager), ${fmtPctCi(f.pctAchtOfHoger, f.ci95Pct.achtOfHoger)} een 8 of hoger.`,
      )}
    </p>
    <div class="columns" aria-hidden="true">
      ${CIJFER_VALUES.map(
        (v) =>
          html`<div class="col">
            <span class="col-value">${fmtPct(pctOf(v))}</span>
            <span class="col-track"
              ><span class="col-bar ${Number(v) <= 5 ? 'low' : ''}" ${barHeight(((f.distribution[v] ?? 0) * 100) / max)}></span
            ></span>
            <span class="col-label">${v}</span>
          </div>`,
      )}
    </div>
    <p class="note">${msg(str`Toelichting: % van cliënten die een cijfer gaven (${nText(f)})`)}</p>
    ${dataTable(
      msg('Verdeling van de rapportcijfers'),
      [msg('Cijfer'), msg('Aantal'), msg('Percentage')],
      CIJFER_VALUES.map((v) => [v, fmtInt(f.distribution[v] ?? 0), fmtPct(pctOf(v))]),
    )}`;
}

/** The group of an nps score: 9–10 promoters, 7–8 passives, 0–6 detractors (coloured as stellingen). */
const npsGroup = (v: string) => (Number(v) >= 9 ? 'eens' : Number(v) >= 7 ? 'neutraal' : 'oneens');

/** An nps item: its NPS score and mean, and the 0–10 distribution coloured by group. */
export function npsChart(labels: Labels, itemId: string, cell: ItemCell | undefined): TemplateResult {
  const f = published(cell, 'nps');
  const headingId = `nps-${itemId}`;
  const title = labels.itemText(itemId);
  if (!f) {
    return html`<section class="card" aria-labelledby=${headingId} data-nps=${itemId}>
      <h3 id=${headingId}>${title}</h3>
      <p class="muted">${tooFew()}</p>
    </section>`;
  }
  const count = (v: (typeof NPS_VALUES)[number]) => f.distribution[v] ?? 0;
  const max = Math.max(1, ...NPS_VALUES.map(count));
  const pctOf = (v: (typeof NPS_VALUES)[number]) => (count(v) * 100) / f.n;
  const score = fmtDiffPt(f.score);
  return html`<section class="card" aria-labelledby=${headingId} data-nps=${itemId}>
    <h3 id=${headingId}>${title}</h3>
    <p class="summary">
      ${msg(
        str`NPS-score ${score}: ${fmtPctCi(f.pct.promoters, f.ci95.promoters)} geeft een 9 of 10, ${fmtPctCi(f.pct.detractors, f.ci95.detractors)} een 6 of lager. Gemiddeld een ${fmtDec(f.mean)}.`,
      )}
    </p>
    <dl class="key-figures">
      <div>
        <dt>${msg('NPS-score')}</dt>
        <dd data-nps-figure="score">${score}</dd>
      </div>
      <div>
        <dt>${msg('Gemiddeld')}</dt>
        <dd data-nps-figure="mean">${fmtDec(f.mean)}</dd>
      </div>
    </dl>
    <ul class="legend" aria-hidden="true">
      <li><span class="swatch eens"></span>${msg('9–10: promotors')}</li>
      <li><span class="swatch neutraal"></span>${msg('7–8: passief')}</li>
      <li><span class="swatch oneens"></span>${msg('0–6: criticasters')}</li>
    </ul>
    <div class="columns" aria-hidden="true">
      ${NPS_VALUES.map(
        (v) =>
          html`<div class="col">
            <span class="col-value">${fmtPct(pctOf(v))}</span>
            <span class="col-track"><span class="col-bar ${npsGroup(v)}" ${barHeight((count(v) * 100) / max)}></span></span>
            <span class="col-label">${v}</span>
          </div>`,
      )}
    </div>
    <p class="note">${msg(str`Toelichting: % van cliënten die deze vraag beantwoordden (${nText(f)})`)}</p>
    <p class="note">${msg('De NPS-score is het % dat een 9 of 10 geeft min het % dat een 6 of lager geeft: van −100 tot +100.')}</p>
    ${dataTable(
      msg(str`Verdeling van de scores: ${title}`),
      [msg('Score'), msg('Aantal'), msg('Percentage')],
      NPS_VALUES.map((v) => [v, fmtInt(count(v)), fmtPct(pctOf(v))]),
    )}
  </section>`;
}

/** Aanraden as one 100% bar: ja, misschien, nee. */
export function aanradenChart(cell: ItemCell | undefined): TemplateResult {
  const f = published(cell, 'aanraden');
  if (!f) return html`<p class="muted">${tooFew()}</p>`;
  return html`<p class="summary">
      ${msg(
        str`${fmtPctCi(f.pct.ja, f.ci95.ja)} zou familie, vrienden of buren aanraden om naar het sociaal team te gaan, en nog eens ${fmtPct(f.pct.misschien)} misschien. ${fmtPct(f.pct.nee)} zegt nee.`,
      )}
    </p>
    <ul class="legend" aria-hidden="true">
      <li><span class="swatch eens"></span>${msg('Ja')}</li>
      <li><span class="swatch neutraal"></span>${msg('Misschien')}</li>
      <li><span class="swatch oneens"></span>${msg('Nee')}</li>
    </ul>
    <div class="bars" aria-hidden="true">
      <div class="bar-row single">
        <span class="stack">
          <span class="seg eens" title=${`${msg('Ja')}: ${fmtPctCi(f.pct.ja, f.ci95.ja)}`} ${barWidth(f.pct.ja)}>${inside(f.pct.ja)}</span
          ><span
            class="seg neutraal"
            title=${`${msg('Misschien')}: ${fmtPctCi(f.pct.misschien, f.ci95.misschien)}`}
            ${barWidth(f.pct.misschien)}
            >${inside(f.pct.misschien)}</span
          ><span class="seg oneens" title=${`${msg('Nee')}: ${fmtPctCi(f.pct.nee, f.ci95.nee)}`} ${barWidth(f.pct.nee)}
            >${inside(f.pct.nee)}</span
          >
        </span>
      </div>
    </div>
    <p class="note">${msg(str`Toelichting: % van cliënten die deze vraag beantwoordden (${nText(f)})`)}</p>
    ${dataTable(
      msg('Aanraden'),
      [msg('Antwoord'), msg('Percentage (95%-interval)')],
      [
        [msg('Ja'), fmtPctCi(f.pct.ja, f.ci95.ja)],
        [msg('Misschien'), fmtPctCi(f.pct.misschien, f.ci95.misschien)],
        [msg('Nee'), fmtPctCi(f.pct.nee, f.ci95.nee)],
      ],
    )}`;
}

/** Keuze and meerkeuze as horizontal bars, largest first; "iets anders" and "weet niet" stay last. */
export function choiceChart(labels: Labels, itemId: string, cell: ItemCell | undefined): TemplateResult {
  const f = published(cell, 'meerkeuze') ?? published(cell, 'keuze');
  const headingId = `c-${itemId}`;
  const title = labels.itemText(itemId);
  if (!f) {
    return html`<section class="card" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${title}</h3>
      <p class="muted">${tooFew()}</p>
    </section>`;
  }
  const last = (id: string) => Number(id === 'anders' || id === WEET_NIET);
  const options = Object.keys(f.pct).sort((a, b) => last(a) - last(b) || f.pct[b] - f.pct[a]);
  const multi = f.type === 'meerkeuze';
  const top = options[0];
  return html`<section class="card" aria-labelledby=${headingId}>
    <h3 id=${headingId}>${title}</h3>
    ${multi ? html`<p class="hint">${msg('Meerdere antwoorden mogelijk')}</p>` : nothing}
    <p class="summary">${top ? msg(str`Het vaakst gekozen: ‘${labels.optionText(itemId, top)}’ (${fmtPct(f.pct[top])}).`) : nothing}</p>
    <div class="bars hbars" aria-hidden="true">
      ${options.map(
        (o) =>
          html`<div class="bar-row">
            <span class="bar-label">${labels.optionText(itemId, o)}</span>
            <span class="track"><span class="fill" title=${fmtPctCi(f.pct[o], f.ci95[o])} ${barWidth(f.pct[o])}></span></span>
            <span class="bar-extra">${fmtPct(f.pct[o])}</span>
          </div>`,
      )}
    </div>
    <p class="note">
      ${
        multi
          ? msg(str`Toelichting: % van cliënten die deze vraag beantwoordden; samen meer dan 100% (${nText(f)})`)
          : msg(str`Toelichting: % van cliënten die deze vraag beantwoordden (${nText(f)})`)
      }
    </p>
    ${dataTable(
      title,
      [msg('Antwoord'), msg('Aantal'), msg('Percentage (95%-interval)')],
      options.map((o) => [labels.optionText(itemId, o), fmtInt(f.counts[o] ?? 0), fmtPctCi(f.pct[o], f.ci95[o])]),
    )}
  </section>`;
}

/** The headline figures per month or quarter: two rows of columns and a table. */
export function trendChart(trend: Aggregate | undefined, cijferId: string, aanradenId: string, test?: TrendTest): TemplateResult {
  const groups = (trend?.groups ?? []).filter((g) => g.key !== UNKNOWN_GROUP);
  if (groups.length === 0) return html`<p class="muted">${msg('Nog geen gegevens over de tijd.')}</p>`;
  const points = groups.map((g) => {
    const items = 'suppressed' in g ? undefined : g.items;
    return {
      key: g.key,
      label: fmtPeriodKey(g.key),
      n: 'suppressed' in g ? undefined : g.n,
      cijfer: published(items?.[cijferId], 'cijfer'),
      aanraden: published(items?.[aanradenId], 'aanraden'),
    };
  });
  const withCijfer = points.filter((p) => p.cijfer);
  const first = withCijfer[0];
  const lastP = withCijfer[withCijfer.length - 1];
  const fromMean = first?.cijfer ? fmtDec(first.cijfer.mean) : '';
  const toMean = lastP?.cijfer ? fmtDec(lastP.cijfer.mean) : '';
  const summary =
    withCijfer.length >= 2
      ? trendSummary(
          fromMean,
          first.label,
          toMean,
          lastP.label,
          test?.first === first.key && test.last === lastP.key ? test.comparison.items[cijferId] : undefined,
        )
      : withCijfer.length === 1
        ? msg(str`Alleen voor ${first.label} zijn genoeg reacties: gemiddeld een ${fromMean}.`)
        : msg('Per periode zijn er te weinig reacties om cijfers te tonen.');
  return html`<p class="summary">${summary}</p>
    <div class="trend" aria-hidden="true">
      <p class="trend-title">${msg('Gemiddeld rapportcijfer')}</p>
      <div class="columns">
        ${points.map(
          (p) =>
            html`<div class="col">
              <span class="col-value">${p.cijfer ? fmtDec(p.cijfer.mean) : '–'}</span>
              <span class="col-track"><span class="col-bar" ${barHeight(p.cijfer ? p.cijfer.mean * 10 : 0)}></span></span>
              <span class="col-label">${p.label}</span>
            </div>`,
        )}
      </div>
      <p class="trend-title">${msg('% zou aanraden (ja)')}</p>
      <div class="columns">
        ${points.map(
          (p) =>
            html`<div class="col">
              <span class="col-value">${p.aanraden ? fmtPct(p.aanraden.pct.ja) : '–'}</span>
              <span class="col-track"><span class="col-bar alt" ${barHeight(p.aanraden ? p.aanraden.pct.ja : 0)}></span></span>
              <span class="col-label">${p.label}</span>
            </div>`,
        )}
      </div>
    </div>
    <p class="note">${msg('Toelichting: “–” betekent te weinig reacties in die periode.')}</p>
    ${dataTable(
      msg('Ontwikkeling per periode'),
      [msg('Periode'), msg('Reacties'), msg('Rapportcijfer'), msg('% onvoldoende'), msg('% zou aanraden')],
      points.map((p) => [
        p.label,
        p.n === undefined ? tooFew() : fmtInt(p.n),
        p.cijfer ? html`${fmtDecCi(p.cijfer.mean, p.cijfer.ci95)}${indicatiefMark(p.cijfer.indicatief)}` : tooFew(),
        p.cijfer ? fmtPctCi(p.cijfer.pctOnvoldoende, p.cijfer.ci95Pct.onvoldoende) : tooFew(),
        p.aanraden ? html`${fmtPctCi(p.aanraden.pct.ja, p.aanraden.ci95.ja)}${indicatiefMark(p.aanraden.indicatief)}` : tooFew(),
      ]),
    )}`;
}

/** The trend's headline: a change is stated only when the test found one, with n ≥ 30 on both sides. */
function trendSummary(
  from: string,
  fromLabel: string,
  to: string,
  toLabel: string,
  tested: Comparison['items'][string] | undefined,
): string {
  if (!tested || tested.nNow < 30 || tested.nThen < 30) {
    return msg(
      str`Het gemiddelde rapportcijfer was ${from} (${fromLabel}) en ${to} (${toLabel}). Er zijn te weinig reacties om te zeggen of het veranderd is.`,
    );
  }
  if (!tested.significant) {
    return msg(str`Het gemiddelde rapportcijfer was ${from} (${fromLabel}) en ${to} (${toLabel}): geen significant verschil.`);
  }
  return msg(str`Het gemiddelde rapportcijfer ging van ${from} (${fromLabel}) naar ${to} (${toLabel}). Dat is een significant verschil.`);
}

/** n for a data table cell, with the effective n of weighted figures. */
function nEff(f: { n: number; nEffective?: number }): string {
  return f.nEffective === undefined ? fmtInt(f.n) : msg(str`${fmtInt(f.n)} (effectief ${fmtInt(Math.round(f.nEffective))})`);
}

/** "n = 121", with the effective n beside it for weighted figures. */
export function nText(f: { n: number; nEffective?: number }): string {
  return f.nEffective === undefined ? `n = ${fmtInt(f.n)}` : msg(str`n = ${fmtInt(f.n)} (effectief ${fmtInt(Math.round(f.nEffective))})`);
}

export { indicatiefMark };
