import type { ConsentRecord } from '../../core/delivery/record.js';

/** `duplicate` when a record with the same eventId is already stored: the first one wins. */
export type InsertResult = 'inserted' | 'duplicate';

/** Where createConsentHandler puts records. Must be idempotent by `eventId`. */
export interface ConsentStore {
  insert(record: ConsentRecord): Promise<InsertResult>;
}

/** A stored record and when the server received it. */
export interface StoredConsentRecord extends ConsentRecord {
  receivedAt: string;
}

/** What the reference stores also offer, for a visitor's rights (access, erasure) and an admin view. */
export interface ConsentRecordQueries {
  /** Oldest first. */
  findByConsentId(consentId: string): Promise<StoredConsentRecord[]>;
  /** Resolves to how many records were erased. */
  eraseByConsentId(consentId: string): Promise<number>;
  /** Newest first. */
  list(options?: { limit?: number; offset?: number }): Promise<StoredConsentRecord[]>;
  count(): Promise<number>;
}

export type QueryableConsentStore = ConsentStore & ConsentRecordQueries;
