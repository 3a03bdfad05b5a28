import type { Aggregate, Comparison, ItemCell, ReportLabels } from '../../schemas/aggregate.js';
import { themeOf } from '../../schemas/ceo.js';
import { CEO_THEMES, type CeoTheme, type CoreModule, type Wet } from '../../schemas/constants.js';
import { csvRow } from '../export/csv.js';
import type { BatchStats } from '../routes/invites.js';
import { dutchDate } from './letter.js';
import { esc, gemeenteTitle, printPage } from './print.js';

// The yearly CEO report for the raad: every figure in it is read from the aggregate that
// GET /v1/aggregates returns for the same selection; this module only lays them out.

/** What the report is made of, all read through the aggregates code. */
export interface CeoReportInput {
  gemeente: string;
  questionnaire: string;
  title: string;
  wet: Wet;
  core?: CoreModule;
  year: string;
  by: 'response' | 'service';
  /** The year's aggregate with its comparison against the year before. */
  aggregate: Aggregate & { comparison?: Comparison; weighting?: { dimensions: string[] } };
  /** The same selection broken down by channel. */
  channels: Aggregate;
  labels: ReportLabels;
  batches: BatchStats[];
  /** Whether the figures are weighted to population margins. */
  weighted: boolean;
  /** The day the report was made (YYYY-MM-DD). */
  today: string;
}

/** One indicator of the report and of its CSV: a headline figure of one item. */
export interface Indicator {
  theme: CeoTheme | 'overig';
  item: string;
  text: string;
  measure: string;
  n: number | null;
  value: number | null;
  low: number | null;
  high: number | null;
  indicatief: boolean;
  suppressed: boolean;
  delta: number | null;
  p: number | null;
  significant: boolean | null;
}

const THEME_TITLES: Record<CeoTheme | 'overig', string> = {
  toegang: 'Toegankelijkheid',
  kwaliteit: 'Kwaliteit',
  effect: 'Effect',
  overig: 'Overige vragen',
};

const nl1 = (x: number) => x.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The headline figure of each item the report states, in the questionnaire's order. */
export function indicators(input: Pick<CeoReportInput, 'aggregate' | 'labels' | 'core'>): Indicator[] {
  const out: Indicator[] = [];
  for (const [id, label] of Object.entries(input.labels.items)) {
    const cell: ItemCell | undefined = input.aggregate.items[id];
    if (!cell || label.type === 'open') continue;
    const theme: Indicator['theme'] = (input.core && themeOf(input.core, id)) || 'overig';
    const cmp = input.aggregate.comparison?.items[id];
    const base = {
      theme,
      item: id,
      text: label.text.nl,
      delta: cmp?.delta ?? null,
      p: cmp?.p ?? null,
      significant: cmp ? cmp.significant : null,
    };
    const measure =
      label.type === 'stelling'
        ? '% (helemaal) mee eens'
        : label.type === 'cijfer'
          ? 'gemiddeld rapportcijfer'
          : label.type === 'keuze' && label.options?.ja
            ? '% ja'
            : label.type === 'aanraden'
              ? '% ja'
              : undefined;
    if (!measure) continue;
    if ('suppressed' in cell) {
      out.push({ ...base, measure, n: null, value: null, low: null, high: null, indicatief: false, suppressed: true });
      continue;
    }
    const figure =
      cell.type === 'stelling'
        ? { value: cell.pct.eens, ci: cell.ci95.eens }
        : cell.type === 'cijfer'
          ? { value: cell.mean, ci: cell.ci95 }
          : cell.type === 'keuze' || cell.type === 'aanraden'
            ? { value: cell.pct.ja ?? 0, ci: cell.ci95.ja ?? [0, 0] }
            : undefined;
    if (!figure) continue;
    out.push({
      ...base,
      measure,
      n: cell.n,
      value: figure.value,
      low: figure.ci[0],
      high: figure.ci[1],
      indicatief: cell.indicatief,
      suppressed: false,
    });
  }
  return out;
}

/** The indicators as CSV (RFC 4180, UTF-8), for delivery to VWS or the gemeente's own monitor. */
export function indicatorsCsv(input: CeoReportInput): string {
  const header = [
    'gemeente',
    'vragenlijst',
    'jaar',
    'jaar_volgens',
    'thema',
    'item',
    'vraag',
    'maat',
    'n',
    'waarde',
    'ci95_laag',
    'ci95_hoog',
    'indicatief',
    'onderdrukt',
    'verschil_vorig_jaar',
    'p',
    'significant',
  ];
  const rows = indicators(input).map((i) =>
    csvRow([
      input.gemeente,
      input.questionnaire,
      input.year,
      input.by === 'service' ? 'dienstjaar' : 'antwoorddatum',
      i.theme,
      i.item,
      i.text,
      i.measure,
      i.n,
      i.value,
      i.low,
      i.high,
      i.indicatief,
      i.suppressed,
      i.delta,
      i.p,
      i.significant,
    ]),
  );
  return csvRow(header) + rows.join('');
}

