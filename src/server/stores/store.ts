import type { ConsentRecord } from '../../core/delivery/record.js';
import type { ConsentInsightQueries } from './insights/counters.js';

/** `duplicate` when a record with the same eventId is already stored: the first one wins. */
export type InsertResult = 'inserted' | 'duplicate';

/** Where createConsentHandler puts records. Must be idempotent by `eventId`. */
export interface ConsentStore {
  insert(record: StorableRecord): Promise<InsertResult>;
}

/** What a store takes: a record, with its per-service choices when the site configured services. */
export type StorableRecord = ConsentRecord;

/** A stored record and when the server received it. */
export interface StoredConsentRecord extends ConsentRecord {
  receivedAt: string;
}

/** One page of a keyset walk through the records; `next` is null after the last page. */
export interface RecordPage {
  records: StoredConsentRecord[];
  next: string | null;
}

export interface ListPageOptions {
  /** The `next` of the previous page; absent for the first. Opaque: only the same store reads it. */
  after?: string | null;
  /** Default 500. */
  limit?: number;
  /** Default `oldest` (the order of receipt). */
  order?: 'oldest' | 'newest';
}

/** What the reference stores also offer, for a visitor's rights (access, erasure), retention and an admin view. */
export interface ConsentRecordQueries {
  /** Oldest first. */
  findByConsentId(consentId: string): Promise<StoredConsentRecord[]>;
  /** Resolves to how many records were erased. */
  eraseByConsentId(consentId: string): Promise<number>;
  /** Newest first. OFFSET paging: fine for a screenful, slow deep into a large table (use listPage). */
  list(options?: { limit?: number; offset?: number }): Promise<StoredConsentRecord[]>;
  /**
   * Keyset paging: each page costs the same however deep into the table it is, so a whole-table
   * export grows linearly with the row count.
   */
  listPage(options?: ListPageOptions): Promise<RecordPage>;
  count(): Promise<number>;
  /**
   * Erases every record received before `date` and resolves to how many. Works in batches and
   * yields between them, so a large purge never holds the process or the table for long.
   */
  purgeOlderThan(date: Date): Promise<number>;
}

/**
 * The bundled stores also keep the insights' daily counters (`ConsentInsightQueries`); a store of
 * your own may leave them out, and the admin's insights page then says so.
 */
export type QueryableConsentStore = ConsentStore & ConsentRecordQueries & Partial<ConsentInsightQueries>;
/** What createMemoryStore, createSqliteStore and createPostgresStore return. */
export type InsightfulConsentStore = ConsentStore & ConsentRecordQueries & ConsentInsightQueries;

/** Options every bundled store takes. */
export interface StoreClockOptions {
  /** The time stamped as `receivedAt`; tests pass a fake clock. Default the real time. SQL stores other than SQLite use the database's clock. */
  now?: () => Date;
}

export const DEFAULT_PAGE_SIZE = 500;
/** Rows per purge batch (SQLite's first batch; it then sizes batches by time). */
export const PURGE_BATCH_ROWS = 5_000;

/** Lets other requests run between two batches of a long job. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function checkPurgeDate(date: Date): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new TypeError('purgeOlderThan needs a valid Date');
}
