import { DIMENSIONS } from '../ledger-types.js';

/** The daily cube and its monthly roll-up share one shape; the roll-up's day is the month's first. */
function cubeTable(name: string): string {
  return `CREATE TABLE IF NOT EXISTS ${name} (
        day TEXT NOT NULL,
        ${DIMENSIONS.map((d) => `${d} TEXT NOT NULL`).join(', ')},
        item TEXT NOT NULL, value TEXT NOT NULL,
        count INTEGER NOT NULL,
        keysum INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, ${DIMENSIONS.join(', ')}, item, value)
      ) WITHOUT ROWID;`;
}

/** Creates whatever tables a ledger does not have yet; run at every start of the object. */
export function createTables(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS responses (
      submission_id TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      day TEXT NOT NULL,
      partner TEXT NOT NULL, team TEXT NOT NULL, contact TEXT NOT NULL,
      status TEXT NOT NULL, role TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL DEFAULT '',
      flags INTEGER NOT NULL DEFAULT 0,
      answers TEXT NOT NULL,
      texts TEXT NOT NULL,
      rkey INTEGER
    );
    CREATE INDEX IF NOT EXISTS responses_day ON responses (day);
    ${cubeTable('cube')}
    ${cubeTable('cube_month')}
    CREATE TABLE IF NOT EXISTS open_texts (
      submission_id TEXT NOT NULL,
      item TEXT NOT NULL,
      day TEXT NOT NULL,
      partner TEXT NOT NULL, team TEXT NOT NULL, contact TEXT NOT NULL,
      status TEXT NOT NULL, role TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL,
      review TEXT NOT NULL DEFAULT 'pending',
      PRIMARY KEY (submission_id, item)
    );
    CREATE INDEX IF NOT EXISTS open_texts_day ON open_texts (day);
    CREATE INDEX IF NOT EXISTS open_texts_item_day ON open_texts (item, day);
  `);
  // Ledgers from before disclosure control get the columns it needs; their keys are backfilled.
  const has = (table: string, column: string) =>
    sql
      .exec<{ name: string }>(`PRAGMA table_info(${table})`)
      .toArray()
      .some((c) => c.name === column);
  if (!has('responses', 'rkey')) sql.exec('ALTER TABLE responses ADD COLUMN rkey INTEGER');
  for (const cube of ['cube', 'cube_month']) {
    if (!has(cube, 'keysum')) sql.exec(`ALTER TABLE ${cube} ADD COLUMN keysum INTEGER NOT NULL DEFAULT 0`);
  }
  if (!has('open_texts', 'review')) sql.exec("ALTER TABLE open_texts ADD COLUMN review TEXT NOT NULL DEFAULT 'pending'");
  addLanguage(sql, has);
  sql.exec(`
    CREATE TABLE IF NOT EXISTS releases (
      partner TEXT NOT NULL, cell TEXT NOT NULL,
      n INTEGER NOT NULL, fresh INTEGER NOT NULL, at INTEGER NOT NULL,
      counts TEXT NOT NULL,
      PRIMARY KEY (partner, cell)
    );
    CREATE TABLE IF NOT EXISTS text_releases (
      partner TEXT NOT NULL, cell TEXT NOT NULL, item TEXT NOT NULL,
      n INTEGER NOT NULL, at INTEGER NOT NULL,
      texts TEXT NOT NULL,
      PRIMARY KEY (partner, cell, item)
    );
    CREATE TABLE IF NOT EXISTS release_queue (
      partner TEXT NOT NULL, month TEXT NOT NULL,
      PRIMARY KEY (partner, month)
    ) WITHOUT ROWID;
  `);
}

/**
 * Ledgers from before languages were kept get the column, as '' (unknown). The cubes carry it in
 * their primary key, which SQLite cannot alter: they are copied into new tables once.
 */
function addLanguage(sql: SqlStorage, has: (table: string, column: string) => boolean): void {
  for (const table of ['responses', 'open_texts']) {
    if (!has(table, 'language')) sql.exec(`ALTER TABLE ${table} ADD COLUMN language TEXT NOT NULL DEFAULT ''`);
  }
  const before = DIMENSIONS.filter((d) => d !== 'language').join(', ');
  for (const cube of ['cube', 'cube_month']) {
    if (has(cube, 'language')) continue;
    sql.exec(`ALTER TABLE ${cube} RENAME TO ${cube}_before_language`);
    sql.exec(cubeTable(cube));
    sql.exec(
      `INSERT INTO ${cube} (day, ${before}, language, item, value, count, keysum)
       SELECT day, ${before}, '', item, value, count, keysum FROM ${cube}_before_language`,
    );
    sql.exec(`DROP TABLE ${cube}_before_language`);
  }
}

export function readMeta(sql: SqlStorage, key: string): string | undefined {
  return sql.exec<{ value: string }>('SELECT value FROM meta WHERE key = ?', key).toArray()[0]?.value;
}

/** Remembers which questionnaire this ledger holds, for alarms and live pushes. */
export function bindMeta(sql: SqlStorage, gemeente: string, questionnaire: string): void {
  sql.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('gemeente', ?), ('questionnaire', ?)", gemeente, questionnaire);
}

/** Whether this ledger may still hold submission ids in capitals, from before they were lower-cased at parse time. */
export function needsLowerCaseIds(sql: SqlStorage): boolean {
  return readMeta(sql, 'ids') === undefined;
}

/**
 * Lower-cases stored submission ids, once. Where the same UUID was stored in capitals and in lower
 * case it was counted twice: the capitalised copy is handed to `remove` to take it out of the counts.
 * The caller runs it in a transaction.
 */
export function lowerCaseIds(sql: SqlStorage, remove: (submissionId: string) => void): void {
  const upper = sql
    .exec<{ id: string; taken: number }>(
      `SELECT submission_id AS id, EXISTS (SELECT 1 FROM responses r2 WHERE r2.submission_id = lower(r1.submission_id)) AS taken
         FROM responses r1 WHERE submission_id != lower(submission_id)`,
    )
    .toArray();
  for (const { id, taken } of upper) {
    if (taken) remove(id);
    else {
      sql.exec('UPDATE responses SET submission_id = lower(submission_id) WHERE submission_id = ?', id);
      sql.exec('UPDATE open_texts SET submission_id = lower(submission_id) WHERE submission_id = ?', id);
    }
  }
  sql.exec("INSERT INTO meta (key, value) VALUES ('ids', 'lower')");
}

/** Whether this ledger predates the monthly roll-up and so still has to build it. */
export function needsRollup(sql: SqlStorage): boolean {
  return readMeta(sql, 'rollup') === undefined;
}

/** Builds the monthly roll-up from the daily cube, once; the caller runs it in a transaction. */
export function backfillRollup(sql: SqlStorage): void {
  const dims = DIMENSIONS.join(', ');
  sql.exec('DELETE FROM cube_month');
  sql.exec(
    `INSERT INTO cube_month (day, ${dims}, item, value, count)
     SELECT substr(day, 1, 7) || '-01', ${dims}, item, value, SUM(count) FROM cube
     GROUP BY substr(day, 1, 7), ${dims}, item, value`,
  );
  sql.exec("INSERT INTO meta (key, value) VALUES ('rollup', 'month')");
}
