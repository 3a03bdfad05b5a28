import { css } from 'lit';

/** What every beheer screen shares: readable at 320 px, visible focus, AA contrast. */
export const base = css`
  :host {
    display: block;
    color: #1a1a1a;
    font:
      1rem/1.5 system-ui,
      sans-serif;
    --primary: #00539f;
    --error: #c0000b;
    --border: #5c5c5c;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.375rem;
    margin: 0 0 0.75rem;
  }
  h3 {
    font-size: 1.125rem;
    margin: 1.25rem 0 0.5rem;
  }
  p {
    margin: 0 0 0.75rem;
    max-width: 40rem;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
  }
  button {
    min-height: 2.75rem;
    padding: 0.4rem 1rem;
    border: 2px solid var(--primary);
    border-radius: 6px;
    background: var(--primary);
    color: #fff;
    cursor: pointer;
  }
  button.secondary {
    background: #fff;
    color: var(--primary);
  }
  button.danger {
    background: #fff;
    color: var(--error);
    border-color: var(--error);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid #c24e00;
    outline-offset: 2px;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  label.inline {
    display: inline;
    margin: 0;
  }
  summary {
    cursor: pointer;
    color: var(--primary);
    font-weight: 600;
    min-height: 2.75rem;
    padding: 0.5rem 0;
  }
  .hint {
    display: block;
    font-weight: 400;
    color: #4a4a4a;
    font-size: 0.9375rem;
  }
  input,
  select,
  textarea {
    width: 100%;
    max-width: 32rem;
    min-height: 2.75rem;
    padding: 0.4rem 0.5rem;
    border: 2px solid var(--border);
    border-radius: 4px;
    background: #fff;
    color: inherit;
  }
  input[type='checkbox'] {
    width: 1.5rem;
    min-height: 1.5rem;
    vertical-align: middle;
  }
  textarea {
    min-height: 5rem;
  }
  [aria-invalid='true'] {
    border-color: var(--error);
  }
  .field {
    margin-bottom: 1rem;
  }
  .field-error {
    color: var(--error);
    font-weight: 600;
    margin: 0.25rem 0 0;
  }
  .error {
    color: var(--error);
    font-weight: 600;
    border-left: 4px solid var(--error);
    padding-left: 0.75rem;
  }
  .ok {
    border-left: 4px solid #1a7f37;
    padding-left: 0.75rem;
  }
  .card {
    border: 1px solid #c8c8c8;
    border-radius: 8px;
    padding: 1rem;
    margin-bottom: 1rem;
    overflow-wrap: break-word;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  pre,
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.875rem;
    /* Keys and links are long words: they break anywhere rather than widen the page. */
    overflow-wrap: anywhere;
  }
  pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-width: 100%;
    background: #f3f3f3;
    padding: 0.75rem;
    border-radius: 4px;
    margin: 0 0 0.5rem;
  }
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid #c8c8c8;
    vertical-align: top;
    overflow-wrap: break-word;
  }
  /* On a phone each row becomes a block of its own; the header cells stay for screen readers. */
  @media (max-width: 40rem) {
    table,
    tbody,
    tr,
    td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tr {
      border-bottom: 1px solid #c8c8c8;
      padding: 0.5rem 0;
    }
    td {
      border: none;
      padding: 0.15rem 0;
    }
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
