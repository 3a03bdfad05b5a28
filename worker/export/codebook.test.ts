import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../schemas/bank.js';
import { QuestionnaireDefinition, type Section } from '../../schemas/questionnaire.js';
import type { LedgerRecord } from '../ledger-types.js';
import { buildCodebook, codebookCsv, headerRow, responseRow, type Variable } from './codebook.js';

const full = QuestionnaireDefinition.parse(TEMPLATES['sociaal-team']);
const teams = ['centrum', 'crabbehof', 'krispijn', 'oost', 'wielwijk'].map((id) => ({
  id,
  name: id[0].toUpperCase() + id.slice(1),
  partner_id: 'st',
}));
const partners = [{ id: 'st', name: 'Sociaal team' }];
const byName = (vars: Variable[], name: string) => vars.find((v) => v.name === name)!;

function record(over: Partial<LedgerRecord> = {}): LedgerRecord {
  return {
    submissionId: '00000000-0000-4000-8000-000000000001',
    version: 1,
    day: '2016-05-04',
    dims: {
      partner: 'st',
      team: 'oost',
      contact: 'lang',
      status: 'afgerond',
      role: 'zelf',
      channel: 'telefoon',
      leeftijd: '',
      wijk: '',
      service_year: '',
      language: 'tr',
    },
    flags: 0,
    answers: {},
    texts: {},
    ...over,
  };
}

