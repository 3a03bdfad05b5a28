// npm run demo-data: imports 150 made-up telephone interviews into the demo gemeente, spread over the
// last six months and the five teams, so the dashboard has figures to show. Deterministic; running it
// again stores nothing new (the submissionIds repeat).
import { createHash } from 'node:crypto';
import { ORIGIN } from './lib.mjs';

const base = (process.env.PEIL_URL ?? ORIGIN).replace(/\/+$/, '');
const token = process.env.PEIL_TOKEN ?? 'demo-admin';
const TEAMS = ['centrum', 'crabbehof', 'krispijn', 'oost', 'wielwijk'];
const STELLING = ['helemaal_eens', 'eens', 'eens', 'eens', 'neutraal', 'oneens', 'weet_niet'];
const BETER = ['Sneller terugbellen.', 'Meer uitleg over de regels.', 'Het duurde lang voor ik iemand sprak.', ''];

// A small seeded generator, so every run makes the same data.
let seed = 20261122;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (list) => list[Math.floor(rand() * list.length)];
const uuid = (i) => {
  const h = createHash('sha256').update(`peil-demo-${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const lines = [];
for (let i = 0; i < 150; i++) {
  const cijfer = Math.max(1, Math.min(10, Math.round(8.2 + (rand() - 0.5) * 4 + (rand() < 0.05 ? -4 : 0))));
  const daysAgo = Math.floor(rand() * 180);
  const answers = {
    tot_cijfer: cijfer,
    mw_serieus: pick(STELLING),
    mw_samen: pick(STELLING),
    res_iets_gehad: pick(STELLING),
    tot_aanraden: cijfer >= 7 ? (rand() < 0.92 ? 'ja' : 'misschien') : pick(['misschien', 'nee']),
  };
  const beter = pick(BETER);
  if (beter) answers.tot_beter = beter;
  lines.push(
    JSON.stringify({
      submissionId: uuid(i),
      questionnaireId: 'sociaal-team-kort',
      version: 1,
      answers,
      context: { team: TEAMS[i % TEAMS.length] },
      channel: 'telefoon',
      submittedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
    }),
  );
}

const res = await fetch(`${base}/v1/import?questionnaire=sociaal-team-kort`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-ndjson' },
  body: lines.join('\n'),
});
const body = await res.json();
if (!res.ok) {
  console.error(`Import failed: ${body.error?.code}: ${body.error?.message}`);
  process.exit(1);
}
console.log(`Demo data: ${body.stored} stored, ${body.duplicates} already there, ${body.refused} refused.`);
