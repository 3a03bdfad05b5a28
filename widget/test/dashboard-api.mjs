// A test double of the report API for <peil-dashboard>: GET /v1/aggregates and the exports, with
// fixed figures (the Dordrecht numbers), four tokens, and a log of what was asked.
// Tokens: `test-admin` reads and downloads; `test-viewer` and `test-public` are protected audiences:
// they read only (exports answer 403), get a `disclosure` block with the last release (today 10:42,
// 12 new responses) and no comparison or weights, and are refused loose dates (period_not_allowed) and
// two dimensions at once (combination_not_allowed), as the real API does. The cookie peil_session=test-session
// stands for a signed-in admin. Anything else is 401.
// `team=oost` is a selection too small to show. `/__dashboard/fail` makes the next aggregate reads
// answer 500. `/__dashboard/weights` gives the questionnaire population margins, so `weighted=1`
// answers weighted figures. Intervals are fixed numbers of the right shape, not computed.

const k = 10;

/** A stand-in interval: 5 points either side, within 0–100. */
const around = (pct) => [Math.max(0, pct - 5), Math.min(100, pct + 5)];

const stelling = (eens, neutraal, oneens, n, nWeetNiet) => {
  const pctWeetNiet = Math.round((nWeetNiet * 1000) / (n + nWeetNiet)) / 10;
  return {
    type: 'stelling',
    n,
    indicatief: n < 30,
    nWeetNiet,
    pctWeetNiet,
    weetNietFlag: pctWeetNiet >= 20,
    pct: { eens, neutraal, oneens },
    ci95: { eens: around(eens), neutraal: around(neutraal), oneens: around(oneens) },
    ci95Detail: {
      helemaal_eens: around(eens / 2),
      eens: around(eens / 2),
      neutraal: around(neutraal),
      oneens: around(oneens / 2),
      helemaal_oneens: around(oneens / 2),
    },
    pctDetail: { helemaal_eens: eens / 2, eens: eens / 2, neutraal, oneens: oneens / 2, helemaal_oneens: oneens / 2 },
  };
};

/** The gemeente counts "weet niet" as an answer (include-at-20): every share is of all answers. */
const withWeetNiet = (s) => {
  const all = s.n + s.nWeetNiet;
  const of = (pct) => Math.round((pct * s.n * 10) / all) / 10;
  return {
    ...s,
    n: all,
    indicatief: all < 30,
    weetNietIncluded: true,
    pct: { eens: of(s.pct.eens), neutraal: of(s.pct.neutraal), oneens: of(s.pct.oneens) },
    ci95: { eens: around(of(s.pct.eens)), neutraal: around(of(s.pct.neutraal)), oneens: around(of(s.pct.oneens)) },
  };
};

const cijfer = (mean, ci95, pctOnvoldoende, n) => ({
  type: 'cijfer',
  n,
  indicatief: n < 30,
  mean,
  ci95,
  sd: 1.1,
  pctOnvoldoende,
  pctAchtOfHoger: 85,
  ci95Pct: { onvoldoende: [0.5, 6.4], achtOfHoger: [77.6, 90.4] },
  distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 1, 6: 3, 7: 12, 8: 30, 9: 40, 10: n - 87 },
});

const aanraden = (ja, misschien, nee, n) => ({
  type: 'aanraden',
  n,
  indicatief: n < 30,
  pct: { ja, misschien, nee },
  ci95: { ja: [ja - 6, Math.min(100, ja + 4)], misschien: around(misschien), nee: around(nee) },
});

/** 100 scores: 12 of 0–6, 28 of 7–8, 60 of 9–10; mean 836 / 100. */
const nps = () => ({
  type: 'nps',
  n: 100,
  indicatief: false,
  mean: 8.4,
  score: 48,
  distribution: { 0: 1, 1: 0, 2: 1, 3: 1, 4: 2, 5: 3, 6: 4, 7: 10, 8: 18, 9: 30, 10: 30 },
  pct: { promoters: 60, passives: 28, detractors: 12 },
  ci95: { promoters: [50.2, 69.1], passives: [20.1, 37.5], detractors: [7, 19.8] },
});

