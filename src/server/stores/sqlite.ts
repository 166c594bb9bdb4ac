import { prepareSqliteInsights, SQLITE_INSIGHTS_SCHEMA } from './insights/sqlite.js';
import { COLUMNS, recordFromRow, rowValues, type ConsentRow } from './rows.js';
import {
  checkPurgeDate,
  DEFAULT_PAGE_SIZE,
  PURGE_BATCH_ROWS,
  yieldToEventLoop,
  type InsertResult,
  type StorableRecord,
  type InsightfulConsentStore,
  type StoreClockOptions,
} from './store.js';

/** The part of a better-sqlite3 `Database` this store uses; the site brings its own driver. */
export interface SqliteDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): {
    run(...values: unknown[]): { changes: number };
    all(...values: unknown[]): unknown[];
    get(...values: unknown[]): unknown;
  };
}

export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS consent_records (
  event_id TEXT NOT NULL,
  consent_id TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  revision INTEGER NOT NULL,
  method TEXT NOT NULL,
  layer TEXT NOT NULL,
  categories TEXT NOT NULL,
  language TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  widget_version TEXT NOT NULL,
  gpc INTEGER NOT NULL,
  page_url TEXT NOT NULL,
  services TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS consent_records_event_id ON consent_records (event_id);
CREATE INDEX IF NOT EXISTS consent_records_consent_id ON consent_records (consent_id);
CREATE INDEX IF NOT EXISTS consent_records_received_at ON consent_records (received_at);
${SQLITE_INSIGHTS_SCHEMA}`;

type RowWithSequence = ConsentRow & { seq: number };

/** How long one synchronous purge batch may hold the process, and the bounds of its size. */
export const PURGE_BATCH_TARGET_MS = 20;
const MIN_PURGE_BATCH_ROWS = 50;
const MAX_PURGE_BATCH_ROWS = 20_000;

/**
 * Records in SQLite through better-sqlite3 (synchronous, so one process is the only writer).
 * The unique index on event_id makes a repeated delivery a no-op. better-sqlite3 blocks the
 * process while a statement runs, so every walk over many rows goes in short pages by rowid, and
 * a purge in batches sized to take PURGE_BATCH_TARGET_MS each.
 */
export function createSqliteStore(db: SqliteDatabase, { now = () => new Date() }: StoreClockOptions = {}): InsightfulConsentStore {
  db.exec(SQLITE_SCHEMA);
  addServicesColumn(db);
  const insights = prepareSqliteInsights(db);
  const insert = db.prepare(
    `INSERT INTO consent_records (${COLUMNS}, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (event_id) DO NOTHING`,
  );
  const byConsentId = db.prepare(`SELECT * FROM consent_records WHERE consent_id = ? ORDER BY decided_at, rowid`);
  const erase = db.prepare(`DELETE FROM consent_records WHERE consent_id = ?`);
  const page = db.prepare(`SELECT * FROM consent_records ORDER BY rowid DESC LIMIT ? OFFSET ?`);
  const oldestAfter = db.prepare(`SELECT rowid AS seq, * FROM consent_records WHERE rowid > ? ORDER BY rowid LIMIT ?`);
  const newestBefore = db.prepare(`SELECT rowid AS seq, * FROM consent_records WHERE rowid < ? ORDER BY rowid DESC LIMIT ?`);
  const count = db.prepare(`SELECT COUNT(*) AS n FROM consent_records`);
  const purgeBatch = db.prepare(`DELETE FROM consent_records WHERE rowid IN (SELECT rowid FROM consent_records WHERE received_at < ? LIMIT ?)`);
  return {
    ...insights,
    async insert(record: StorableRecord): Promise<InsertResult> {
      const { changes } = insert.run(...rowValues(record, record.gpc ? 1 : 0), now().toISOString());
      return changes === 1 ? 'inserted' : 'duplicate';
    },
    async findByConsentId(consentId) {
      return (byConsentId.all(consentId) as ConsentRow[]).map(recordFromRow);
    },
    async eraseByConsentId(consentId) {
      return erase.run(consentId).changes;
    },
    async list({ limit = 100, offset = 0 } = {}) {
      return (page.all(limit, offset) as ConsentRow[]).map(recordFromRow);
    },
    async listPage({ after = null, limit = DEFAULT_PAGE_SIZE, order = 'oldest' } = {}) {
      const rows = (
        order === 'oldest'
          ? oldestAfter.all(after === null ? 0 : Number(after), limit)
          : newestBefore.all(after === null ? Number.MAX_SAFE_INTEGER : Number(after), limit)
      ) as RowWithSequence[];
      return { records: rows.map(recordFromRow), next: rows.length === limit ? String(rows.at(-1)!.seq) : null };
    },
    async count() {
      return (count.get() as { n: number }).n;
    },
    async purgeOlderThan(date) {
      checkPurgeDate(date);
      const cutoff = date.toISOString();
      let purged = 0;
      let batch = PURGE_BATCH_ROWS;
      for (;;) {
        const started = performance.now();
        const { changes } = purgeBatch.run(cutoff, batch);
        purged += changes;
        if (changes < batch) return purged;
        // Each row erased rewrites a page of each random-UUID index, and the statement blocks the
        // process: size the next batch so it takes about PURGE_BATCH_TARGET_MS on this disk.
        const elapsed = Math.max(1, performance.now() - started);
        batch = Math.round(Math.min(MAX_PURGE_BATCH_ROWS, Math.max(MIN_PURGE_BATCH_ROWS, (batch * PURGE_BATCH_TARGET_MS) / elapsed)));
        await yieldToEventLoop();
      }
    },
  };
}

/** A table made before records could carry per-service choices gets the column. */
function addServicesColumn(db: SqliteDatabase): void {
  const columns = db.prepare('PRAGMA table_info(consent_records)').all() as { name: string }[];
  if (!columns.some((column) => column.name === 'services')) db.exec('ALTER TABLE consent_records ADD COLUMN services TEXT');
}