const fmtValue = (i: Indicator) => (i.value === null ? '–' : i.measure.startsWith('%') ? `${nl1(i.value)}%` : nl1(i.value));
const fmtCi = (i: Indicator) =>
  i.low === null || i.high === null ? '–' : i.measure.startsWith('%') ? `${nl1(i.low)}–${nl1(i.high)}%` : `${nl1(i.low)}–${nl1(i.high)}`;
function fmtChange(i: Indicator): string {
  if (i.delta === null) return 'niet te toetsen';
  const unit = i.measure.startsWith('%') ? ' procentpunt' : '';
  const sign = i.delta > 0 ? '+' : '';
  return `${sign}${nl1(i.delta)}${unit}${i.significant ? ' (significant)' : ' (geen significant verschil)'}`;
}

// Open answers are grouped by words that point at a subject; the grouping is a first sorting for
// the reader, not a coding by hand, and the report says so.
const OPEN_THEMES: { theme: string; pattern: RegExp }[] = [
  { theme: 'Wachttijd en snelheid', pattern: /wacht|duur(de|t)|lang|snel|traag|weken|maanden/i },
  { theme: 'Bereikbaarheid en contact', pattern: /bereik|telefo|bellen|terugbel|mail|contact/i },
  { theme: 'Bejegening', pattern: /vriendelijk|respect|serieus|luister|begrip|aardig|onbeleefd|bot\b/i },
  { theme: 'Informatie en uitleg', pattern: /informatie|uitleg|duidelijk|brief|regels|formulier/i },
  { theme: 'Kwaliteit van de hulp', pattern: /kwaliteit|deskundig|hulp|ondersteuning|geholpen|kennis/i },
];

/** How many open answers mention each subject; an answer may mention several, or none ("Overig"). */
export function openThemes(texts: readonly string[]): { theme: string; count: number }[] {
  const counts = new Map<string, number>(OPEN_THEMES.map((t) => [t.theme, 0]));
  let other = 0;
  for (const text of texts) {
    const hits = OPEN_THEMES.filter((t) => t.pattern.test(text));
    if (hits.length === 0) other += 1;
    for (const h of hits) counts.set(h.theme, counts.get(h.theme)! + 1);
  }
  return [...[...counts].map(([theme, count]) => ({ theme, count })), { theme: 'Overig', count: other }];
}

