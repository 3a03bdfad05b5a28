import type { Variable } from './codebook.js';
import { SPSS_ESCAPE } from './csv.js';

/**
 * An R string literal that reads the same in every locale: everything outside printable ASCII is
 * written as a \u{…} escape, so the script needs no `encoding =` when sourced on Windows.
 */
function rString(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else out += code > 0xffff ? `\\U{${code.toString(16)}}` : `\\u{${code.toString(16)}}`;
  }
  return `"${out}"`;
}

const rVector = (xs: readonly (string | number)[]) => `c(${xs.map((x) => rString(String(x))).join(', ')})`;

/** The R expression that turns the column (read as text) into its R type. */
function conversion(v: Variable): string {
  const col = `peil[[${rString(v.name)}]]`;
  if (v.format.type === 'date') return `as.Date(leeg_na(${col}))`;
  if (v.values.length > 0 && v.level !== 'scale') {
    const missing = v.missing.length ? `, missing = ${rVector(v.missing)}` : '';
    const ordered = v.level === 'ordinal' ? ', ordered = TRUE' : '';
    return `met_labels(${col}, ${rVector(v.values.map((x) => x.code))}, ${rVector(v.values.map((x) => x.label))}${missing}${ordered})`;
  }
  if (v.format.type === 'numeric') return `as.integer(leeg_na(${col}))`;
  if (v.kind === 'open') return `regeleinden(leeg_na(${col}))`;
  return `leeg_na(${col})`;
}

/**
 * A base-R script that reads the one-line CSV also made for SPSS (see `spssText`) and restores the line
 * breaks of open answers: read.csv itself would turn a carriage return inside a text into a line feed,
 * so reading the exact CSV would not give every text back exactly. It makes factors with the Dutch
 * labels, turns "weet niet" (9) into NA and keeps every question as the column's "label" attribute
 * (RStudio's View shows it).
 */
export function rScript(vars: readonly Variable[], opts: { csvFile: string; title: string }): string {
  const lines = [
    `# Peil: ${opts.title.replace(/[\r\n]/g, ' ')}`,
    `# Leest ${opts.csvFile} in een data frame 'peil', met alleen base R.`,
    `# Reads ${opts.csvFile} into a data frame 'peil', base R only.`,
    '# Zet de werkmap op de map met de bestanden: setwd("...") of in RStudio',
    '# Session > Set Working Directory > To Source File Location. Dan: source("antwoorden.R")',
    '# Set the working directory to the folder of the files first, then source this script.',
    '',
    `peil <- read.csv(${rString(opts.csvFile)}, fileEncoding = "UTF-8-BOM", colClasses = "character",`,
    '                 na.strings = character(0), strip.white = FALSE, check.names = FALSE)',
    '',
    '# Een leeg veld is geen antwoord. / An empty field is no answer.',
    'leeg_na <- function(x) {',
    '  x[x == ""] <- NA',
    '  x',
    '}',
    '',
    '# Regeleinden in open antwoorden staan in het bestand als het teken U+2424 met n (LF) of r (CR) erachter;',
    '# dit maakt er weer regeleinden van. / Line breaks in open answers are written as U+2424 followed by',
    '# n (LF) or r (CR); this turns them back (U+2424 0, the sign itself, last).',
    'regeleinden <- function(x) {',
    `  x <- gsub(${rString(SPSS_ESCAPE.lf)}, "\\n", x, fixed = TRUE)`,
    `  x <- gsub(${rString(SPSS_ESCAPE.cr)}, "\\r", x, fixed = TRUE)`,
    `  gsub(${rString(SPSS_ESCAPE.mark0)}, ${rString(SPSS_ESCAPE.mark)}, x, fixed = TRUE)`,
    '}',
    '',
    '# Codes als factor met de Nederlandse labels; ontbrekende codes ("weet niet") worden NA.',
    '# Codes as a factor with the Dutch labels; missing codes ("weet niet") become NA.',
    'met_labels <- function(x, codes, labels, missing = character(0), ordered = FALSE) {',
    '  x <- leeg_na(x)',
    '  x[x %in% missing] <- NA',
    '  keep <- !(codes %in% missing)',
    '  extra <- setdiff(unique(x[!is.na(x)]), codes)',
    '  factor(x, levels = c(codes[keep], extra), labels = c(labels[keep], extra), ordered = ordered)',
    '}',
    '',
    ...vars.map((v) => `peil[[${rString(v.name)}]] <- ${conversion(v)}`),
    '',
    '# De vraag bij elke kolom. / The question of each column.',
    ...vars.map((v) => `attr(peil[[${rString(v.name)}]], "label") <- ${rString(v.label)}`),
    '',
    'cat(nrow(peil), "antwoorden gelezen / responses read\\n")',
    '',
  ];
  return lines.join('\n');
}
