import { CONTEXT_FIELDS, allItems, type QuestionnaireDefinition } from '../schemas/questionnaire.js';
import type { BodyLine } from './body.js';
import { ApiError } from './errors.js';
import type { Variable } from './export/codebook.js';

/**
 * Interviews as a CSV in the layout `GET /v1/export/responses.csv` writes: the same columns, the same
 * codes. Each row becomes the object an NDJSON import line would be, so both are checked the same way.
 */

/** One record of a CSV body: its fields, or why it could not be read. `line` is the line it starts on. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; problem: 'too_long' | 'not_utf8' | 'unclosed_quote' };

/**
 * RFC 4180 records over the body's lines, as they arrive: a quoted field may hold commas, doubled
 * quotes and line breaks (kept as they were sent, CR LF or LF). Lenient where the RFC leaves no doubt
 * what was meant: LF alone ends a record too, and a quote inside an unquoted field is taken as text.
 * A record longer than `maxRecord` characters is skipped to its end and reported, so memory stays bounded.
 */
export async function* csvRecords(lines: AsyncIterable<BodyLine>, maxRecord: number): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let start = 0;
  let size = 0;
  const reset = () => {
    fields = [];
    field = '';
    quoted = false;
    size = 0;
  };
  for await (const line of lines) {
    if (!quoted) start = line.number;
    if ('problem' in line) {
      // What the line held is lost, and with it whether a quote was open: the record ends here.
      yield { line: start, problem: line.problem };
      reset();
      continue;
    }
    const text = line.number === 1 && line.text.startsWith('\uFEFF') ? line.text.slice(1) : line.text;
    if (!quoted && text === '') continue;
    size += text.length + 2;
    const keep = size <= maxRecord;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch !== '"') {
          if (keep) field += ch;
        } else if (text[i + 1] === '"') {
          if (keep) field += '"';
          i++;
        } else quoted = false;
      } else if (ch === ',') {
        if (keep) fields.push(field);
        field = '';
      } else if (ch === '"' && field === '') quoted = true;
      else if (keep) field += ch;
    }
    if (quoted) {
      if (keep) field += line.cr ? '\r\n' : '\n';
      continue;
    }
    if (keep) {
      fields.push(field);
      yield { line: start, fields };
    } else yield { line: start, problem: 'too_long' };
    reset();
  }
  if (quoted) yield { line: start, problem: 'unclosed_quote' };
}

