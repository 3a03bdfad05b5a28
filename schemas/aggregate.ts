import { z } from 'zod';
import { AANRADEN_VALUES, CIJFER_VALUES, NPS_VALUES, OPINION_VALUES } from './constants.js';

const Count = z.number().int().min(0);
/** A percentage rounded to one decimal; the dashboard decides how to format it. */
const Pct = z.number().min(0).max(100);
const Mean = z.number();

/**
 * Every figure carries its base `n` (the real count); `indicatief` marks k ≤ n < 30. Weighted figures
 * add the Kish effective n, (Σw)² / Σw², which is what their intervals rest on.
 */
const figure = { n: Count, nEffective: z.number().min(0).optional(), indicatief: z.boolean() };
/**
 * 95% interval of a percentage, `[low, high]` in percent: Clopper–Pearson (exact) when n < 30 or fewer
 * than 5 on either side, Wilson score otherwise; narrowed for a known population.
 */
const Interval = z.tuple([Pct, Pct]);

export const CijferFigures = z.object({
  type: z.literal('cijfer'),
  ...figure,
  mean: Mean,
  /** 95% interval of the mean (t-based, sample sd), clamped to 1–10. */
  ci95: z.tuple([Mean, Mean]),
  sd: z.number().min(0),
  /** Share of 5 or lower. */
  pctOnvoldoende: Pct,
  pctAchtOfHoger: Pct,
  ci95Pct: z.object({ onvoldoende: Interval, achtOfHoger: Interval }),
  distribution: z.record(z.enum(CIJFER_VALUES), Count),
});

export const StellingFigures = z.object({
  type: z.literal('stelling'),
  /** Those with an opinion: the base of `pct` and `pctDetail`. */
  ...figure,
  nWeetNiet: Count,
  /** Of everyone who answered the item, `weet_niet` included. */
  pctWeetNiet: Pct,
  /** `weet_niet` is 20% or more of the answers: the percentages need a caveat. */
  weetNietFlag: z.boolean(),
  /**
   * Only where the gemeente's rule is `include-at-20` and `weetNietFlag` holds: `weet_niet` counts as an
   * answer, so `n` and every percentage are of all answers, and eens + neutraal + oneens is 100 − pctWeetNiet.
   */
  weetNietIncluded: z.literal(true).optional(),
  pct: z.object({ eens: Pct, neutraal: Pct, oneens: Pct }),
  ci95: z.object({ eens: Interval, neutraal: Interval, oneens: Interval }),
  pctDetail: z.record(z.enum(OPINION_VALUES), Pct),
  ci95Detail: z.record(z.enum(OPINION_VALUES), Interval),
});

export const AanradenFigures = z.object({
  type: z.literal('aanraden'),
  ...figure,
  pct: z.record(z.enum(AANRADEN_VALUES), Pct),
  ci95: z.record(z.enum(AANRADEN_VALUES), Interval),
});

export const NpsFigures = z.object({
  type: z.literal('nps'),
  ...figure,
  mean: Mean,
  /** % promoters (9–10) minus % detractors (0–6), a whole number from -100 to 100. */
  score: z.number().int().min(-100).max(100),
  distribution: z.record(z.enum(NPS_VALUES), Count),
  pct: z.object({ promoters: Pct, passives: Pct, detractors: Pct }),
  ci95: z.object({ promoters: Interval, passives: Interval, detractors: Interval }),
});

const choice = {
  /** Respondents who answered the item: the base, so meerkeuze percentages may add up to more than 100. */
  ...figure,
  pct: z.record(z.string(), Pct),
  ci95: z.record(z.string(), Interval),
  counts: z.record(z.string(), Count),
};
export const KeuzeFigures = z.object({ type: z.literal('keuze'), ...choice });
export const MeerkeuzeFigures = z.object({ type: z.literal('meerkeuze'), ...choice });

export const OpenFigures = z.object({
  type: z.literal('open'),
  ...figure,
  /** Scrubbed answers, only for a selection of at least k. */
  texts: z.array(z.string()).optional(),
});

