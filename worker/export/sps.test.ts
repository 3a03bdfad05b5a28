import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../schemas/bank.js';
import { QuestionnaireDefinition } from '../../schemas/questionnaire.js';
import { buildCodebook } from './codebook.js';
import { spsSyntax } from './sps.js';

const vars = buildCodebook({
  versions: [QuestionnaireDefinition.parse(TEMPLATES['sociaal-team'])],
  teams: [{ id: 'oost', name: "Oost 't Zand", partner_id: 'st' }],
  partners: [{ id: 'st', name: 'Sociaal team' }],
});
const sps = spsSyntax(vars, { csvFile: 'peil-sociaal-team-antwoorden.csv', title: 'antwoorden' });
const lines = sps.split('\r\n');

describe('spsSyntax', () => {
  it('reads the CSV as UTF-8, comma-separated, names on the first line', () => {
    expect(sps).toContain("  /FILE='peil-sociaal-team-antwoorden.csv'\r\n  /ENCODING='UTF8'");
    expect(lines).toContain('  /DELIMITERS=","');
    expect(lines).toContain('  /FIRSTCASE=2');
    expect(lines).toContain('    submission_id A36');
    expect(lines).toContain('    day SDATE10');
    expect(lines).toContain('    tot_cijfer F2.0');
    expect(lines).toContain('    tot_beter A4000');
    // Same variables, same order as the CSV header.
    const declared = lines.filter((l) => /^ {4}\w+ (A\d+|F\d\.0|SDATE10)$/.test(l)).map((l) => l.trim().split(' ')[0]);
    expect(declared).toEqual(vars.map((v) => v.name));
  });

  it('labels variables and values in Dutch, quotes doubled', () => {
    expect(lines).toContain("  mw_serieus 'De medewerker nam mij serieus.'");
    expect(lines).toContain("    'oost' 'Oost ''t Zand'");
    expect(lines).toContain("    9 'Weet ik niet / niet van toepassing'");
  });

  it('declares weet niet missing and sets measurement levels', () => {
    expect(lines).toContain('MISSING VALUES mw_serieus (9).');
    expect(lines).toContain('MISSING VALUES ctx_team (9).');
    expect(lines.find((l) => l.startsWith('VARIABLE LEVEL') && l.endsWith('(ORDINAL).'))).toContain(' mw_serieus ');
    expect(lines.find((l) => l.startsWith('VARIABLE LEVEL') && l.endsWith('(SCALE).'))).toContain(' tot_cijfer');
  });

  it('turns the escaped line breaks of open answers back, ␤0 last', () => {
    const restore = lines.filter((l) => l.startsWith('COMPUTE tot_beter = REPLACE('));
    expect(restore).toEqual([
      "COMPUTE tot_beter = REPLACE(tot_beter, '\u2424n', X'0A').",
      "COMPUTE tot_beter = REPLACE(tot_beter, '\u2424r', X'0D').",
      "COMPUTE tot_beter = REPLACE(tot_beter, '\u24240', '\u2424').",
    ]);
    expect(lines.indexOf(restore[0])).toBeGreaterThan(lines.indexOf('  /VARIABLES='));
    expect(lines.filter((l) => l.startsWith('COMPUTE')).map((l) => l.split(' ')[1])).toEqual(
      vars.filter((v) => v.kind === 'open').flatMap((v) => [v.name, v.name, v.name]),
    );
  });

  it('says where its CSV comes from and how to point SPSS at its folder', () => {
    expect(spsSyntax(vars, { csvFile: 'x.csv', title: 't', origin: '/v1/export/responses.csv?format=spss' })).toContain(
      '* Dat bestand komt van /v1/export/responses.csv?format=spss',
    );
    expect(lines.some((l) => /^\* CD '.+'\.$/.test(l))).toBe(true);
  });

  it('ends every command with a period', () => {
    expect(sps).toMatch(/VARIABLE LABELS\r\n[\s\S]*?'\.\r\n/);
    expect(sps.trimEnd().endsWith('EXECUTE.')).toBe(true);
  });
});
