/**
 * The Dordrecht evaluation of its social teams (telephone survey, 121 clients, 2016): rapportcijfer
 * 8,8; 2% onvoldoende; 90% would recommend the team, 8% maybe; per team 23/36/21/12/26 and 3 unknown.
 * The per-team split of the answers is ours, chosen to reproduce exactly those published totals.
 * Shared by the pure test (cube cells) and the workers test (the real import path).
 */
export const DORDRECHT_TEAMS = ['centrum', 'crabbehof', 'krispijn', 'oost', 'wielwijk'];

/** Grades and [ja, misschien, nee] per team; every respondent answered both. `_onbekend`: no team. */
export const DORDRECHT: Record<string, { cijfer: Record<string, number>; aanraden: [number, number, number] }> = {
  centrum: { cijfer: { '5': 1, '7': 2, '8': 6, '9': 8, '10': 6 }, aanraden: [21, 2, 0] }, // 23, sum 199
  crabbehof: { cijfer: { '3': 1, '7': 3, '8': 6, '9': 14, '10': 12 }, aanraden: [33, 2, 1] }, // 36, sum 318
  krispijn: { cijfer: { '6': 1, '7': 1, '8': 5, '9': 8, '10': 6 }, aanraden: [19, 2, 0] }, // 21, sum 185
  oost: { cijfer: { '7': 1, '8': 3, '9': 5, '10': 3 }, aanraden: [10, 2, 0] }, // 12, sum 106
  wielwijk: { cijfer: { '6': 1, '7': 2, '8': 6, '9': 9, '10': 8 }, aanraden: [23, 2, 1] }, // 26, sum 229
  _onbekend: { cijfer: { '8': 1, '9': 1, '10': 1 }, aanraden: [3, 0, 0] }, // 3, sum 27
};

/** The respondents of one team, one [cijfer, aanraden] pair each. */
export function dordrechtRespondents(team: string): [number, 'ja' | 'misschien' | 'nee'][] {
  const { cijfer, aanraden } = DORDRECHT[team];
  const grades = Object.entries(cijfer).flatMap(([v, c]) => Array<number>(c).fill(Number(v)));
  const recs = (['ja', 'misschien', 'nee'] as const).flatMap((v, i) => Array<typeof v>(aanraden[i]).fill(v));
  return grades.map((g, i) => [g, recs[i]]);
}