export const ItemFigures = z.discriminatedUnion('type', [
  CijferFigures,
  StellingFigures,
  AanradenFigures,
  NpsFigures,
  KeuzeFigures,
  MeerkeuzeFigures,
  OpenFigures,
]);
export type ItemFigures = z.infer<typeof ItemFigures>;

/** In place of figures whose base is below k, or that would give a hidden cell away. */
export const Suppressed = z.object({ suppressed: z.literal(true) }).strict();
export type Suppressed = z.infer<typeof Suppressed>;

export const ItemCell = z.union([ItemFigures, Suppressed]);
export type ItemCell = z.infer<typeof ItemCell>;

export const PublishedGroup = z.object({
  key: z.string(),
  n: Count,
  indicatief: z.boolean(),
  items: z.record(z.string(), ItemCell),
});
export const SuppressedGroup = z.object({ key: z.string(), suppressed: z.literal(true) }).strict();
export const AggregateGroup = z.union([PublishedGroup, SuppressedGroup]);
export type AggregateGroup = z.infer<typeof AggregateGroup>;

/**
 * How a protected audience's figures came about (partner viewers, public embeds): they are the
 * cells' last releases, each made once k new responses had come in, with perturbed counts.
 */
export const Disclosure = z.object({
  protected: z.literal(true),
  /** The whole calendar period read: `YYYY-MM`, `YYYY-Qn`, `YYYY`, or `YYYY-MM/12` (twelve months to that one). */
  period: z.string(),
  /** A cell is released again after this many new responses. */
  releaseEvery: z.number().int().min(5),
  /** The latest release among the cells shown: when, and how many new responses it took in. */
  release: z.object({ at: z.iso.datetime(), newResponses: Count }).optional(),
});
export type Disclosure = z.infer<typeof Disclosure>;

/** What `GET /v1/aggregates` returns and each live message carries. */
export const Aggregate = z
  .object({
    /** Respondents in the whole selection; absent only where a protected audience's selection is hidden as a whole. */
    n: Count.optional(),
    /** The whole selection is hidden from this protected audience: too few responses, or it would give one away. */
    suppressed: z.literal(true).optional(),
    /** The k applied (after the floor of 5). */
    k: z.number().int().min(5),
    items: z.record(z.string(), ItemCell),
    groups: z.array(AggregateGroup).optional(),
    disclosure: Disclosure.optional(),
  })
  .refine((a) => (a.n === undefined) === (a.suppressed === true), {
    message: 'n is absent exactly when the selection is suppressed',
    path: ['n'],
  });
export type Aggregate = z.infer<typeof Aggregate>;

const LabelText = z.object({ nl: z.string(), en: z.string() });

/** Names to show next to figures, so a dashboard needs no copy of the questionnaire. */
export const ReportLabels = z.object({
  title: LabelText.optional(),
  /** Team id → name, for the teams in scope. */
  teams: z.record(z.string(), z.string()),
  /** Item id → its question, type, section and option texts (`{organisatie}` read as the teams in general). */
  items: z.record(
    z.string(),
    z.object({
      type: z.string(),
      text: LabelText,
      section: z.string(),
      context: z.string().optional(),
      options: z.record(z.string(), LabelText).optional(),
    }),
  ),
});
export type ReportLabels = z.infer<typeof ReportLabels>;

/** The change of each item's headline figure against a comparison period, tested at α = 0.05. */
export const Comparison = z.object({
  from: z.string(),
  to: z.string(),
  /** Respondents in the comparison period. */
  n: Count,
  items: z.record(
    z.string(),
    z.object({
      /** Now minus then: points of the mean (cijfer, nps) or percentage points (% eens, % ja). */
      delta: z.number(),
      p: z.number().min(0).max(1),
      significant: z.boolean(),
      test: z.enum(['welch', 'z', 'fisher']),
      /** Real bases of the item now and then: differences are highlighted only when both are 30 or more. */
      nNow: Count,
      nThen: Count,
    }),
  ),
});
export type Comparison = z.infer<typeof Comparison>;
