import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Aggregate, ItemCell, ItemFigures } from '../../schemas/aggregate.js';
import { indicatiefMark, tooFew } from './charts.js';
import { fmtCi, fmtDec, fmtInt, fmtPct } from './format.js';
import type { Labels } from './labels.js';

interface Column {
  key: string;
  name: string;
  n?: number;
  indicatief: boolean;
  items?: Record<string, ItemCell>;
}

interface Row {
  label: string;
  cell: (c: Column) => TemplateResult | string;
}

const typeOf = (cell: ItemCell | undefined) => (cell && 'type' in cell ? cell.type : undefined);

/**
 * A figure with its "indicatief" mark, or "te weinig reacties" for a hidden or missing cell. Its 95%
 * interval is the cell's tooltip: seven columns of "79% (74–84%)" would bury the figures.
 */
function figure(cell: ItemCell | undefined, format: (f: ItemFigures) => [text: string, interval: string] | undefined): TemplateResult {
  const shown = cell && !('suppressed' in cell) ? format(cell) : undefined;
  if (shown === undefined || !cell || 'suppressed' in cell) return few();
  return html`<span title=${msg(str`95%-interval: ${shown[1]}`)}>${shown[0]}</span>${indicatiefMark(cell.indicatief)}`;
}

const few = () => html`<span class="few">${tooFew()}</span>`;

/**
 * The breakdown a raadsinformatiebrief shows: teams as columns plus the total. Hidden cells read
 * "te weinig reacties"; cells of 10 to 30 answers carry an asterisk for "indicatief".
 */
export function teamTable(
  labels: Labels,
  byTeam: Aggregate | undefined,
  ids: { cijfer: string; aanraden: string },
  selectedTeam?: string,
): TemplateResult {
  if (!byTeam?.groups?.length) return html`<p class="muted">${msg('Er zijn nog geen reacties per team.')}</p>`;
  const columns: Column[] = byTeam.groups.map((g) =>
    'suppressed' in g
      ? { key: g.key, name: labels.teamName(g.key), indicatief: false }
      : { key: g.key, name: labels.teamName(g.key), n: g.n, indicatief: g.indicatief, items: g.items },
  );
  columns.push({ key: '_totaal', name: msg('Totaal'), n: byTeam.n, indicatief: false, items: byTeam.items });

  const item = (c: Column, id: string) => c.items?.[id];
  const stellingen = Object.keys(byTeam.items).filter(
    (id) => typeOf(byTeam.items[id]) === 'stelling' || byTeam.groups!.some((g) => 'items' in g && typeOf(g.items[id]) === 'stelling'),
  );
  const rows: Row[] = [
    { label: msg('Aantal reacties'), cell: (c) => (c.n === undefined ? few() : html`${fmtInt(c.n)}${indicatiefMark(c.indicatief)}`) },
    {
      label: msg('Gemiddeld rapportcijfer'),
      cell: (c) =>
        figure(item(c, ids.cijfer), (f) =>
          f.type === 'cijfer' ? [fmtDec(f.mean), `${fmtDec(f.ci95[0])}–${fmtDec(f.ci95[1])}`] : undefined,
        ),
    },
    {
      label: msg('% onvoldoende (5 of lager)'),
      cell: (c) =>
        figure(item(c, ids.cijfer), (f) => (f.type === 'cijfer' ? [fmtPct(f.pctOnvoldoende), fmtCi(f.ci95Pct.onvoldoende)] : undefined)),
    },
    {
      label: msg('% zou aanraden (ja)'),
      cell: (c) => figure(item(c, ids.aanraden), (f) => (f.type === 'aanraden' ? [fmtPct(f.pct.ja), fmtCi(f.ci95.ja)] : undefined)),
    },
    ...stellingen.map((id): Row => ({
      label: msg(str`${labels.itemText(id)} (% (helemaal) mee eens)`),
      cell: (c) => figure(item(c, id), (f) => (f.type === 'stelling' ? [fmtPct(f.pct.eens), fmtCi(f.ci95.eens)] : undefined)),
    })),
  ];
  const anyIndicatief =
    columns.some((c) => c.indicatief) || columns.some((c) => Object.values(c.items ?? {}).some((i) => 'indicatief' in i && i.indicatief));
  return html`<div class="scroll" tabindex="0" role="region" aria-labelledby="h-teams">
      <table class="teams">
        <caption class="visually-hidden">
          ${msg('Uitkomsten per team')}
        </caption>
        <thead>
          <tr>
            <td></td>
            ${columns.map(
              (c) =>
                html`<th scope="col" class="num ${c.key === selectedTeam ? 'selected' : ''} ${c.key === '_totaal' ? 'total' : ''}">
                  ${c.name}
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <th scope="row">${r.label}</th>
                ${columns.map((c) => html`<td class="num ${c.key === '_totaal' ? 'total' : ''}">${r.cell(c)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p class="note">
      ${msg(
        str`Toelichting: “te weinig reacties” betekent minder dan ${fmtInt(byTeam.k)} reacties, of een cel waaruit anders een verborgen cel terug te rekenen is. Zo blijft iedereen anoniem.`,
      )}
      ${anyIndicatief ? msg('* indicatief: minder dan 30 reacties, lees dit cijfer met voorzichtigheid.') : nothing}
    </p>`;
}
