import { createMemoryInsights } from './insights/memory.js';
import {
  checkPurgeDate,
  DEFAULT_PAGE_SIZE,
  type InsertResult,
  type StorableRecord,
  type InsightfulConsentStore,
  type StoreClockOptions,
  type StoredConsentRecord,
} from './store.js';

/** Keeps records in this process only: for tests and for trying the handler out. */
export function createMemoryStore({ now = () => new Date() }: StoreClockOptions = {}): InsightfulConsentStore {
  // Keyed by an ever-growing sequence number, so insertion order survives erasure and serves as the cursor.
  const bySequence = new Map<number, StoredConsentRecord>();
  const eventIds = new Map<string, number>();
  // Each visitor's records, for the insights, which work a visitor out again whenever their records change.
  const byConsentId = new Map<string, Set<StoredConsentRecord>>();
  let sequence = 0;
  const insights = createMemoryInsights((consentId) => [...(byConsentId.get(consentId) ?? [])]);
  const copy = (record: StoredConsentRecord): StoredConsentRecord => ({
    ...record,
    categories: { ...record.categories },
    ...(record.services ? { services: { ...record.services } } : {}),
  });
  const remove = (seq: number, record: StoredConsentRecord): void => {
    bySequence.delete(seq);
    eventIds.delete(record.eventId);
    byConsentId.get(record.consentId)?.delete(record);
    if (byConsentId.get(record.consentId)?.size === 0) byConsentId.delete(record.consentId);
    insights.gone(record);
  };
  return {
    insightCounters: insights.insightCounters,
    insightFirstSeen: insights.insightFirstSeen,
    async insert(record: StorableRecord): Promise<InsertResult> {
      if (eventIds.has(record.eventId)) return 'duplicate';
      sequence++;
      const stored = copy({ ...record, receivedAt: now().toISOString() });
      bySequence.set(sequence, stored);
      eventIds.set(record.eventId, sequence);
      byConsentId.set(record.consentId, (byConsentId.get(record.consentId) ?? new Set()).add(stored));
      insights.added(stored);
      return 'inserted';
    },
    async findByConsentId(consentId) {
      return [...bySequence.values()].filter((record) => record.consentId === consentId).map(copy);
    },
    async eraseByConsentId(consentId) {
      let erased = 0;
      for (const [seq, record] of bySequence) {
        if (record.consentId !== consentId) continue;
        remove(seq, record);
        erased++;
      }
      return erased;
    },
    async list({ limit = 100, offset = 0 } = {}) {
      return [...bySequence.values()]
        .reverse()
        .slice(offset, offset + limit)
        .map(copy);
    },
    async listPage({ after = null, limit = DEFAULT_PAGE_SIZE, order = 'oldest' } = {}) {
      const from = after === null ? undefined : Number(after);
      let entries = [...bySequence.entries()];
      if (order === 'newest') entries.reverse();
      if (from !== undefined) entries = entries.filter(([seq]) => (order === 'oldest' ? seq > from : seq < from));
      const page = entries.slice(0, limit);
      return {
        records: page.map(([, record]) => copy(record)),
        next: page.length === limit ? String(page.at(-1)![0]) : null,
      };
    },
    async count() {
      return bySequence.size;
    },
    async purgeOlderThan(date) {
      checkPurgeDate(date);
      const cutoff = date.toISOString();
      let purged = 0;
      for (const [seq, record] of bySequence) {
        if (record.receivedAt >= cutoff) continue;
        remove(seq, record);
        purged++;
      }
      return purged;
    },
  };
}
