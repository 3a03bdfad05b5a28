import { noChange, nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets one CSS property through the CSSOM, on first render too. Lit's styleMap writes a style=""
 * attribute on first render, which the strict CSP of /dashboard (no 'unsafe-inline') refuses;
 * element.style.setProperty is not inline markup and is allowed.
 */
class CssPropDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProp() belongs on an element, not in an attribute.');
  }

  render(_name: string, _value: string): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [name, value]: [string, string]): typeof noChange {
    (part.element as HTMLElement).style.setProperty(name, value);
    return noChange;
  }
}

export const cssProp = directive(CssPropDirective);

const clamp = (pct: number) => Math.max(0, Math.min(100, pct));
/** A bar's width in percent of its track. */
export const barWidth = (pct: number) => cssProp('width', `${clamp(pct)}%`);
/** A column's height in percent of its track. */
export const barHeight = (pct: number) => cssProp('height', `${clamp(pct)}%`);
