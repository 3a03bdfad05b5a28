import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AANRADEN_VALUES, STELLING_VALUES } from './constants.js';
import { QuestionnaireDefinition, allItems, isShown, type AnswerValue, type Answers, type Item, type ItemInput } from './questionnaire.js';
import { checkAnswers } from './response.js';

// Generated questionnaires and answer sets: checkAnswers must accept exactly the valid ones.
// The oracle below is written from the rules in the issue, not from checkAnswers.

const TYPES = ['cijfer', 'stelling', 'aanraden', 'nps', 'keuze', 'meerkeuze', 'open'] as const;
const OPTION_IDS = ['ja', 'nee', 'weet_niet', 'a1', 'b-2'];
const t = (nl: string) => ({ nl, en: nl });

/** Every value a closed item accepts; open items accept any text up to their limit. */
function validValues(item: Item): AnswerValue[] {
  switch (item.type) {
    case 'cijfer':
      return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    case 'nps':
      return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    case 'stelling':
      return [...STELLING_VALUES];
    case 'aanraden':
      return [...AANRADEN_VALUES];
    case 'keuze':
      return item.options.map((o) => o.id);
    case 'meerkeuze':
      return item.options.map((o) => [o.id]);
    case 'open':
      return ['x'];
  }
}

const itemSpec = fc.record({
  type: fc.constantFrom(...TYPES),
  required: fc.boolean(),
  options: fc.subarray(OPTION_IDS, { minLength: 1 }),
  maxLength: fc.integer({ min: 1, max: 12 }),
  showIf: fc.option(fc.record({ target: fc.nat(), values: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }), { nil: undefined }),
});

/** A valid questionnaire: up to 8 items over up to 3 sections, showIf on earlier closed items. */
const questionnaire = fc
  .record({ specs: fc.array(itemSpec, { minLength: 1, maxLength: 8 }), cuts: fc.array(fc.nat(7), { maxLength: 2 }) })
  .map(({ specs, cuts }) => {
    const items: Item[] = [];
    for (const [n, spec] of specs.entries()) {
      const raw: ItemInput = {
        id: `i${n}`,
        type: spec.type,
        required: spec.required,
        text: t(`Vraag ${n}`),
        ...(spec.type === 'keuze' || spec.type === 'meerkeuze' ? { options: spec.options.map((id) => ({ id, text: t(id) })) } : {}),
        ...(spec.type === 'open' ? { maxLength: spec.maxLength } : {}),
      } as ItemInput;
      const targets = items.filter((i) => i.type !== 'open');
      if (spec.showIf && targets.length) {
        const target = targets[spec.showIf.target % targets.length];
        const values = validValues(target).map((v) => (Array.isArray(v) ? v[0] : v));
        raw.showIf = { item: target.id, in: [...new Set(spec.showIf.values.map((v) => values[v % values.length]))] };
      }
      items.push(raw as Item);
    }
    const at = [...new Set(cuts.map((c) => c % items.length))].filter((c) => c > 0).sort((a, b) => a - b);
    const bounds = [0, ...at, items.length];
    const sections = bounds.slice(1).map((end, s) => ({ id: `s${s}`, title: t(`Deel ${s}`), items: items.slice(bounds[s], end) }));
    return QuestionnaireDefinition.parse({ id: 'gegenereerd', title: t('Gegenereerd'), sections });
  });

interface Choice {
  answer: boolean;
  pick: number;
  picks: number[];
  len: number;
}

/** Per item: whether to answer an optional shown item, and which valid value to give. */
const choices: fc.Arbitrary<Choice[]> = fc.array(
  fc.record({ answer: fc.boolean(), pick: fc.nat(), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), len: fc.nat() }),
  { minLength: 8, maxLength: 8 },
);

/** A valid answer set, built the way a client walks the questionnaire. */
function validAnswers(def: QuestionnaireDefinition, cs: Choice[]): Answers {
  const answers: Answers = {};
  allItems(def).forEach((item, n) => {
    const c = cs[n];
    if (!isShown(item, answers) || (!item.required && !c.answer)) return;
    if (item.type === 'open') answers[item.id] = (c.pick % 2 ? '😀' : 'é').repeat(1 + (c.len % item.maxLength));
    else if (item.type === 'meerkeuze') answers[item.id] = [...new Set(c.picks.map((p) => item.options[p % item.options.length].id))];
    else {
      const values = validValues(item);
      answers[item.id] = values[c.pick % values.length];
    }
  });
  return answers;
}

/** Values of every kind, valid for some item types and not for others. */
const anyValue: fc.Arbitrary<AnswerValue> = fc.oneof(
  fc.integer({ min: -2, max: 12 }),
  fc.constantFrom(0.5, 7.5, Number.NaN),
  fc.constantFrom(...STELLING_VALUES, ...AANRADEN_VALUES, ...OPTION_IDS, 'Eens', 'xxxxxxxxxxxxxxx'),
  fc.constantFrom('', ' ', '  \n'),
  fc.string({ maxLength: 14 }),
  fc.array(fc.constantFrom(...OPTION_IDS, 'zz'), { maxLength: 3 }),
);

