import type { UseStore } from 'idb-keyval';
import { warnOnce } from '../log.js';
import { addToOutbox, readOutbox, removeFromOutbox, saveAttempts } from './outbox.js';
import { allWaiting, type OutboxEntry } from './outbox-policy.js';
import { dropPendingRecord } from './pending-records.js';
import type { ConsentRecord } from './record.js';

/** The records one tab knows are waiting: the IndexedDB outbox, and in memory what IndexedDB refused. */
export interface WaitingRecords {
  /** Everything waiting, read afresh. */
  read(): Promise<OutboxEntry[]>;
  /** What the last read and the records added since make waiting, synchronously (for `pagehide`). */
  known(): OutboxEntry[];
  /**
   * Queues a new record. Resolves to the records pushed out of a full outbox, which the caller
   * reports. Never rejects: a record IndexedDB refuses waits in memory for as long as the page lives.
   */
  add(record: ConsentRecord): Promise<OutboxEntry[]>;
  /** Done with a record: delivered, or refused for good. */
  settle(entry: OutboxEntry): Promise<void>;
  /** A failed try, counted in the entry and the outbox. */
  tried(entry: OutboxEntry, attempts: number): Promise<void>;
}

/**
 * `store`: the outbox's idb-keyval store (the widget's database by default; tests pass an
 * in-memory one). `storage`: the localStorage of pending records (src/core/delivery/pending-records.ts),
 * from which a record is taken once it is safe in the outbox, or done with.
 */
export function createWaitingRecords(store: UseStore | undefined, storage: Storage | undefined): WaitingRecords {
  /** What this tab knows is waiting, for the synchronous `pagehide` flush. */
  const waiting = new Map<string, OutboxEntry>();
  /** Records IndexedDB refused to keep: sent from memory for as long as the page lives. */
  const unsaved = new Map<string, OutboxEntry>();

  const quietly = async (what: string, action: () => Promise<unknown>): Promise<void> => {
    try {
      await action();
    } catch (error) {
      warnOnce(`delivery-${what}`, `the consent outbox could not be updated in IndexedDB (${what}); delivery goes on from memory.`, error);
    }
  };

  return {
    read: async () => {
      let stored: OutboxEntry[] = [];
      try {
        stored = await readOutbox(store);
      } catch (error) {
        warnOnce('delivery-read', 'the consent outbox could not be read from IndexedDB.', error);
      }
      const all = allWaiting(stored, unsaved.values());
      waiting.clear();
      all.forEach((entry) => waiting.set(entry.record.eventId, entry));
      return all;
    },
    known: () => [...waiting.values()],
    add: async (record) => {
      const entry: OutboxEntry = { record, attempts: 0 };
      waiting.set(record.eventId, entry);
      try {
        const evicted = await addToOutbox(record, store);
        evicted.forEach((gone) => waiting.delete(gone.record.eventId));
        // Safe in the outbox now, which the next page load reads.
        dropPendingRecord(storage, record.eventId);
        return evicted;
      } catch (error) {
        unsaved.set(record.eventId, entry);
        warnOnce('delivery-save', 'the consent record could not be queued in IndexedDB; it is sent from memory.', error);
        return [];
      }
    },
    settle: async (entry) => {
      const id = entry.record.eventId;
      waiting.delete(id);
      unsaved.delete(id);
      dropPendingRecord(storage, id);
      await quietly('remove', () => removeFromOutbox(id, store));
    },
    tried: async (entry, attempts) => {
      entry.attempts = attempts;
      await quietly('attempts', () => saveAttempts(entry.record.eventId, attempts, store));
    },
  };
}
