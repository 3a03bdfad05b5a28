import { describe, expect, it } from 'vitest';
import { CORE, CEO_WMO, MCJO_JONGEREN, MCJO_OUDERS, lockedIssues } from './ceo.js';
import { QuestionnaireDefinition, allItems } from './questionnaire.js';

const parsed = (q: unknown) => QuestionnaireDefinition.parse(JSON.parse(JSON.stringify(q)));

describe('CEO core modules', () => {
  it('carry every locked item of their module, and the MCJO no aanraden and no rapportcijfer', () => {
    for (const template of [CEO_WMO, MCJO_OUDERS, MCJO_JONGEREN]) {
      const def = parsed(template);
      const ids = allItems(def).map((i) => i.id);
      expect(ids).toEqual(expect.arrayContaining(CORE[def.core!].items.map((c) => c.item.id)));
      expect(lockedIssues([], def)).toEqual([]);
      expect(def.wet).toBe(CORE[def.core!].wet);
    }
    expect(CORE['ceo-wmo'].items).toHaveLength(10);
    for (const m of ['mcjo-ouders', 'mcjo-jongeren'] as const) {
      const def = parsed(m === 'mcjo-ouders' ? MCJO_OUDERS : MCJO_JONGEREN);
      expect(allItems(def).filter((i) => i.type === 'stelling')).toHaveLength(6);
      expect(allItems(def).filter((i) => i.type === 'open')).toHaveLength(3);
      expect(allItems(def).some((i) => i.type === 'aanraden' || i.type === 'nps' || i.type === 'cijfer')).toBe(false);
    }
  });

  it('lets a translation improve but not the Dutch, the options or the law', () => {
    const better = parsed(CEO_WMO);
    allItems(better)[0].text.en = 'I knew where to turn with my question.';
    expect(lockedIssues([{ definition: parsed(CEO_WMO) }], better)).toEqual([]);

    const options = parsed(CEO_WMO);
    const oco = allItems(options).find((i) => i.id === 'ceo_oco')!;
    if (oco.type !== 'keuze') throw new Error('ceo_oco is a keuze');
    oco.options[1].text.nl = 'Nee, dat wist ik niet';
    expect(lockedIssues([], options).map((i) => i.item)).toEqual(['ceo_oco']);

    const law = parsed({ ...CEO_WMO, wet: 'overig' });
    expect(lockedIssues([], law).map((i) => i.path)).toEqual([['wet']]);
  });
});
