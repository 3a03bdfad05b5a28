// Shared helpers for the widget tests in Chromium: the API double's controls, mounting, axe.
import { fixture, waitUntil } from '@open-wc/testing';
import { html, nothing } from 'lit';
import type { PeilSurvey } from '../peil-survey.js';

export interface DoubleState {
  posts: { submissionId: string; answers: Record<string, unknown> }[];
  stored: Record<string, { submissionId: string; answers: Record<string, unknown> }>;
}

/** Resets the API double and clears what the widget keeps in the browser. */
export async function reset(): Promise<void> {
  await fetch('/__double/reset', { method: 'POST' });
  localStorage.clear();
  sessionStorage.clear();
}

/** Makes the double answer the next `times` submissions (or loads) with an error, or slowly. */
export async function configure(options: {
  fail?: { status: number; code: string; times: number };
  loadFail?: { status: number; code: string; times: number };
  delayMs?: number;
  inviteRequired?: boolean;
}): Promise<void> {
  await fetch('/__double/configure', { method: 'POST', body: JSON.stringify(options) });
}

export async function doubleState(): Promise<DoubleState> {
  return (await (await fetch('/__double/state', { cache: 'no-store' })).json()) as DoubleState;
}

export interface MountOptions {
  questionnaire?: string;
  team?: string;
  lang?: string;
}

/** Mounts `<peil-survey>` against the double and waits until the first page is shown. */
export async function mount(o: MountOptions = {}): Promise<PeilSurvey> {
  const el = await fixture<PeilSurvey>(
    html`<peil-survey
      questionnaire=${o.questionnaire ?? 'alle-types'}
      site-key="test-site"
      team=${o.team ?? nothing}
      lang=${o.lang ?? nothing}
    ></peil-survey>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('form'), 'the form did not render', { timeout: 10_000 });
  return el;
}

export function $<T extends Element = HTMLElement>(el: PeilSurvey, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function $$<T extends Element = HTMLElement>(el: PeilSurvey, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

/** Picks an answer the way a mouse user does: a click on the native input. */
export async function choose(el: PeilSurvey, item: string, value: string): Promise<void> {
  $<HTMLInputElement>(el, `#q-${item} input[value="${value}"]`).click();
  await el.updateComplete;
}

export async function type(el: PeilSurvey, item: string, text: string): Promise<void> {
  const area = $<HTMLTextAreaElement>(el, `#in-${item}`);
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

/** Presses the primary button (Volgende or Versturen) with a click. */
export async function primary(el: PeilSurvey): Promise<void> {
  $<HTMLButtonElement>(el, 'button.primary').click();
  await el.updateComplete;
}

export function text(el: PeilSurvey): string {
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown; failureSummary: string }[] }[];
}
declare global {
  interface Window {
    axe?: { run(context: Element | Document, options: unknown): Promise<AxeResult> };
  }
}

/** The WCAG 2.2 A and AA rules of axe-core; best-practice rules are not part of the claim. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function loadAxe(): Promise<void> {
  if (window.axe) return;
  await new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/node_modules/axe-core/axe.min.js';
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(s);
  });
}

/** Runs axe-core over the element (shadow DOM included); throws with every violation listed. */
export async function expectAccessible(el: Element): Promise<void> {
  await loadAxe();
  const result = await window.axe!.run(el, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
  if (result.violations.length) {
    const lines = result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)}: ${n.failureSummary}`).join('\n')}`,
    );
    throw new Error(`axe found ${result.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}
