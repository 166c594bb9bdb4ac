import { POSTGRES_INSIGHTS_SCHEMA, postgresInsights } from './insights/postgres.js';
import { COLUMNS, recordFromRow, rowValues, type ConsentRow } from './rows.js';
import { checkPurgeDate, DEFAULT_PAGE_SIZE, PURGE_BATCH_ROWS, type InsertResult, type InsightfulConsentStore, type StorableRecord } from './store.js';

/** The part of a `pg` Pool (or Client) this store uses; the site brings its own driver. */
export interface PostgresQueryable {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null; rows: unknown[] }>;
}

/** Any fixed number: it names the lock that lets one process at a time create the schema. */
const SCHEMA_LOCK_KEY = 7_134_611_203;

export const POSTGRES_SCHEMA = `
CREATE TABLE IF NOT EXISTS consent_records (
  event_id uuid PRIMARY KEY,
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
  page_url text NOT NULL,
  services jsonb
);
CREATE INDEX IF NOT EXISTS consent_records_consent_id ON consent_records (consent_id);
CREATE INDEX IF NOT EXISTS consent_records_received_at ON consent_records (received_at, event_id);
${POSTGRES_INSIGHTS_SCHEMA}`;

/**
 * One simple-query message, so it runs on one pooled connection inside one transaction: the
 * advisory lock makes processes that start together create the schema one after another
 * (`IF NOT EXISTS` alone races on the catalog and fails in all but one).
 */
const CREATE_SCHEMA_LOCKED = `BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY}); ${POSTGRES_SCHEMA} COMMIT;`;

export interface PostgresStoreOptions {
  /** Create the table and indexes on first use (`IF NOT EXISTS`, under an advisory lock). Default true; turn off when migrations own the schema. */
  createSchema?: boolean;
}

/** received_at to the microsecond as text, so a keyset cursor never skips or repeats a row. */
const CURSOR_TIME = `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/**
 * Records in PostgreSQL, for sites with more than one receiver process: event_id is the primary
 * key and `ON CONFLICT DO NOTHING` keeps a record stored once however many deliveries race.
 */
export function createPostgresStore(pool: PostgresQueryable, { createSchema = true }: PostgresStoreOptions = {}): InsightfulConsentStore {
  let schema: Promise<unknown> | undefined;
  const ready = (): Promise<unknown> => {
    if (!createSchema) return Promise.resolve();
    schema ??= pool.query(CREATE_SCHEMA_LOCKED).catch((error: unknown) => {
      schema = undefined;
      throw error;
    });
    return schema;
  };
  const fields = `event_id, consent_id, decided_at, received_at, revision, method, layer, categories,
    language, text_hash, widget_version, gpc, page_url, services`;
  const select = `SELECT ${fields} FROM consent_records`;
  return {
    ...postgresInsights(pool, ready),
    async insert(record: StorableRecord): Promise<InsertResult> {
      await ready();
      const result = await pool.query(
        `INSERT INTO consent_records (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
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
    async listPage({ after = null, limit = DEFAULT_PAGE_SIZE, order = 'oldest' } = {}) {
      await ready();
      const [direction, compare] = order === 'oldest' ? ['ASC', '>'] : ['DESC', '<'];
      const [time, eventId] = after === null ? [null, null] : parseCursor(after);
      const where = time === null ? '' : `WHERE (received_at, event_id) ${compare} (($2::timestamp AT TIME ZONE 'UTC'), $3::uuid)`;
      const { rows } = await pool.query(
        `SELECT ${fields}, ${CURSOR_TIME} AS cursor_time FROM consent_records ${where}
         ORDER BY received_at ${direction}, event_id ${direction} LIMIT $1`,
        time === null ? [limit] : [limit, time, eventId],
      );
      const last = rows.at(-1) as (ConsentRow & { cursor_time: string }) | undefined;
      return {
        records: (rows as ConsentRow[]).map(recordFromRow),
        next: rows.length === limit && last ? `${last.cursor_time}|${last.event_id}` : null,
      };
    },
    async count() {
      await ready();
      const { rows } = await pool.query(`SELECT COUNT(*)::int AS n FROM consent_records`);
      return (rows[0] as { n: number }).n;
    },
    async purgeOlderThan(date) {
      checkPurgeDate(date);
      await ready();
      let purged = 0;
      // Short transactions: a single DELETE of millions of rows would hold its locks and bloat the WAL for minutes.
      for (;;) {
        const { rowCount } = await pool.query(
          `DELETE FROM consent_records WHERE event_id IN
             (SELECT event_id FROM consent_records WHERE received_at < $1 LIMIT ${PURGE_BATCH_ROWS})`,
          [date.toISOString()],
        );
        purged += rowCount ?? 0;
        if ((rowCount ?? 0) < PURGE_BATCH_ROWS) return purged;
      }
    },
  };
}

function parseCursor(cursor: string): [string, string] {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6})\|([0-9a-f-]{36})$/.exec(cursor);
  if (!match) throw new TypeError('not a cursor of this store');
  return [match[1]!, match[2]!];
}
