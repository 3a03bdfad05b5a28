import type { Variable } from './codebook.js';
import { SPSS_ESCAPE } from './csv.js';

/** An SPSS string literal: single quotes, inner quotes doubled. */
function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** SPSS reads at most 255 bytes of a label; cut on characters, leaving room for multi-byte ones. */
function label(s: string): string {
  return quote([...s.replace(/\s+/g, ' ')].slice(0, 120).join(''));
}

function format(v: Variable): string {
  if (v.format.type === 'string') return `A${v.format.width}`;
  if (v.format.type === 'date') return 'SDATE10';
  return `F${v.format.width}.0`;
}

/**
 * SPSS syntax that reads the SPSS CSV (open text on one line, see `spssText`) and labels it: variable
 * labels (the Dutch question), value labels, "weet niet" as user-missing, and measurement levels. It
 * restores the line breaks of open answers. PSPP runs it as well.
 */
export function spsSyntax(vars: readonly Variable[], opts: { csvFile: string; title: string; origin?: string }): string {
  const open = vars.filter((v) => v.kind === 'open');
  const out: string[] = [
    `* Peil: ${opts.title.replace(/[\r\n]/g, ' ')}.`,
    `* Leest ${opts.csvFile} (UTF-8, komma's, de eerste regel noemt de variabelen).`,
    `* Reads ${opts.csvFile} (UTF-8, comma-separated, the first line names the variables).`,
    ...(opts.origin ? [`* Dat bestand komt van ${opts.origin} (of gebruik spss.zip, met alles bij elkaar).`] : []),
    '* Zet dit bestand in dezelfde map als het CSV-bestand en open het vanuit die map.',
    '* Put this file in the folder of the CSV and open it from there.',
    '* Meldt SPSS dat het bestand niet te openen is: haal de * weg voor CD en vul de map in.',
    '* If SPSS cannot open the file: remove the * before CD and fill in the folder.',
    "* CD 'C:\\map\\met\\de\\bestanden'.",
    '* SPSS 21 and later work in Unicode mode by default, which /ENCODING needs.',
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${quote(opts.csvFile)}`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    '  /DELIMITERS=","',
    `  /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...vars.map((v) => `    ${v.name} ${format(v)}`),
    '.',
    ...(open.length
      ? [
          '',
          `* Regeleinden in open antwoorden staan als ${SPSS_ESCAPE.lf} en ${SPSS_ESCAPE.cr} in het CSV-bestand; hier worden ze weer regeleinden.`,
          `* Line breaks in open answers are written as ${SPSS_ESCAPE.lf} and ${SPSS_ESCAPE.cr} in the CSV; this turns them back.`,
          ...open.flatMap((v) => [
            `COMPUTE ${v.name} = REPLACE(${v.name}, ${quote(SPSS_ESCAPE.lf)}, X'0A').`,
            `COMPUTE ${v.name} = REPLACE(${v.name}, ${quote(SPSS_ESCAPE.cr)}, X'0D').`,
            `COMPUTE ${v.name} = REPLACE(${v.name}, ${quote(SPSS_ESCAPE.mark0)}, ${quote(SPSS_ESCAPE.mark)}).`,
          ]),
        ]
      : []),
    'EXECUTE.',
    '',
    'VARIABLE LABELS',
    vars.map((v) => `  ${v.name} ${label(v.label)}`).join('\n') + '.',
  ];
  const labelled = vars.filter((v) => v.values.length > 0);
  if (labelled.length) {
    out.push(
      '',
      'VALUE LABELS',
      labelled
        .map((v, i) => {
          const values = v.values.map((val) => `    ${typeof val.code === 'number' ? val.code : quote(val.code)} ${label(val.label)}`);
          return [`  ${i > 0 ? '/' : ''}${v.name}`, ...values].join('\n');
        })
        .join('\n') + '.',
    );
  }
  for (const v of vars.filter((x) => x.missing.length > 0)) out.push('', `MISSING VALUES ${v.name} (${v.missing.join(', ')}).`);
  for (const level of ['nominal', 'ordinal', 'scale'] as const) {
    const names = vars.filter((v) => v.level === level).map((v) => v.name);
    if (names.length) out.push('', `VARIABLE LEVEL ${names.join(' ')} (${level.toUpperCase()}).`);
  }
  out.push('', 'EXECUTE.', '');
  return out.join('\r\n').replace(/\r?\n/g, '\r\n');
}
