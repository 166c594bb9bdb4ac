import { get, update, type UseStore } from 'idb-keyval';
import { DATABASE_NAME } from '../storage/database.js';
import { consentStore } from '../storage/history.js';
import { pageStorage, setOutboxHint } from './outbox-hint.js';
import { MAX_OUTBOX, validEntries, withAttempts, withoutRecord, withRecord, type OutboxEntry } from './outbox-policy.js';
import type { ConsentRecord } from './record.js';

export { MAX_OUTBOX, type OutboxEntry } from './outbox-policy.js';

/** Kept in the same database as the receipts, under its own key (idb-keyval cannot add stores). */
const OUTBOX_KEY = 'outbox';

/**
 * Adds a record; resolves to the entries pushed out at the bound, which the caller must report.
 * Rejects when IndexedDB fails: the caller then still sends the record from memory.
 */
export async function addToOutbox(record: ConsentRecord, store: UseStore = consentStore(), bound = MAX_OUTBOX): Promise<OutboxEntry[]> {
  let evicted: OutboxEntry[] = [];
  await update<OutboxEntry[]>(
    OUTBOX_KEY,
    (entries) => {
      let kept: OutboxEntry[];
      [kept, evicted] = withRecord(entries, record, bound);
      return kept;
    },
    store,
  );
  setOutboxHint(pageStorage(), true);
  return evicted;
}

export async function readOutbox(store: UseStore = consentStore()): Promise<OutboxEntry[]> {
  return validEntries(await get<unknown>(OUTBOX_KEY, store));
}

/** Done with a record: delivered or refused for good. */
export async function removeFromOutbox(eventId: string, store: UseStore = consentStore()): Promise<void> {
  let left = 0;
  await update<OutboxEntry[]>(
    OUTBOX_KEY,
    (entries) => {
      const kept = withoutRecord(entries, eventId);
      left = kept.length;
      return kept;
    },
    store,
  );
  if (left === 0) setOutboxHint(pageStorage(), false);
}

export async function saveAttempts(eventId: string, attempts: number, store: UseStore = consentStore()): Promise<void> {
  await update<OutboxEntry[]>(OUTBOX_KEY, (entries) => withAttempts(entries, eventId, attempts), store);
}

/**
 * Whether the widget's database exists. Opening it would create it, and nothing may be stored
 * before the visitor decides (docs/compliance.md, C1), so a page load without one has nothing to resend.
 * Where `indexedDB.databases()` is missing, only a page with a decision looks.
 */
export async function outboxMayExist(win: Window, hasDecision: boolean): Promise<boolean> {
  const factory = win.indexedDB as IDBFactory | undefined;
  if (!factory) return false;
  if (typeof factory.databases !== 'function') return hasDecision;
  const databases = await factory.databases();
  return databases.some((database) => database.name === DATABASE_NAME);
}