/** The oracle: the rules of the issue, item by item in order. */
function oracleAccepts(def: QuestionnaireDefinition, answers: Answers): boolean {
  const items = allItems(def);
  if (Object.keys(answers).some((k) => !items.some((i) => i.id === k))) return false;
  for (const item of items) {
    const has = Object.keys(answers).includes(item.id);
    const value = answers[item.id];
    let shown = true;
    if (item.showIf) {
      const target = Object.keys(answers).includes(item.showIf.item) ? answers[item.showIf.item] : undefined;
      const wanted: unknown[] = item.showIf.in;
      shown = Array.isArray(target) ? target.some((v) => wanted.includes(v)) : target !== undefined && wanted.includes(target);
    }
    if (!shown) {
      if (has) return false;
      continue;
    }
    if (!has || (typeof value === 'string' && value.trim() === '')) {
      if (item.required) return false;
      continue;
    }
    if (item.type === 'open') {
      if (typeof value !== 'string' || Array.from(value).length > item.maxLength) return false;
    } else if (item.type === 'meerkeuze') {
      const ids = item.options.map((o) => o.id);
      if (!Array.isArray(value) || value.length === 0 || new Set(value).size < value.length || value.some((v) => !ids.includes(v)))
        return false;
    } else if (!validValues(item).includes(value)) return false;
  }
  return true;
}

describe('checkAnswers on generated questionnaires', () => {
  it('accepts every answer set a client can give', () => {
    fc.assert(
      fc.property(questionnaire, choices, (def, cs) => {
        expect(checkAnswers(def, validAnswers(def, cs))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts exactly the answer sets the rules allow', () => {
    const answered = questionnaire.chain((def) => {
      const key = fc.constantFrom(...allItems(def).map((i) => i.id), 'extra', 'constructor');
      return fc.tuple(
        fc.constant(def),
        fc.oneof(fc.dictionary(key, anyValue, { maxKeys: 6 }), fc.dictionary(key, anyValue, { minKeys: 1, maxKeys: 1 })),
        choices,
        fc.boolean(),
      );
    });
    fc.assert(
      fc.property(answered, ([def, noise, cs, startValid]) => {
        // A valid set with one or a few answers changed sits on the valid/invalid border most often.
        const answers = startValid ? { ...validAnswers(def, cs), ...noise } : noise;
        const issues = checkAnswers(def, answers);
        expect(issues.length === 0).toBe(oracleAccepts(def, answers));
      }),
      { numRuns: 1000 },
    );
  });

  describe('gives the right code and item for one change to a valid set', () => {
    const start = fc.tuple(questionnaire, choices).map(([def, cs]) => ({ def, answers: validAnswers(def, cs) }));
    const first = (def: QuestionnaireDefinition, answers: Answers) => {
      const [issue] = checkAnswers(def, answers);
      return issue && [issue.code, issue.item];
    };

    it('unknown_item', () => {
      fc.assert(
        fc.property(start, fc.constantFrom('extra', 'constructor', 'i99'), ({ def, answers }, key) => {
          expect(checkAnswers(def, { ...answers, [key]: 1 }).map((i) => [i.code, i.item])).toEqual([['unknown_item', key]]);
        }),
      );
    });

    it('invalid_value', () => {
      fc.assert(
        fc.property(start, fc.nat(), ({ def, answers }, pick) => {
          const closed = allItems(def).filter((i) => i.type !== 'open' && answers[i.id] !== undefined);
          fc.pre(closed.length > 0);
          const item = closed[pick % closed.length];
          expect(first(def, { ...answers, [item.id]: item.type === 'meerkeuze' ? ['zz'] : 'zz' })).toEqual(['invalid_value', item.id]);
        }),
      );
    });

    it('hidden_item_answered', () => {
      fc.assert(
        fc.property(start, fc.nat(), ({ def, answers }, pick) => {
          const hidden = allItems(def).filter((i) => !isShown(i, answers));
          fc.pre(hidden.length > 0);
          const item = hidden[pick % hidden.length];
          expect(first(def, { ...answers, [item.id]: validValues(item)[0] })).toEqual(['hidden_item_answered', item.id]);
        }),
      );
    });

    it('required_missing', () => {
      fc.assert(
        fc.property(start, fc.nat(), ({ def, answers }, pick) => {
          const required = allItems(def).filter((i) => i.required && answers[i.id] !== undefined);
          fc.pre(required.length > 0);
          const item = required[pick % required.length];
          const { [item.id]: _dropped, ...rest } = answers;
          expect(first(def, rest)).toEqual(['required_missing', item.id]);
        }),
      );
    });

    it('text_too_long', () => {
      fc.assert(
        fc.property(start, fc.nat(), ({ def, answers }, pick) => {
          const open = allItems(def).filter((i) => i.type === 'open' && isShown(i, answers));
          fc.pre(open.length > 0);
          const item = open[pick % open.length];
          const max = item.type === 'open' ? item.maxLength : 0;
          expect(first(def, { ...answers, [item.id]: '😀'.repeat(max + 1) })).toEqual(['text_too_long', item.id]);
        }),
      );
    });
  });
});
