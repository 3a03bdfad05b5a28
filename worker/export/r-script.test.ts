import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../schemas/bank.js';
import { QuestionnaireDefinition } from '../../schemas/questionnaire.js';
import { buildCodebook } from './codebook.js';
import { rScript } from './r-script.js';

const vars = buildCodebook({
  versions: [QuestionnaireDefinition.parse(TEMPLATES['sociaal-team'])],
  teams: [{ id: 'oost', name: 'Oost "Zuid" één', partner_id: 'st' }],
  partners: [{ id: 'st', name: 'Sociaal team' }],
});
const script = rScript(vars, { csvFile: 'antwoorden.csv', title: 'antwoorden' });
const lines = script.split('\n');

describe('rScript', () => {
  it('reads every column as text, exactly: BOM, no NA strings, spaces kept', () => {
    expect(script).toContain('read.csv("antwoorden.csv", fileEncoding = "UTF-8-BOM", colClasses = "character",');
    expect(script).toContain('na.strings = character(0), strip.white = FALSE, check.names = FALSE)');
  });

  it('converts each column once, in the order of the CSV', () => {
    const converted = lines.filter((l) => /^peil\[\["\w+"\]\] <- /.test(l)).map((l) => l.match(/^peil\[\["(\w+)"\]\]/)![1]);
    expect(converted).toEqual(vars.map((v) => v.name));
  });

  it('makes factors with Dutch labels, weet niet (9) NA, ordered for stellingen; numbers and dates typed', () => {
    expect(lines).toContain(
      'peil[["mw_serieus"]] <- met_labels(peil[["mw_serieus"]], c("1", "2", "3", "4", "5", "9"), c("Helemaal mee oneens", "Mee oneens", "Niet mee eens, niet mee oneens", "Mee eens", "Helemaal mee eens", "Weet ik niet / niet van toepassing"), missing = c("9"), ordered = TRUE)',
    );
    expect(lines).toContain('peil[["tot_cijfer"]] <- as.integer(leeg_na(peil[["tot_cijfer"]]))');
    expect(lines).toContain('peil[["day"]] <- as.Date(leeg_na(peil[["day"]]))');
    expect(lines).toContain('peil[["tot_beter"]] <- regeleinden(leeg_na(peil[["tot_beter"]]))');
  });

  it('restores line breaks in the order the SPSS CSV needs: the sign itself last', () => {
    const body = lines.slice(lines.indexOf('regeleinden <- function(x) {'), lines.indexOf('regeleinden <- function(x) {') + 5);
    expect(body).toEqual([
      'regeleinden <- function(x) {',
      '  x <- gsub("\\u{2424}n", "\\n", x, fixed = TRUE)',
      '  x <- gsub("\\u{2424}r", "\\r", x, fixed = TRUE)',
      '  gsub("\\u{2424}0", "\\u{2424}", x, fixed = TRUE)',
      '}',
    ]);
  });

  it('writes labels in ASCII with escapes, so any locale reads them', () => {
    expect(lines.find((l) => l.startsWith('peil[["team"]]'))).toContain('c("Oost \\"Zuid\\" \\u{e9}\\u{e9}n")');
    expect(/^[\x20-\x7e\n]*$/.test(script)).toBe(true);
  });
});
