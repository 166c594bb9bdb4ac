// Node helpers for a site's backend. No DOM, no Lit: safe in any server runtime.
export { parseConsentCookie } from './consent-cookie.js';
export type { ParseConsentCookieOptions } from './consent-cookie.js';
export { validateConsentRecord, RECORD_FIELDS, OPTIONAL_RECORD_FIELDS, EARLIEST_TIME, LATEST_TIME } from './validate-record.js';
export type { ValidationResult } from './validate-record.js';
export { createConsentHandler, DEFAULT_MAX_BODY_BYTES } from './handler.js';
export type { ConsentHandlerOptions, Refusal } from './handler.js';
export { createMemoryStore } from './stores/memory.js';
export { createSqliteStore, SQLITE_SCHEMA } from './stores/sqlite.js';
export type { SqliteDatabase } from './stores/sqlite.js';
export { createPostgresStore, POSTGRES_SCHEMA } from './stores/postgres.js';
export type { PostgresQueryable, PostgresStoreOptions } from './stores/postgres.js';
export type {
  ConsentStore,
  ConsentRecordQueries,
  InsertResult,
  InsightfulConsentStore,
  ListPageOptions,
  QueryableConsentStore,
  RecordPage,
  StorableRecord,
  StoreClockOptions,
  StoredConsentRecord,
} from './stores/store.js';
export type { ConsentInsightQueries, CounterPoints, CounterRange, FirstSeen, InsightCounter, InsightDimension } from './stores/insights/counters.js';
export type { ConsentRecord } from '../core/delivery/record.js';
export type { ConsentDecision, ConsentMethod, ConsentLayer } from '../core/types.js';
