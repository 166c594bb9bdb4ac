import type { ConsentRecord } from '../../core/delivery/record.js';
import { COLUMNS, recordFromRow, rowValues, type ConsentRow } from './rows.js';
import type { InsertResult, QueryableConsentStore } from './store.js';

/** The part of a `pg` Pool (or Client) this store uses; the site brings its own driver. */
export interface PostgresQueryable {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null; rows: unknown[] }>;
}

export const POSTGRES_SCHEMA = `
CREATE TABLE IF NOT EXISTS consent_records (
  event_id uuid NOT NULL,
  consent_id uuid NOT NULL,
  decided_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  revision integer NOT NULL,
  method text NOT NULL,
  layer text NOT NULL,
  categories jsonb NOT NULL,
  language text NOT NULL,
  text_hash char(64) NOT NULL,
  widget_version text NOT NULL,
  gpc boolean NOT NULL,
  page_url text NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS consent_records_event_id ON consent_records (event_id);
CREATE INDEX IF NOT EXISTS consent_records_consent_id ON consent_records (consent_id);
`;

export interface PostgresStoreOptions {
  /** Create the table and indexes on first use (`IF NOT EXISTS`). Default true; turn off when migrations own the schema. */
  createSchema?: boolean;
}

/**
 * Records in PostgreSQL, for sites with more than one receiver process: the unique index on
 * event_id and `ON CONFLICT DO NOTHING` keep a record stored once however many deliveries race.
 */
export function createPostgresStore(pool: PostgresQueryable, { createSchema = true }: PostgresStoreOptions = {}): QueryableConsentStore {
  let schema: Promise<unknown> | undefined;
  const ready = (): Promise<unknown> => {
    if (!createSchema) return Promise.resolve();
    schema ??= pool.query(POSTGRES_SCHEMA).catch((error: unknown) => {
      schema = undefined;
      throw error;
    });
    return schema;
  };
  const select = `SELECT event_id, consent_id, decided_at, received_at, revision, method, layer, categories,
    language, text_hash, widget_version, gpc, page_url FROM consent_records`;
  return {
    async insert(record: ConsentRecord): Promise<InsertResult> {
      await ready();
      const result = await pool.query(
        `INSERT INTO consent_records (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (event_id) DO NOTHING`,
        rowValues(record, record.gpc),
      );
      return result.rowCount === 1 ? 'inserted' : 'duplicate';
    },
    async findByConsentId(consentId) {
      await ready();
      const { rows } = await pool.query(`${select} WHERE consent_id = $1 ORDER BY decided_at, received_at`, [consentId]);
      return (rows as ConsentRow[]).map(recordFromRow);
    },
    async eraseByConsentId(consentId) {
      await ready();
      return (await pool.query(`DELETE FROM consent_records WHERE consent_id = $1`, [consentId])).rowCount ?? 0;
    },
    async list({ limit = 100, offset = 0 } = {}) {
      await ready();
      const { rows } = await pool.query(`${select} ORDER BY received_at DESC, event_id LIMIT $1 OFFSET $2`, [limit, offset]);
      return (rows as ConsentRow[]).map(recordFromRow);
    },
    async count() {
      await ready();
      const { rows } = await pool.query(`SELECT COUNT(*)::int AS n FROM consent_records`);
      return (rows[0] as { n: number }).n;
    },
  };
}