function indicatorTable(caption: string, rows: Indicator[], compare: boolean): string {
  const head = `<tr><th scope="col">Vraag</th><th scope="col">Maat</th><th scope="col" class="num">n</th><th scope="col" class="num">Uitkomst</th><th scope="col" class="num">95%-interval</th>${compare ? '<th scope="col">Verschil met vorig jaar</th>' : ''}</tr>`;
  const body = rows
    .map(
      (i) =>
        `<tr><td>${esc(i.text)}</td><td>${esc(i.measure)}</td><td class="num">${i.n ?? '&lt; k'}</td><td class="num">${i.suppressed ? 'niet getoond' : esc(fmtValue(i))}${i.indicatief ? ' (indicatief)' : ''}</td><td class="num">${esc(fmtCi(i))}</td>${compare ? `<td${i.significant ? ' class="sig"' : ''}>${esc(fmtChange(i))}</td>` : ''}</tr>`,
    )
    .join('\n');
  return `<table><caption>${esc(caption)}</caption><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

const CHANNEL_NAMES: Record<string, string> = { web: 'Online', telefoon: 'Telefoon', papier: 'Papier', _onbekend: 'Onbekend' };

/** The printable report: summary for the raad, method, results per theme, open answers, table appendix. */
export function ceoReportHtml(input: CeoReportInput): string {
  const a = input.aggregate;
  const n = a.n ?? 0;
  const all = indicators(input);
  const compare = a.comparison !== undefined;
  const sent = input.batches.reduce((s, b) => s + b.count, 0);
  const used = input.batches.reduce((s, b) => s + b.used, 0);
  const rate = sent ? Math.round((used / sent) * 1000) / 10 : null;
  const populations = [...new Set(input.batches.flatMap((b) => (b.population ? [b.population] : [])))];
  const populationSize = input.batches.reduce((s, b) => s + (b.populationSize ?? 0), 0);
  const lawText =
    input.wet === 'jeugd'
      ? 'Jeugdwet, artikel 2.10'
      : input.wet === 'wmo'
        ? 'Wet maatschappelijke ondersteuning 2015, artikel 2.5.1'
        : input.wet === 'participatiewet'
          ? 'Participatiewet'
          : 'geen wettelijke meting';
  const yearText = input.by === 'service' ? `hulp of ondersteuning in ${input.year} (dienstjaar)` : `antwoorden gegeven in ${input.year}`;
  const significant = all.filter((i) => i.significant);
  const cijfer = all.find((i) => i.measure === 'gemiddeld rapportcijfer' && !i.suppressed);

  const summary = `<section id="samenvatting" aria-labelledby="h-samenvatting">
<h2 id="h-samenvatting">Samenvatting voor de raad</h2>
<ul class="summary">
<li>${n === 1 ? '1 inwoner deed' : `${n} inwoners deden`} mee${rate !== null ? `; van de ${sent} uitgenodigde inwoners deed ${nl1(rate)}% mee` : ''}.</li>
${CEO_THEMES.map((t) => {
  const rows = all.filter((i) => i.theme === t && !i.suppressed && i.value !== null && i.measure === '% (helemaal) mee eens');
  if (rows.length === 0) return '';
  const lo = rows.reduce((m, i) => (i.value! < m.value! ? i : m));
  const hi = rows.reduce((m, i) => (i.value! > m.value! ? i : m));
  return `<li><strong>${THEME_TITLES[t]}:</strong> ${rows.length === 1 ? `${nl1(hi.value!)}% bij „${esc(hi.text)}”` : `van ${nl1(lo.value!)}% („${esc(lo.text)}”) tot ${nl1(hi.value!)}% („${esc(hi.text)}”)`}.</li>`;
}).join('\n')}
${cijfer ? `<li>Het gemiddelde rapportcijfer is ${nl1(cijfer.value!)} (95%-interval ${esc(fmtCi(cijfer))}).</li>` : ''}
<li>${compare ? (significant.length ? `Significant anders dan vorig jaar: ${significant.map((i) => `„${esc(i.text)}” (${esc(fmtChange(i))})`).join('; ')}.` : 'Geen uitkomst verschilt significant van vorig jaar.') : 'Met vorig jaar kon niet worden vergeleken.'}</li>
</ul>
</section>`;

  const channelGroups = (input.channels.groups ?? []).map((g) =>
    'suppressed' in g
      ? `<li>${esc(CHANNEL_NAMES[g.key] ?? g.key)}: minder dan ${input.aggregate.k}</li>`
      : `<li>${esc(CHANNEL_NAMES[g.key] ?? g.key)}: ${g.n}</li>`,
  );
  const method = `<section id="methode" aria-labelledby="h-methode">
<h2 id="h-methode">Hoe is gemeten?</h2>
<dl class="facts">
<dt>Wet</dt><dd>${esc(lawText)}</dd>
<dt>Populatie</dt><dd>${populations.length ? populations.map(esc).join('; ') : 'Niet vastgelegd bij de uitnodigingen.'}${populationSize ? ` (${populationSize} personen)` : ''}</dd>
<dt>Steekproef</dt><dd>${sent ? `${sent} inwoners kregen een uitnodiging (${input.batches.length} ${input.batches.length === 1 ? 'verzending' : 'verzendingen'}).` : 'Geen uitnodigingen per brief: de vragenlijst stond open voor iedereen die hulp kreeg.'}</dd>
<dt>Periode</dt><dd>${esc(yearText)}</dd>
<dt>Kanalen</dt><dd><ul>${channelGroups.join('')}</ul></dd>
<dt>Respons</dt><dd>${n} ingevulde vragenlijsten${rate !== null ? `; ${used} van de ${sent} uitnodigingen zijn gebruikt: een respons van ${nl1(rate)}%` : ''}. Antwoorden per telefoon en op papier met de code uit de brief tellen mee.</dd>
<dt>Weging</dt><dd>${input.weighted && a.weighting ? `Gewogen naar de verdeling in de populatie op ${a.weighting.dimensions.map(esc).join(', ')} (raking). Bij elk cijfer staat het echte aantal; de intervallen rusten op het effectieve aantal.` : 'Niet gewogen.'}</dd>
<dt>Marges</dt><dd>Bij elk percentage staat een 95%-betrouwbaarheidsinterval (Wilson; exact volgens Clopper–Pearson bij kleine aantallen; kleiner als de populatie bekend is). Een verschil met vorig jaar heet alleen significant na een toets (α = 0,05): twee proporties (of Fisher bij kleine aantallen) voor percentages, Welch voor het rapportcijfer.</dd>
<dt>Onderdrukking</dt><dd>Uitkomsten van minder dan ${a.k} antwoorden staan er niet in, zodat niemand herkenbaar is. Bij 10 tot 30 antwoorden staat „indicatief”. „Weet niet” telt niet mee in de percentages.</dd>
${input.wet === 'jeugd' ? '<dt>Aanbieders</dt><dd>De Jeugdwet staat niet toe de uitkomsten per aanbieder te gebruiken. Dit rapport en Peil tonen ze daarom niet per aanbieder.</dd>' : ''}
</dl>
</section>`;

  const themes = [...CEO_THEMES, 'overig' as const].filter((t) => all.some((i) => i.theme === t));
  const results = `<section id="resultaten" aria-labelledby="h-resultaten">
<h2 id="h-resultaten">Uitkomsten per thema</h2>
${themes
  .map(
    (t) =>
      `<div class="theme"><h3 id="thema-${t}">${THEME_TITLES[t]}</h3>\n${indicatorTable(
        `${THEME_TITLES[t]} ${input.year}: aantal, uitkomst en 95%-interval`,
        all.filter((i) => i.theme === t),
        compare,
      )}</div>`,
  )
  .join('\n')}
</section>`;

  const openItems = Object.entries(input.labels.items).filter(([, l]) => l.type === 'open');
  const open = `<section id="open-antwoorden" aria-labelledby="h-open">
<h2 id="h-open">Open antwoorden</h2>
<p class="note">De antwoorden zijn op onderwerp gegroepeerd aan de hand van woorden die erin staan. Een antwoord kan over meer onderwerpen gaan. Dit is een eerste indeling, geen codering met de hand.</p>
${openItems
  .map(([id, l]) => {
    const cell = a.items[id];
    if (!cell || 'suppressed' in cell || cell.type !== 'open' || !cell.texts) {
      return `<h3>${esc(l.text.nl)}</h3><p>Te weinig antwoorden om te tonen.</p>`;
    }
    const rows = openThemes(cell.texts)
      .map((r) => `<tr><td>${esc(r.theme)}</td><td class="num">${r.count}</td></tr>`)
      .join('');
    return `<h3>${esc(l.text.nl)}</h3><table class="small-table"><caption>${esc(l.text.nl)}: ${cell.n} antwoorden per onderwerp</caption><thead><tr><th scope="col">Onderwerp</th><th scope="col" class="num">Aantal</th></tr></thead><tbody>${rows}</tbody></table>`;
  })
  .join('\n')}
</section>`;

  const appendixRows = Object.entries(input.labels.items)
    .filter(([, l]) => l.type === 'stelling')
    .map(([id, l]) => {
      const cell = a.items[id];
      if (!cell || 'suppressed' in cell || cell.type !== 'stelling') {
        return `<tr><td>${esc(l.text.nl)}</td><td class="num" colspan="7">niet getoond (minder dan ${a.k})</td></tr>`;
      }
      const d = cell.pctDetail;
      return `<tr><td>${esc(l.text.nl)}</td><td class="num">${cell.n}</td><td class="num">${nl1(d.helemaal_eens)}</td><td class="num">${nl1(d.eens)}</td><td class="num">${nl1(d.neutraal)}</td><td class="num">${nl1(d.oneens)}</td><td class="num">${nl1(d.helemaal_oneens)}</td><td class="num">${cell.nWeetNiet}</td></tr>`;
    })
    .join('\n');
  const appendix = `<section id="bijlage" aria-labelledby="h-bijlage">
<h2 id="h-bijlage">Bijlage: alle tabellen</h2>
<table class="wide"><caption>Stellingen: verdeling van de antwoorden in % van wie een mening gaf, ${input.year}</caption>
<thead><tr><th scope="col">Stelling</th><th scope="col" class="num">n</th><th scope="col" class="num">Helemaal mee eens</th><th scope="col" class="num">Mee eens</th><th scope="col" class="num">Neutraal</th><th scope="col" class="num">Mee oneens</th><th scope="col" class="num">Helemaal mee oneens</th><th scope="col" class="num">Weet niet (aantal)</th></tr></thead>
<tbody>
${appendixRows}
</tbody></table>
${indicatorTable(`Alle indicatoren, ${input.year} (ook als CSV te downloaden)`, all, compare)}
</section>`;

  const body = `<main class="report">
<header>
<p class="meta">${esc(gemeenteTitle(input.gemeente))} · ${esc(lawText)}</p>
<h1>Cliëntervaringsonderzoek ${esc(input.year)}: ${esc(input.title)}</h1>
<p class="meta">Gemaakt op ${esc(dutchDate(input.today))} met Peil. Vragenlijst ${esc(input.questionnaire)}${input.core ? `, met de vaste vragen van ${esc(input.core)}` : ''}.</p>
</header>
${summary}
${method}
${results}
${open}
${appendix}
</main>`;
  return printPage(`Cliëntervaringsonderzoek ${input.year} — ${gemeenteTitle(input.gemeente)}`, body);
}
