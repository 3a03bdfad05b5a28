import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireInput } from '../../schemas/questionnaire.js';
import { publish, reportDefinition } from '../../worker/db.js';
import { ledgerFor } from '../../worker/ledger-stub.js';
import { GROUP_BY, type CellFilter } from '../../worker/ledger-types.js';
import { buildAggregate, type CubeCell } from '../../worker/report/stats.js';
import { call } from './helpers.js';

/**
 * The cube is what every dashboard reads, so it must equal what the stored responses say. For random
 * responses (with random deletes), every figure the cube gives equals a recompute from the responses
 * table in plain code, for random filters and every breakdown.
 */
const text = { nl: 'Vraag', en: 'Question' };
const opt = (id: string) => ({ id, text: { nl: id, en: id } });
const definition = (id: string): QuestionnaireInput => ({
  id,
  title: text,
  sections: [
    {
      id: 's',
      title: text,
      items: [
        { id: 'cijfer', type: 'cijfer', text },
        { id: 'nps', type: 'nps', text },
        { id: 'stelling', type: 'stelling', text },
        { id: 'aanraden', type: 'aanraden', text },
        { id: 'keuze', type: 'keuze', text, options: [opt('a'), opt('b'), opt('weet_niet')] },
        { id: 'meer', type: 'meerkeuze', text, options: [opt('x'), opt('y'), opt('z')] },
        { id: 'open', type: 'open', text },
      ],
    },
  ],
});

const TEAMS = ['centrum', 'crabbehof', 'krispijn', 'oost', 'wielwijk'];
// Around a year end, so ISO weeks that belong to the other year are met.
const day = fc
  .integer({ min: Date.UTC(2024, 11, 20), max: Date.UTC(2026, 0, 10) })
  .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const line = fc.record({
  day,
  channel: fc.constantFrom('web', 'telefoon', 'papier'),
  team: maybe(fc.constantFrom(...TEAMS)),
  contact: maybe(fc.constantFrom('kort', 'lang', 'weet_niet')),
  status: maybe(fc.constantFrom('afgerond', 'loopt', 'weet_niet')),
  role: maybe(fc.constantFrom('zelf', 'kind', 'zorg', 'anders')),
  cijfer: maybe(fc.integer({ min: 1, max: 10 })),
  nps: maybe(fc.integer({ min: 0, max: 10 })),
  stelling: maybe(fc.constantFrom('helemaal_eens', 'eens', 'neutraal', 'oneens', 'helemaal_oneens', 'weet_niet')),
  aanraden: maybe(fc.constantFrom('ja', 'misschien', 'nee')),
  keuze: maybe(fc.constantFrom('a', 'b', 'weet_niet')),
  meer: maybe(fc.subarray(['x', 'y', 'z'], { minLength: 1 })),
  open: maybe(fc.constantFrom('Prima', 'Sneller terugbellen', 'Mail mij op piet@example.nl')),
  deleted: fc.boolean(),
});

const query = fc.record({
  from: maybe(day),
  to: maybe(day),
  team: maybe(fc.constantFrom(...TEAMS)),
  channel: maybe(fc.constantFrom('web', 'telefoon', 'papier')),
  status: maybe(fc.constantFrom('afgerond', 'loopt', 'weet_niet')),
  groupBy: maybe(fc.constantFrom(...GROUP_BY)),
});

const sorted = (cells: CubeCell[]) =>
  [...cells]
    .filter((c) => c.count !== 0)
    .sort((a, b) => (JSON.stringify([a.group, a.item, a.value]) < JSON.stringify([b.group, b.item, b.value]) ? -1 : 1));

let run = 0;

describe('the cube', () => {
  it('equals a recompute from the stored responses, for random data, deletes, filters and breakdowns', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 60 }),
        fc.array(query, { minLength: 3, maxLength: 6 }),
        async (lines, queries) => {
          const id = `cube-${++run}`;
          await publish(env.DB, 'demo', definition(id));
          const ids = lines.map(() => crypto.randomUUID());
          const ndjson = lines.map((l, i) =>
            JSON.stringify({
              submissionId: ids[i],
              questionnaireId: id,
              version: 1,
              channel: l.channel,
              submittedAt: `${l.day}T12:00:00+01:00`,
              context: Object.fromEntries(
                Object.entries({ team: l.team, contact: l.contact, status: l.status, role: l.role }).filter(([, v]) => v !== undefined),
              ),
              answers: Object.fromEntries(
                Object.entries({
                  cijfer: l.cijfer,
                  nps: l.nps,
                  stelling: l.stelling,
                  aanraden: l.aanraden,
                  keuze: l.keuze,
                  meer: l.meer,
                  open: l.open,
                }).filter(([, v]) => v !== undefined),
              ),
            }),
          );
          const res = await call(`/v1/import?questionnaire=${id}`, {
            method: 'POST',
            token: 'demo-admin',
            body: ndjson.join('\n'),
            headers: { 'Content-Type': 'application/x-ndjson' },
          });
          expect(await res.json()).toMatchObject({ stored: lines.length, refused: 0 });

          const ledger = ledgerFor(env, 'demo', id);
          for (const [i, l] of lines.entries()) if (l.deleted) expect(await ledger.deleteResponse(ids[i])).toBe(true);
          const kept = lines.filter((l) => !l.deleted).length;
          expect(await ledger.counts()).toEqual({ responses: kept, cube: kept });

          const def = (await reportDefinition(env.DB, 'demo', id))!;
          for (const q of [{}, ...queries] as (typeof queries)[number][]) {
            const filter: CellFilter = { from: q.from, to: q.to, dims: { team: q.team, channel: q.channel, status: q.status } };
            const [fromCube, fromResponses] = await Promise.all([ledger.cells(filter, q.groupBy), ledger.recompute(filter, q.groupBy)]);
            expect(sorted(fromCube)).toEqual(sorted(fromResponses));
            const opts = { k: 5, grouped: q.groupBy !== undefined };
            expect(buildAggregate(def, fromCube, opts)).toEqual(buildAggregate(def, fromResponses, opts));
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('recompute is not the cube: it sees a response the cube does not', async () => {
    // Guards the property above against comparing the cube with itself.
    const id = `cube-guard`;
    await publish(env.DB, 'demo', definition(id));
    const ledger = ledgerFor(env, 'demo', id);
    await ledger.submit('demo', id, {
      submissionId: crypto.randomUUID(),
      version: 1,
      day: '2025-03-03',
      dims: {
        partner: '',
        team: 'oost',
        contact: '',
        status: '',
        role: '',
        channel: 'web',
        leeftijd: '',
        wijk: '',
        service_year: '',
        language: '',
      },
      flags: 0,
      answers: { cijfer: 7, meer: ['x', 'z'] },
      texts: { open: 'Prima' },
    });
    const cells = sorted(await ledger.recompute({}, 'week'));
    expect(cells).toEqual(
      sorted([
        { group: '2025-W10', item: '_resp', value: '', count: 1 },
        { group: '2025-W10', item: 'cijfer', value: '*', count: 1 },
        { group: '2025-W10', item: 'cijfer', value: '7', count: 1 },
        { group: '2025-W10', item: 'meer', value: '*', count: 1 },
        { group: '2025-W10', item: 'meer', value: 'x', count: 1 },
        { group: '2025-W10', item: 'meer', value: 'z', count: 1 },
        { group: '2025-W10', item: 'open', value: '*', count: 1 },
      ]),
    );
    expect(sorted(await ledger.cells({}, 'week'))).toEqual(cells);
    expect(await ledger.recompute({ dims: { team: 'centrum' } }, 'team')).toEqual([]);
  });
});
