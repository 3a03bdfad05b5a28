import { css } from 'lit';

// Partner CSS reaches a shadow root only through the host and inherited properties. The host
// declarations are !important (inside-out, an important :host rule beats the page's important
// rules) and the inner .root resets everything inherited, so a page's `* { all: unset }` or
// `font-size: 8px !important` changes nothing here. Ours cannot leak out: all of it is in the shadow.
// Sizes that matter for targets use max(…em, …px), so a tiny root font size cannot shrink them
// below 24 px; text still grows with the reader's own default size.
// Theming goes through --peil-* properties that fall back to NL Design System tokens.
export const styles = css`
  :host {
    display: block !important;
    visibility: visible !important;
    max-inline-size: 760px;
    container-type: inline-size !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  .root {
    all: initial;
    display: block;
    font-family: var(--peil-font-family, var(--nl-document-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif));
    font-size: var(--peil-font-size, var(--nl-document-font-size, max(1.125rem, 18px)));
    line-height: 1.5;
    overflow-wrap: break-word;
    color: var(--peil-color, var(--nl-document-color, #1a1a1a));
    background: var(--peil-background, var(--nl-document-background-color, #fff));
    --_primary: var(--peil-primary, var(--nl-button-primary-background-color, #00539f));
    --_primary-text: var(--peil-primary-text, var(--nl-button-primary-color, #fff));
    --_border: var(--peil-border, #5c5c5c);
    --_focus: var(--peil-focus, var(--nl-focus-outline-color, #c24e00));
    --_error: var(--peil-error, #c0000b);
    --_radius: var(--peil-radius, 6px);
    --_target: max(2.75em, 44px);
    text-align: start;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  form,
  .done,
  .message {
    margin: 0;
    padding: 0;
  }
  /* While the questionnaire loads, its place is kept: page one of every bank questionnaire is taller
     than a screen, so what follows the survey starts below the fold and does not move when it appears. */
  .loading {
    min-block-size: var(--peil-loading-block-size, 100vh);
  }
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.75em;
    color: inherit;
    font-weight: 700;
  }
  h2 {
    font-size: 1.4em;
  }
  h3 {
    font-size: 1.2em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  p {
    margin: 0 0 0.75em;
  }
  .progress p {
    margin-bottom: 0.25em;
    font-weight: 600;
  }
  progress {
    display: block;
    inline-size: 100%;
    block-size: 0.5em;
    min-block-size: 6px;
    margin-bottom: 1.25em;
    accent-color: var(--_primary);
  }
  .question {
    border: 0;
    margin: 0 0 1.75em;
    padding: 0;
    min-inline-size: 0;
  }
  .legend {
    display: block;
    padding: 0;
    margin-bottom: 0.5em;
    font-weight: 600;
    font-size: 1.05em;
  }
  .num {
    display: block;
    font-weight: 400;
    font-size: 0.85em;
    color: inherit;
    opacity: 0.85;
  }
  .req {
    font-weight: 400;
    font-size: 0.9em;
  }
  .help,
  .hint,
  .count {
    font-size: 0.95em;
    margin-bottom: 0.5em;
  }
  .options {
    display: grid;
    gap: 0.5em;
  }
  .option {
    position: relative;
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-block-size: var(--_target);
    padding: 0.5em 0.75em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--peil-background, #fff);
    cursor: pointer;
  }
  .option input {
    inline-size: max(1.375em, 24px);
    block-size: max(1.375em, 24px);
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .option:has(input:checked) {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 1px var(--_primary);
    font-weight: 600;
  }
  .option:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .option.apart {
    margin-block-start: 0.5em;
  }
  /* 1–10 and 0–10: one row of number buttons, two rows when the space is narrow. */
  .t-cijfer .options,
  .t-nps .options {
    grid-template-columns: repeat(var(--_cols), minmax(0, 1fr));
    gap: 0.375em;
  }
  .t-cijfer {
    --_cols: 10;
  }
  .t-nps {
    --_cols: 11;
  }
  .t-cijfer .option,
  .t-nps .option {
    justify-content: center;
    padding: 0;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .t-cijfer .option input,
  .t-nps .option input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    opacity: 0;
    cursor: pointer;
  }
  .t-cijfer .option:has(input:checked),
  .t-nps .option:has(input:checked) {
    background: var(--_primary);
    color: var(--_primary-text);
  }
  /* Ten 44 px targets and their gaps need about 500 px; px, because the host's em is the page's. */
  @container (max-width: 560px) {
    .t-cijfer {
      --_cols: 5;
    }
    .t-nps {
      --_cols: 6;
    }
  }
  textarea {
    display: block;
    inline-size: 100%;
    font: inherit;
    color: inherit;
    background: var(--peil-background, #fff);
    padding: 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    resize: vertical;
  }
  textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .invalid .option,
  .invalid textarea {
    border-color: var(--_error);
  }
  .field-error {
    color: var(--_error);
    font-weight: 600;
  }
  .field-error::before {
    content: '! ';
  }
  .summary {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    margin-bottom: 1.5em;
  }
  .summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  a {
    color: var(--_primary);
    text-decoration: underline;
  }
  a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    justify-content: space-between;
    margin-top: 1.5em;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-block-size: var(--_target);
    min-inline-size: 7em;
    padding: 0.5em 1.25em;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    cursor: pointer;
    background: var(--peil-background, #fff);
    color: var(--_primary);
  }
  button.primary {
    background: var(--_primary);
    color: var(--_primary-text);
    margin-inline-start: auto;
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
  /* The language choice sits at the top, at the end of the line (the right, or the left in Arabic). */
  .languages {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.5em;
    margin-block-end: 1em;
  }
  .languages label {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    font-weight: 600;
  }
  svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }
  select {
    font: inherit;
    color: inherit;
    min-block-size: var(--_target);
    padding: 0.25em 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--peil-background, #fff);
  }
  select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button.read-aloud {
    display: flex;
    align-items: center;
    gap: 0.375em;
    min-inline-size: 0;
    margin-block-end: 0.5em;
    padding: 0.25em 0.75em;
    font-size: 0.9em;
  }
  .read-aloud svg {
    fill: currentColor;
    stroke: none;
  }
  button.read-aloud[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_primary-text);
  }
  .message.error {
    border-inline-start: 4px solid var(--_error);
    padding: 0.5em 1em;
    margin: 1em 0;
  }
  .done {
    border-inline-start: 4px solid var(--_primary);
    padding: 0.5em 1em;
  }
  .kiosk-prompt {
    border: 3px solid var(--_primary);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    margin: 1em 0;
  }
  input[type='date'] {
    display: block;
    font: inherit;
    min-block-size: var(--_target);
    margin-block-start: 0.25em;
    padding: 0 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  input[type='date']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .hp,
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    .option {
      transition: border-color 120ms ease-out;
    }
  }
  @media (forced-colors: active) {
    .option:has(input:checked) {
      outline: 3px solid Highlight;
    }
  }
`;
