import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font-family: var(--peil-font-family, var(--nl-document-font-family, system-ui, sans-serif));
    color: var(--peil-color, #1a1a1a);
    --_primary: var(--peil-primary, #00539f);
  }
  h1 {
    font-size: 1.6rem;
    margin: 0 0 0.5rem;
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: 1rem;
  }
  .tile {
    border: 1px solid #8a8a8a;
    border-radius: 8px;
    padding: 1rem;
  }
  .tile h2 {
    font-size: 1rem;
    margin: 0 0 0.5rem;
  }
  .figure {
    font-size: 2.5rem;
    font-weight: 700;
    margin: 0;
    color: var(--_primary);
  }
  .figure.muted {
    font-size: 1.1rem;
    color: inherit;
  }
  .n,
  .updated {
    margin: 0.25rem 0 0;
  }
  .live::before {
    content: '●';
    margin-inline-end: 0.4em;
  }
  .live.live::before {
    color: #127a2a;
  }
  .live.offline::before {
    color: #c0000b;
  }
  .login {
    display: grid;
    gap: 0.5rem;
    max-width: 22rem;
  }
  input,
  button {
    font: inherit;
    padding: 0.5rem;
    min-height: 2.75rem;
  }
  button {
    background: var(--_primary);
    color: #fff;
    border: 0;
    border-radius: 6px;
  }
  input:focus-visible,
  button:focus-visible {
    outline: 3px solid #e17000;
    outline-offset: 2px;
  }
  .error {
    color: #c0000b;
    font-weight: 600;
  }
`;