/** The whole selection: `sociaal-team`, 121 clients. Items in definition order, as the API sends them. */
function current() {
  return {
    questionnaire: 'sociaal-team',
    n: 121,
    k,
    items: {
      ctx_team: {
        type: 'keuze',
        n: 118,
        indicatief: false,
        pct: { centrum: 19.5 },
        ci95: { centrum: [13.4, 27.5] },
        counts: { centrum: 23 },
      },
      toe_wist_waar: stelling(78.3, 12.5, 9.2, 120, 1),
      // 40 of 120 said "weet niet" (33%): by the gemeente's rule it counts as an answer.
      toe_snel: withWeetNiet(stelling(61.2, 20, 18.8, 80, 40)),
      toe_oco_bekend: {
        type: 'keuze',
        n: 110,
        indicatief: false,
        pct: { ja: 34.5, nee: 65.5 },
        ci95: { ja: [26.3, 43.8], nee: [56.2, 73.7] },
        counts: { ja: 38, nee: 72 },
      },
      mw_serieus: stelling(94.1, 4.2, 1.7, 119, 2),
      // 31 of 121 (26%) "weet niet", but the rule holds for toe_snel only in this double: flagged, left out.
      mw_luisteren: stelling(92.4, 5.9, 1.7, 90, 31),
      res_iets_gehad: stelling(81, 11.6, 7.4, 121, 0),
      res_vel: { suppressed: true },
      hulp_geholpen_met: {
        type: 'meerkeuze',
        n: 100,
        indicatief: false,
        pct: { formulieren: 45, informatie: 60, advies: 52, anders: 8 },
        ci95: { formulieren: [35.6, 54.8], informatie: [50.2, 69.1], advies: [42.3, 61.5], anders: [4.1, 15] },
        counts: { formulieren: 45, informatie: 60, advies: 52, anders: 8 },
      },
      tot_cijfer: cijfer(8.8, [8.6, 9.0], 2, 121),
      tot_aanraden: aanraden(90, 8, 2, 121),
      tot_nps: nps(),
      tot_goed: { type: 'open', n: 40, indicatief: false, texts: ['Ze luisterden echt naar mij.', 'Snel een afspraak.'] },
      tot_beter: { suppressed: true },
    },
    // Names as the server sends them: a gemeente's own team names and question texts win over the bank.
    labels: {
      title: { nl: 'Vragenlijst sociaal team', en: 'Social team questionnaire' },
      teams: { centrum: 'Centrum', crabbehof: 'Crabbehof en Zuid', krispijn: 'Krispijn', oost: 'Oost', wielwijk: 'Wielwijk' },
      items: {
        mw_serieus: {
          type: 'stelling',
          section: 'medewerker',
          text: { nl: 'Mijn hulpverlener nam mij serieus.', en: 'My care worker took me seriously.' },
        },
        // The background questions: their answers are the dashboard's age and wijk filters.
        ctx_leeftijd: {
          type: 'keuze',
          section: 'tot_slot',
          context: 'leeftijd',
          text: { nl: 'Hoe oud bent u?', en: 'How old are you?' },
          options: {
            jonger_dan_45: { nl: 'Jonger dan 45 jaar', en: 'Younger than 45' },
            '45_64': { nl: '45 tot en met 64 jaar', en: '45 to 64' },
            '65_plus': { nl: '65 jaar of ouder', en: '65 or older' },
          },
        },
        ctx_wijk: {
          type: 'keuze',
          section: 'tot_slot',
          context: 'wijk',
          text: { nl: 'In welke wijk woont u?', en: 'Which neighbourhood do you live in?' },
          options: { binnenstad: { nl: 'Binnenstad', en: 'Binnenstad' }, krispijn: { nl: 'Krispijn', en: 'Krispijn' } },
        },
        // Not in the default questionnaire: only the server's label names it and gives its type.
        tot_nps: {
          type: 'nps',
          section: 'totaal',
          text: { nl: 'Hoe waarschijnlijk is het dat u ons aanraadt?', en: 'How likely are you to recommend us?' },
        },
      },
    },
  };
}

