// Retention: a ledger wakes daily and deletes what its questionnaire no longer keeps.

const DAY_MS = 86_400_000;

/** The next daily retention run, counted from now. */
export function nextRun(now = Date.now()): number {
  return now + DAY_MS;
}

/** The retention period of a questionnaire in days, from the registry; undefined when it is gone. */
export async function retentionDays(db: D1Database, gemeente: string, questionnaire: string): Promise<number | undefined> {
  const row = await db
    .prepare('SELECT retention_days FROM questionnaires WHERE gemeente_id = ? AND id = ?')
    .bind(gemeente, questionnaire)
    .first<{ retention_days: number }>();
  return row?.retention_days;
}

/** The first day still kept: responses of earlier days go. */
export function retentionCutoff(days: number, today: Date): string {
  return new Date(today.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}
