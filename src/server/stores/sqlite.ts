import type { ConsentRecord } from '../../core/delivery/record.js';
import { COLUMNS, recordFromRow, rowValues, type ConsentRow } from './rows.js';
import type { InsertResult, QueryableConsentStore } from './store.js';

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
  page_url TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS consent_records_event_id ON consent_records (event_id);
CREATE INDEX IF NOT EXISTS consent_records_consent_id ON consent_records (consent_id);
`;

/**
 * Records in SQLite through better-sqlite3 (synchronous, so one process is the only writer).
 * The unique index on event_id makes a repeated delivery a no-op.
 */
export function createSqliteStore(db: SqliteDatabase): QueryableConsentStore {
  db.exec(SQLITE_SCHEMA);
  const insert = db.prepare(
    `INSERT INTO consent_records (${COLUMNS}, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (event_id) DO NOTHING`,
  );
  const byConsentId = db.prepare(`SELECT * FROM consent_records WHERE consent_id = ? ORDER BY decided_at, rowid`);
  const erase = db.prepare(`DELETE FROM consent_records WHERE consent_id = ?`);
  const page = db.prepare(`SELECT * FROM consent_records ORDER BY rowid DESC LIMIT ? OFFSET ?`);
  const count = db.prepare(`SELECT COUNT(*) AS n FROM consent_records`);
  return {
    async insert(record: ConsentRecord): Promise<InsertResult> {
      const { changes } = insert.run(...rowValues(record, record.gpc ? 1 : 0), new Date().toISOString());
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
    async count() {
      return (count.get() as { n: number }).n;
    },
  };
}
