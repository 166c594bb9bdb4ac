import type { ConsentRecord } from '../../core/delivery/record.js';
import type { InsertResult, QueryableConsentStore, StoredConsentRecord } from './store.js';

/** Keeps records in this process only: for tests and for trying the handler out. */
export function createMemoryStore(): QueryableConsentStore {
  const byEventId = new Map<string, StoredConsentRecord>();
  const copy = (record: StoredConsentRecord): StoredConsentRecord => ({ ...record, categories: { ...record.categories } });
  return {
    async insert(record: ConsentRecord): Promise<InsertResult> {
      if (byEventId.has(record.eventId)) return 'duplicate';
      byEventId.set(record.eventId, copy({ ...record, receivedAt: new Date().toISOString() }));
      return 'inserted';
    },
    async findByConsentId(consentId) {
      return [...byEventId.values()].filter((record) => record.consentId === consentId).map(copy);
    },
    async eraseByConsentId(consentId) {
      let erased = 0;
      for (const [eventId, record] of byEventId) {
        if (record.consentId !== consentId) continue;
        byEventId.delete(eventId);
        erased++;
      }
      return erased;
    },
    async list({ limit = 100, offset = 0 } = {}) {
      return [...byEventId.values()].reverse().slice(offset, offset + limit).map(copy);
    },
    async count() {
      return byEventId.size;
    },
  };
}
