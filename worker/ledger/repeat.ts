import type { Answers, AnswerValue } from '../../schemas/questionnaire.js';
import type { LedgerRecord, SubmitResult } from '../ledger-types.js';

// A submissionId names one response. A repeat with the same content (the widget's outbox retrying,
// a double click) gets the original result; the same id with other answers is a conflict, never a
// silent overwrite or a second count.

/** The same answer; the options of a meerkeuze answer in any order. */
function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return a === b;
}

function sameAnswers(a: Record<string, AnswerValue>, b: Record<string, AnswerValue>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
}

/** What a repeat of `rec` gets when its submissionId is stored already; undefined when it is new. */
export function repeatResult(sql: SqlStorage, rec: LedgerRecord): SubmitResult | undefined {
  const earlier = sql
    .exec<{ day: string; version: number; answers: string; texts: string }>(
      'SELECT day, version, answers, texts FROM responses WHERE submission_id = ?',
      rec.submissionId,
    )
    .toArray()[0];
  if (!earlier) return undefined;
  const same =
    earlier.version === rec.version &&
    sameAnswers(JSON.parse(earlier.answers) as Answers, rec.answers) &&
    sameAnswers(JSON.parse(earlier.texts) as Record<string, string>, rec.texts);
  return { status: same ? 'duplicate' : 'conflict', receivedOn: earlier.day };
}