describe('buildCodebook', () => {
  const vars = buildCodebook({ versions: [full], teams, partners });

  it('starts with the fixed columns, then one per item, one per meerkeuze option', () => {
    expect(vars.slice(0, 13).map((v) => v.name)).toEqual([
      'submission_id',
      'version',
      'day',
      'channel',
      'language',
      'partner',
      'team',
      'contact',
      'status',
      'role',
      'leeftijd',
      'wijk',
      'fast',
    ]);
    const names = vars.map((v) => v.name);
    expect(names).toContain('tot_cijfer');
    expect(names).toContain('hulp_geholpen_met__informatie');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
  });

  it('codes stellingen 1–5 (5 = helemaal mee eens) with weet niet 9 as missing', () => {
    const v = byName(vars, 'mw_serieus');
    expect(v.values.map((x) => [x.code, x.value])).toEqual([
      [1, 'helemaal_oneens'],
      [2, 'oneens'],
      [3, 'neutraal'],
      [4, 'eens'],
      [5, 'helemaal_eens'],
      [9, 'weet_niet'],
    ]);
    expect(v.missing).toEqual([9]);
    expect(v.level).toBe('ordinal');
    expect(v.label).toBe('De medewerker nam mij serieus.');
  });

  it('codes the team question with the gemeente teams, weet niet 9', () => {
    const v = byName(vars, 'ctx_team');
    expect(v.values.map((x) => [x.code, x.value])).toEqual([
      [1, 'centrum'],
      [2, 'crabbehof'],
      [3, 'krispijn'],
      [4, 'oost'],
      [5, 'wielwijk'],
      [9, 'weet_niet'],
    ]);
    expect(v.missing).toEqual([9]);
  });

  it('fills {organisatie} in labels as the dashboard does', () => {
    expect(byName(vars, 'tot_cijfer').label).toBe('Welk rapportcijfer geeft u het sociaal team?');
  });

  it('encodes a response: numbers for codes, 0/1 per meerkeuze option, empty when unanswered', () => {
    const rec = record({
      flags: 1,
      answers: {
        tot_cijfer: 9,
        mw_serieus: 'weet_niet',
        mw_luisteren: 'helemaal_eens',
        tot_aanraden: 'misschien',
        ctx_team: 'oost',
        hulp_geholpen_met: ['informatie', 'advies'],
      },
      texts: { tot_beter: '=1+1, "en" meer\nregels' },
    });
    const row = responseRow(vars, rec);
    const cells = Object.fromEntries(vars.map((v) => [v.name, v.encode(rec)]));
    expect(cells).toMatchObject({
      submission_id: rec.submissionId,
      version: '1',
      day: '2016-05-04',
      channel: 'telefoon',
      team: 'oost',
      fast: '1',
      tot_cijfer: '9',
      mw_serieus: '9',
      mw_luisteren: '5',
      mw_samen: '',
      tot_aanraden: '2',
      ctx_team: '4',
      hulp_geholpen_met__informatie: '1',
      hulp_geholpen_met__advies: '1',
      hulp_geholpen_met__formulieren: '0',
      tot_goed: '',
      tot_beter: '=1+1, "en" meer\nregels',
    });
    expect(row).toContain(',"=1+1, ""en"" meer\nregels",');
    expect(responseRow(vars, rec, 'spss')).toContain(',"=1+1, ""en"" meer\u2424nregels",');
    expect(row.endsWith('\r\n')).toBe(true);
    expect(headerRow(vars).split(',')).toHaveLength(vars.length);
  });

  it('keeps codes stable across versions and covers values no definition lists', () => {
    const text = { nl: 'Vraag', en: 'Question' };
    const v = (options: string[]): { sections: Section[] } => ({
      sections: [
        {
          id: 's',
          title: text,
          items: [
            {
              id: 'k',
              type: 'keuze',
              text,
              required: false,
              options: options.map((id) => ({ id, text: { nl: id.toUpperCase(), en: id } })),
            },
          ],
        },
      ],
    });
    const vars2 = buildCodebook({
      versions: [v(['a', 'b', 'weet_niet']), v(['c', 'b', 'weet_niet'])],
      teams,
      partners,
      seen: new Map([['k', ['*', 'b', 'zz']]]),
    });
    expect(byName(vars2, 'k').values.map((x) => [x.code, x.value, x.label])).toEqual([
      [1, 'a', 'A'],
      [2, 'b', 'B'],
      [3, 'c', 'C'],
      [4, 'zz', 'zz'],
      [9, 'weet_niet', 'WEET_NIET'],
    ]);
  });

  it('gives items safe, unique names', () => {
    const text = { nl: 'Vraag', en: 'Question' };
    const def = {
      sections: [
        {
          id: 's',
          title: text,
          items: [
            { id: 'to', type: 'cijfer' as const, text, required: false },
            { id: 'team', type: 'cijfer' as const, text, required: false },
            {
              id: 'm',
              type: 'meerkeuze' as const,
              text,
              required: false,
              options: [
                { id: 'a-b', text },
                { id: '1x', text },
              ],
            },
          ],
        },
      ],
    };
    const names = buildCodebook({ versions: [def], teams, partners })
      .slice(13)
      .map((x) => x.name);
    expect(names).toEqual(['to_', 'team_2', 'm__a_b', 'm__1x']);
  });
});

describe('codebookCsv', () => {
  it('lists each variable, then its codes, with missing codes marked', () => {
    const lines = codebookCsv(buildCodebook({ versions: [full], teams, partners })).split('\r\n');
    expect(lines[0]).toBe('variable,label,item,item_type,format,measure,code,value,value_label,missing');
    expect(lines).toContain('mw_serieus,De medewerker nam mij serieus.,mw_serieus,stelling,F1.0,ordinal,,,,');
    expect(lines).toContain(
      'mw_serieus,De medewerker nam mij serieus.,mw_serieus,stelling,F1.0,ordinal,9,weet_niet,Weet ik niet / niet van toepassing,1',
    );
    expect(lines).toContain(
      'mw_serieus,De medewerker nam mij serieus.,mw_serieus,stelling,F1.0,ordinal,5,helemaal_eens,Helemaal mee eens,0',
    );
    expect(lines).toContain('day,Dag van invullen of interview (Nederlandse tijd),meta,meta,SDATE10,scale,,,,');
  });
});