/**
 * The test against the comparison period: the cijfer is significantly higher than the period before
 * (+0,3), aanraden is not (+5); a year earlier had too few answers to compare.
 */
function comparison(query) {
  if (query.compare === 'lastyear') {
    return {
      from: '2025-01-01',
      to: '2025-12-31',
      n: 25,
      items: { tot_cijfer: { delta: 0.6, p: 0.04, significant: true, test: 'welch', nNow: 121, nThen: 25 } },
    };
  }
  return {
    from: '2025-06-01',
    to: '2025-11-30',
    n: 100,
    items: {
      tot_cijfer: { delta: 0.3, p: 0.021, significant: true, test: 'welch', nNow: 121, nThen: 100 },
      tot_aanraden: { delta: 5, p: 0.27, significant: false, test: 'z', nNow: 121, nThen: 100 },
    },
  };
}

/** The trend's first month against its last: September 8,4 (n = 40) and October 8,8 (n = 60), significant. */
function trendComparison(query) {
  return {
    from: query.compareFrom,
    to: query.compareTo,
    n: 40,
    items: { tot_cijfer: { delta: 0.4, p: 0.012, significant: true, test: 'welch', nNow: 60, nThen: 40 } },
  };
}

/** Weighted to team and contact: other figures, the effective n beside the real one. */
function weighted() {
  const c = current();
  return {
    ...c,
    weighting: { dimensions: ['team', 'contact'], bounds: [0.3, 3] },
    items: {
      ...c.items,
      tot_cijfer: { ...cijfer(8.6, [8.3, 8.9], 3, 121), nEffective: 98.4 },
      tot_aanraden: { ...aanraden(87, 10, 3, 121), nEffective: 98.4 },
    },
  };
}

/** Too few to show anything: every figure hidden, only n. */
function small() {
  const items = Object.fromEntries(Object.keys(current().items).map((id) => [id, { suppressed: true }]));
  return { ...current(), n: 6, items };
}

function byTeam() {
  const group = (key, n, mean) => ({
    key,
    n,
    indicatief: n < 30,
    items: {
      ...current().items,
      tot_cijfer: cijfer(mean, [mean - 0.4, mean + 0.4], 0, n),
      tot_aanraden: aanraden(88, 9, 3, n),
      res_iets_gehad: { suppressed: true },
    },
  });
  return {
    ...current(),
    groups: [
      group('centrum', 23, 8.6),
      group('crabbehof', 36, 9.0),
      group('krispijn', 21, 8.7),
      { key: 'oost', suppressed: true },
      group('wielwijk', 26, 8.9),
      { key: '_onbekend', suppressed: true },
    ],
  };
}

/** Per language, as the gemeente reads it: Turkish too few to show, some from before languages were kept. */
function byLanguage() {
  const group = (key, n) => ({ key, n, indicatief: n < 30, items: current().items });
  return {
    ...current(),
    groups: [group('ar', 14), group('nl', 84), { key: 'tr', suppressed: true }, group('_onbekend', 18)],
  };
}

function byPeriod(groupBy) {
  const keys = groupBy === 'quarter' ? ['2026-Q3', '2026-Q4'] : ['2026-09', '2026-10', '2026-11'];
  return {
    ...current(),
    groups: keys.map((key, i) =>
      i === keys.length - 1
        ? { key, suppressed: true }
        : {
            key,
            n: 40 + i * 20,
            indicatief: false,
            items: { tot_cijfer: cijfer(8.4 + i * 0.4, [8, 9], 3, 40 + i * 20), tot_aanraden: aanraden(86 + i * 4, 10, 4, 40) },
          },
    ),
  };
}

function todayIso() {
  const d = new Date();
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())).toISOString().slice(0, 10);
}

const PROTECTED = new Set(['test-viewer', 'test-public']);

