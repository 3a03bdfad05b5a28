import { queueRelease, withdrawTexts } from './releases.js';

// Open texts the gemeente reads before partners do ("vrijgeven"): each is pending until an admin
// releases it for viewers or withholds it. Where the gemeente has not switched review on, viewers get
// every text that is not withheld, still only in shuffled releases of at least k.

export const REVIEW_STATES = ['pending', 'released', 'withheld'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface ReviewText {
  submissionId: string;
  item: string;
  day: string;
  partner: string;
  team: string;
  text: string;
  review: ReviewState;
}

/** Open texts in one review state, newest first (the admin sees days: it is the data controller). */
export function listTexts(sql: SqlStorage, review: ReviewState, limit: number): ReviewText[] {
  return sql
    .exec<{ submission_id: string; item: string; day: string; partner: string; team: string; text: string; review: ReviewState }>(
      'SELECT submission_id, item, day, partner, team, text, review FROM open_texts WHERE review = ? ORDER BY day DESC, submission_id LIMIT ?',
      review,
      limit,
    )
    .toArray()
    .map((r) => ({
      submissionId: r.submission_id,
      item: r.item,
      day: r.day,
      partner: r.partner,
      team: r.team,
      text: r.text,
      review: r.review,
    }));
}

/**
 * Releases or withholds texts; returns how many changed. A text withheld after it was released
 * leaves every release that holds it; the months of released texts are queued, so they count towards
 * the next text release.
 */
export function setReview(sql: SqlStorage, texts: { submissionId: string; item: string }[], review: ReviewState): number {
  let changed = 0;
  for (const t of texts) {
    const row = sql
      .exec<{ partner: string; day: string }>(
        'UPDATE open_texts SET review = ? WHERE submission_id = ? AND item = ? AND review <> ? RETURNING partner, day',
        review,
        t.submissionId,
        t.item,
        review,
      )
      .toArray()[0];
    if (!row) continue;
    changed++;
    queueRelease(sql, row.partner, row.day.slice(0, 7));
  }
  if (review === 'withheld' && changed > 0) withdrawTexts(sql, texts);
  return changed;
}