/** Columns a row cannot do without: which interview, which version, how it was taken. */
const REQUIRED = ['submission_id', 'version', 'channel'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

const AMSTERDAM_OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' });

/** Noon of a Dutch day as an ISO time with its offset (+01:00 in winter, +02:00 in summer). */
export function dutchNoon(day: string): string {
  const probe = new Date(`${day}T12:00:00Z`);
  const name = AMSTERDAM_OFFSET.formatToParts(probe).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const offset = name === 'GMT' ? '+00:00' : name.slice(3);
  return `${day}T12:00:00${offset}`;
}

const badValue = (column: string, message: string) =>
  new ApiError(422, 'invalid_value', `Column ${column}: ${message}.`, [{ code: 'invalid_value', path: ['column', column], message }]);

/**
 * Reads the header against the export's columns and returns the reader of the rows. A column the
 * export does not write refuses the whole file: its values would be lost without anyone noticing.
 */
export function csvRowReader(
  vars: readonly Variable[],
  header: string[],
  questionnaireId: string,
  definitions: ReadonlyMap<number, Pick<QuestionnaireDefinition, 'sections'>>,
): (fields: string[]) => unknown {
  const byName = new Map(vars.map((v) => [v.name, v]));
  const unknown = header.filter((h) => !byName.has(h));
  if (unknown.length) {
    throw new ApiError(
      400,
      'unknown_column',
      `The export has no column ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` (and ${unknown.length - 10} more)` : ''}.`,
      unknown
        .slice(0, 10)
        .map((h) => ({ code: 'unknown_column', path: ['column', h.slice(0, 64)], message: `no column ${h.slice(0, 64)}` })),
    );
  }
  const twice = header.filter((h, i) => header.indexOf(h) !== i);
  if (twice.length) throw new ApiError(400, 'invalid_csv', `The header has column ${twice[0]} twice.`);
  const missing = REQUIRED.filter((r) => !header.includes(r));
  if (missing.length) throw new ApiError(400, 'invalid_csv', `The header lacks column ${missing.join(', ')}.`);
  const columns = header.map((h) => byName.get(h)!);
  // The item of each context field per version: its answer carries the context, as resolveContext reads it.
  const contextItems = new Map(
    [...definitions].map(([version, def]) => [
      version,
      new Map(allItems(def).flatMap((i) => (i.type === 'keuze' && i.context ? [[i.context, i.id] as const] : []))),
    ]),
  );

  return (fields) => {
    if (fields.length !== header.length) {
      throw new ApiError(400, 'invalid_csv', `This row has ${fields.length} fields; the header has ${header.length}.`);
    }
    const line: Record<string, unknown> = { questionnaireId };
    const answers: Record<string, unknown> = {};
    const contextColumns: Record<string, string> = {};
    const chosen = new Map<string, { any: boolean; options: string[] }>();
    columns.forEach((v, i) => {
      const cell = fields[i];
      if (v.item === 'meta') {
        if (v.name === 'submission_id') line.submissionId = cell;
        else if (v.name === 'version') {
          if (!/^\d+$/.test(cell)) throw badValue(v.name, 'a version is a whole number');
          line.version = Number(cell);
        } else if (v.name === 'day') {
          if (cell === '') return;
          if (!DAY.test(cell) || Number.isNaN(Date.parse(cell))) throw badValue(v.name, 'a day is written as YYYY-MM-DD');
          line.submittedAt = dutchNoon(cell);
        } else if (v.name === 'fast' && !['', '0', '1'].includes(cell)) throw badValue(v.name, 'fast is 0 or 1');
        // `fast` is measured by the widget while a client answers; an interview is never flagged.
        return;
      }
      if (v.item === 'context') {
        if (v.name === 'channel') line.channel = cell;
        else if (v.name === 'language') {
          if (cell !== '') line.language = cell;
        } else if (cell !== '') contextColumns[v.name] = cell;
        return;
      }
      if (v.kind === 'meerkeuze') {
        const group = chosen.get(v.item) ?? chosen.set(v.item, { any: false, options: [] }).get(v.item)!;
        if (cell === '') return;
        if (cell !== '0' && cell !== '1') throw badValue(v.name, 'a choice is 0 or 1');
        group.any = true;
        if (cell === '1') group.options.push(v.option!);
        return;
      }
      if (cell === '') return;
      if (v.kind === 'open') answers[v.item] = cell;
      else if (v.kind === 'cijfer' || v.kind === 'nps') {
        if (!NUMBER.test(cell)) throw badValue(v.name, `${cell.slice(0, 20)} is not a number`);
        answers[v.item] = Number(cell);
      } else {
        const coded = v.values.find((val) => String(val.code) === cell);
        if (!coded) throw badValue(v.name, `${cell.slice(0, 20)} is not one of its codes`);
        answers[v.item] = coded.value;
      }
    });
    for (const [item, group] of chosen) if (group.any) answers[item] = group.options;
    // A context column repeats the answer of its context item; only a context no item asked for is sent as context.
    const items = contextItems.get(line.version as number) ?? new Map<string, string>();
    const context: Record<string, string> = {};
    for (const f of CONTEXT_FIELDS) {
      const value = contextColumns[f];
      if (value === undefined) continue;
      const item = items.get(f);
      if (item === undefined || answers[item] === undefined) context[f] = value;
    }
    line.answers = answers;
    line.context = context;
    return line;
  };
}
