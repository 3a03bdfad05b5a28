import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font-family: var(--peil-font-family, var(--nl-document-font-family, system-ui, sans-serif));
    color: var(--peil-color, #1a1a1a);
    line-height: 1.45;
    --_primary: var(--peil-primary, #00539f);
    /* Three answer groups; white text on each is at least 4.5:1, and each differs from its neighbour. */
    --_eens: var(--_primary);
    --_neutraal: #6b6b6b;
    --_oneens: #a4262c;
    --_border: #8a8a8a;
    --_muted: #4a4a4a;
    --_focus: #e17000;
    /* Bars are information: print them in colour rather than as empty boxes. */
    print-color-adjust: exact;
    -webkit-print-color-adjust: exact;
  }
  h1 {
    font-size: 1.75em;
    margin: 0 0 0.25rem;
  }
  h2 {
    font-size: 1.35em;
    margin: 2rem 0 0.75rem;
  }
  .card > h2,
  .section-head h2 {
    margin-top: 0;
  }
  h3 {
    font-size: 1.05em;
    margin: 0 0 0.5rem;
  }
  p {
    margin: 0.25rem 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5rem 1rem;
  }
  .scope {
    color: var(--_muted);
    margin-bottom: 1rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Live indicator: a dot and words, never colour alone. */
  .live {
    font-weight: 600;
  }
  .live::before {
    content: '●';
    margin-inline-end: 0.4em;
  }
  .live.live::before {
    color: #127a2a;
  }
  .live.connecting::before {
    color: #8a6d00;
  }
  .live.offline {
    color: #a4262c;
  }

  /* Filters */
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0.75rem 1rem;
    padding: 1rem;
    background: #f3f5f8;
    border-radius: 8px;
    margin-bottom: 0.5rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  select,
  input,
  button {
    font: inherit;
    min-height: 2.75rem;
    box-sizing: border-box;
  }
  select,
  input[type='date'],
  input[type='password'] {
    padding: 0.4rem 0.5rem;
    border: 1px solid #5c5c5c;
    border-radius: 4px;
    background: #fff;
    color: inherit;
    width: 100%;
  }
  button {
    padding: 0.5rem 1rem;
    background: var(--_primary);
    color: #fff;
    border: 2px solid var(--_primary);
    border-radius: 6px;
    cursor: pointer;
  }
  button.secondary {
    background: #fff;
    color: var(--_primary);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  select:focus-visible,
  input:focus-visible,
  button:focus-visible,
  summary:focus-visible,
  .scroll:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .toggle {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
  }
  .toggle legend {
    float: left;
    font-weight: 600;
    margin-inline-end: 0.5rem;
    padding: 0;
  }
  .toggle label {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    font-weight: 400;
    min-height: 2.75rem;
  }
  .toggle input {
    min-height: auto;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }

  /* Headline tiles */
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: 1rem;
  }
  .tile,
  .card {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 1rem;
    break-inside: avoid;
    /* A grid item would otherwise grow to its widest content (a data table) past a 320 px screen. */
    min-width: 0;
  }
  .card {
    margin-bottom: 1rem;
  }
  .figure {
    font-size: 2.5em;
    font-weight: 700;
    line-height: 1.1;
    margin: 0;
    color: var(--_primary);
  }
  .figure.muted {
    font-size: 1.1em;
    color: var(--_muted);
  }
  .compare {
    margin-top: 0.5rem;
    padding-top: 0.5rem;
    border-top: 1px solid #d0d0d0;
    font-size: 0.95em;
  }
  /* Only a tested, significant difference stands out; in print too. */
  .compare[data-compare='up'],
  .compare[data-compare='down'] {
    font-weight: 600;
    border-top: 3px solid var(--_primary);
  }
  .muted,
  .note,
  .hint {
    color: var(--_muted);
  }
  .note {
    font-size: 0.95em;
    margin-top: 0.5rem;
  }
  .flag {
    color: #8a3a00;
    font-weight: 600;
  }
  .ind,
  .ind-text {
    font-weight: 700;
    color: #8a3a00;
  }
  .ind {
    margin-inline-start: 0.1em;
  }
  .summary {
    margin-bottom: 0.75rem;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
    gap: 0 1rem;
    margin-top: 1rem;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-bottom: 0.5rem;
  }

  /* Bars: widths and heights are percentages set per element through the CSSOM. */
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
    font-size: 0.95em;
  }
  .swatch {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-inline-end: 0.4em;
    vertical-align: -0.1em;
    border-radius: 2px;
  }
  .swatch.eens,
  .seg.eens {
    background: var(--_eens);
  }
  .swatch.neutraal,
  .seg.neutraal {
    background: var(--_neutraal);
  }
  .swatch.oneens,
  .seg.oneens {
    background: var(--_oneens);
  }
  /* "Weet niet" counted as an answer (the gemeente's rule): hatched grey, so the bar still adds up to 100%. */
  .seg.weetniet {
    background: repeating-linear-gradient(45deg, #d0d0d0 0 4px, #ececec 4px 8px);
  }
  .bars {
    display: grid;
    gap: 0.6rem;
  }
  .bar-row {
    display: grid;
    grid-template-columns: minmax(10rem, 2fr) minmax(8rem, 3fr) 7.5rem;
    align-items: center;
    gap: 0.75rem;
  }
  .bar-row.single {
    grid-template-columns: 1fr;
  }
  .hbars .bar-row {
    grid-template-columns: minmax(10rem, 2fr) minmax(6rem, 3fr) 3.5rem;
  }
  .stack {
    display: flex;
    height: 1.9rem;
    border-radius: 3px;
    overflow: hidden;
  }
  .stack.empty {
    align-items: center;
    padding-inline-start: 0.5rem;
    border: 1px dashed var(--_border);
    color: var(--_muted);
    font-size: 0.95em;
  }
  .seg {
    display: flex;
    align-items: center;
    justify-content: center;
    color: #fff;
    font-weight: 600;
    font-size: 0.9em;
    white-space: nowrap;
    overflow: hidden;
  }
  /* Thin white gaps keep adjacent segments apart for readers who do not tell the colours apart. */
  .seg + .seg {
    border-inline-start: 2px solid #fff;
  }
  .bar-extra {
    font-size: 0.95em;
    color: var(--_muted);
  }
  .bar-extra.flag {
    color: #8a3a00;
  }
  .track {
    display: block;
    height: 1.4rem;
    background: #eceff3;
    border-radius: 3px;
  }
  .fill {
    display: block;
    height: 100%;
    background: var(--_primary);
    border-radius: 3px;
  }

  /* Columns: the 1–10 distribution and the trend. */
  .columns {
    display: flex;
    align-items: stretch;
    gap: 0.35rem;
    height: 10rem;
    margin-bottom: 0.25rem;
  }
  .col {
    flex: 1 1 0;
    min-width: 0;
    display: grid;
    grid-template-rows: auto 1fr auto;
    text-align: center;
    font-size: 0.85em;
  }
  .col-track {
    display: flex;
    align-items: flex-end;
    border-bottom: 1px solid var(--_border);
  }
  .col-bar {
    display: block;
    width: 100%;
    background: var(--_primary);
    border-radius: 3px 3px 0 0;
  }
  .col-bar.low {
    background: var(--_oneens);
  }
  .col-bar.alt {
    background: #39870c;
  }
  .col-bar.eens {
    background: var(--_eens);
  }
  .col-bar.neutraal {
    background: var(--_neutraal);
  }
  .col-bar.oneens {
    background: var(--_oneens);
  }
  .key-figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 2rem;
    margin: 0 0 0.75rem;
  }
  .key-figures dt {
    color: var(--_muted);
  }
  .key-figures dd {
    margin: 0;
    font-size: 1.75em;
    font-weight: 700;
    color: var(--_primary);
  }
  .col-label {
    overflow-wrap: anywhere;
  }
  .trend-title {
    font-weight: 600;
    margin-top: 0.75rem;
  }

  /* Tables */
  details.data {
    margin-top: 0.75rem;
  }
  summary {
    cursor: pointer;
    color: var(--_primary);
    font-weight: 600;
    min-height: 1.5rem;
    padding: 0.25rem 0;
  }
  .scroll {
    overflow-x: auto;
    /* The containing block of the visually hidden text in its cells, so that text scrolls with the
       table instead of widening the page. */
    position: relative;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.5rem 0;
  }
  th,
  td {
    border-bottom: 1px solid #c8c8c8;
    padding: 0.4rem 0.5rem;
    text-align: start;
    vertical-align: top;
  }
  thead th {
    border-bottom: 2px solid #5c5c5c;
  }
  tbody th {
    font-weight: 400;
  }
  .num {
    text-align: end;
  }
  table.teams th[scope='col'].selected {
    background: #e5eef7;
  }
  table.teams .total {
    font-weight: 700;
  }
  /* The row labels stay readable and in view while the team columns scroll past on a phone. */
  table.teams tbody th {
    min-width: 11em;
    position: sticky;
    inset-inline-start: 0;
    background: #fff;
  }
  .few {
    color: var(--_muted);
    font-style: italic;
    font-size: 0.9em;
  }

  .open {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
    max-height: 24rem;
    overflow-y: auto;
  }
  .open li {
    margin-bottom: 0.4rem;
  }

  .foot {
    margin-top: 2rem;
    border-top: 1px solid #d0d0d0;
    padding-top: 0.5rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .updated {
    color: var(--_muted);
  }
  .release .updated {
    color: inherit;
    font-weight: 600;
  }
  /* The figure alone, as a public page embeds it: the tiles and when they were released. */
  .figure-view h2 {
    margin-top: 0;
  }

  .login {
    display: grid;
    gap: 0.5rem;
    max-width: 22rem;
  }
  .error {
    color: #c0000b;
    font-weight: 600;
  }

  @media (max-width: 40rem) {
    /* Label, bar and "weet niet" each on a line: the bar keeps the full width for its percentages. */
    .bar-row {
      grid-template-columns: 1fr;
      gap: 0.2rem;
    }
    .hbars .bar-row {
      grid-template-columns: 1fr auto;
      gap: 0.25rem 0.5rem;
    }
    .hbars .bar-row .bar-label {
      grid-column: 1 / -1;
    }
    .pair {
      grid-template-columns: 1fr;
    }
    .figure {
      font-size: 2.1em;
    }
    .columns {
      gap: 0.2rem;
    }
  }

  /* A4 for a raadsinformatiebrief: no controls, every table that matters, nothing cut in half. */
  @media print {
    :host {
      font-size: 10pt;
      color: #000;
    }
    .filters,
    .toggle,
    .downloads,
    details.data,
    .live {
      display: none;
    }
    .scope {
      color: #000;
      font-weight: 600;
    }
    h2 {
      margin-top: 1rem;
      break-after: avoid;
    }
    .tiles {
      grid-template-columns: repeat(4, 1fr);
      gap: 0.5rem;
    }
    .figure {
      font-size: 1.8em;
    }
    .pair {
      grid-template-columns: 1fr 1fr;
    }
    .scroll {
      overflow: visible;
    }
    .columns {
      height: 6rem;
    }
    .open {
      max-height: none;
      overflow: visible;
    }
    .card,
    .tile,
    tr {
      break-inside: avoid;
    }
  }
`;