function lastDayOf(day) {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

/** Why a protected audience may not ask this, as the real API would answer; undefined when it may. */
function refusalOf(query) {
  const today = todayIso();
  if (query.from && !query.from.endsWith('-01')) return 'period_not_allowed';
  if (query.to && query.to !== lastDayOf(query.to) && !(query.to.slice(0, 7) === today.slice(0, 7) && query.to >= today.slice(0, 8) + '01'))
    return 'period_not_allowed';
  if (query.groupBy === 'day' || query.groupBy === 'week') return 'period_not_allowed';
  if (query.language || query.groupBy === 'language') return 'combination_not_allowed';
  const dims = ['team', 'contact', 'status'].filter((d) => query[d]);
  if (dims.length > 1 || (query.groupBy === 'team' && dims.some((d) => d !== 'team'))) return 'combination_not_allowed';
  return undefined;
}

/** The release a protected read reports: today at 10:42, twelve new responses. */
function disclosure(query) {
  const d = new Date();
  const at = new Date(d.getFullYear(), d.getMonth(), d.getDate(), 10, 42).toISOString();
  return { protected: true, period: (query.from ?? '').slice(0, 7), releaseEvery: k, release: { at, newResponses: 12 } };
}

const json = (ctx, status, body) => {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = JSON.stringify(body);
};
const error = (ctx, status, code) => json(ctx, status, { error: { code, message: code } });

/** A koa middleware for web-test-runner. */
export function dashboardApi() {
  /** @type {{path: string, query: Record<string, string>, auth: string}[]} */
  let log = [];
  let failNext = 0;
  let weights = false;
  return async function dashboardApiMiddleware(ctx, next) {
    if (ctx.path === '/__dashboard/reset' && ctx.method === 'POST') {
      log = [];
      failNext = 0;
      weights = false;
      return json(ctx, 200, { ok: true });
    }
    if (ctx.path === '/__dashboard/fail' && ctx.method === 'POST') {
      failNext = 100;
      return json(ctx, 200, { ok: true });
    }
    if (ctx.path === '/__dashboard/weights' && ctx.method === 'POST') {
      weights = true;
      return json(ctx, 200, { ok: true });
    }
    if (ctx.path === '/__dashboard/log') return json(ctx, 200, log);
    if (ctx.path !== '/v1/aggregates' && !ctx.path.startsWith('/v1/export/')) return next();

    const auth = ctx.get('Authorization');
    const query = Object.fromEntries(new URLSearchParams(ctx.querystring));
    // A browser signed in to beheer: its session cookie counts as the admin's, when no token is sent.
    const session = !auth && /(?:^|;\s*)peil_session=test-session(?:;|$)/.test(ctx.get('Cookie'));
    log.push({ path: ctx.path, query, auth, session });
    const token = session ? 'test-admin' : auth.replace(/^Bearer /, '');
    if (token !== 'test-admin' && !PROTECTED.has(token)) return error(ctx, 401, 'unauthorized');

    if (ctx.path.startsWith('/v1/export/')) {
      if (token !== 'test-admin') return error(ctx, 403, 'forbidden');
      ctx.type = 'text/csv';
      ctx.body = 'submissionId,tot_cijfer\n1,8\n';
      return;
    }
    if (failNext > 0) {
      failNext -= 1;
      return error(ctx, 500, 'internal_error');
    }
    const guarded = PROTECTED.has(token);
    if (guarded) {
      const refused = refusalOf(query);
      if (refused) return error(ctx, 400, refused);
      // Released, perturbed figures: no weights and no comparison, as the real API answers them.
      const answer = (body) => json(ctx, 200, { ...body, disclosure: disclosure(query) });
      if (query.team === 'oost' && !query.groupBy) return answer(small());
      if (query.groupBy === 'team') return answer(byTeam());
      if (query.groupBy === 'month' || query.groupBy === 'quarter') return answer(byPeriod(query.groupBy));
      return answer(current());
    }
    if (query.team === 'oost' && !query.groupBy) return json(ctx, 200, small());
    if (query.groupBy === 'team') return json(ctx, 200, byTeam());
    if (query.groupBy === 'language') return json(ctx, 200, byLanguage());
    if (query.groupBy === 'month' || query.groupBy === 'quarter') return json(ctx, 200, byPeriod(query.groupBy));
    if (query.compareFrom) return json(ctx, 200, { ...current(), comparison: trendComparison(query) });
    const body = weights && query.weighted === '1' ? weighted() : current();
    return json(ctx, 200, query.compare ? { ...body, comparison: comparison(query) } : body);
  };
}
