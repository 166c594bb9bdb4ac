import { get, update, type UseStore } from 'idb-keyval';
import { DATABASE_NAME } from '../storage/database.js';
import { consentStore } from '../storage/history.js';
import { pageStorage, setOutboxHint } from './outbox-hint.js';
import type { ConsentRecord } from './record.js';

/** A record waiting for the backend to acknowledge it, with how often it was tried. */
export interface OutboxEntry {
  record: ConsentRecord;
  attempts: number;
}

/** Kept in the same database as the receipts, under its own key (idb-keyval cannot add stores). */
const OUTBOX_KEY = 'outbox';
/**
 * A visitor does not decide 100 times while the backend is unreachable; a bound keeps a broken
 * endpoint from filling the visitor's disk. At the bound the oldest record gives way, reported.
 */
export const MAX_OUTBOX = 100;

/**
 * Adds a record; resolves to the entries pushed out at the bound, which the caller must report.
 * Rejects when IndexedDB fails: the caller then still sends the record from memory.
 */
export async function addToOutbox(record: ConsentRecord, store: UseStore = consentStore(), bound = MAX_OUTBOX): Promise<OutboxEntry[]> {
  let evicted: OutboxEntry[] = [];
  await update<OutboxEntry[]>(
    OUTBOX_KEY,
    (entries) => {
      // A record handed on by two tabs (the same eventId) is kept once.
      const next = [...validEntries(entries).filter((entry) => entry.record.eventId !== record.eventId), { record, attempts: 0 }];
      evicted = next.slice(0, Math.max(0, next.length - bound));
      return next.slice(evicted.length);
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
      const kept = validEntries(entries).filter((entry) => entry.record.eventId !== eventId);
      left = kept.length;
      return kept;
    },
    store,
  );
  if (left === 0) setOutboxHint(pageStorage(), false);
}

export async function saveAttempts(eventId: string, attempts: number, store: UseStore = consentStore()): Promise<void> {
  await update<OutboxEntry[]>(
    OUTBOX_KEY,
    (entries) =>
      validEntries(entries).map((entry) => (entry.record.eventId === eventId ? { ...entry, attempts: Math.max(entry.attempts, attempts) } : entry)),
    store,
  );
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

/** Whatever another version of the widget (or a tampering extension) left there is skipped, not trusted. */
function validEntries(value: unknown): OutboxEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is OutboxEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as OutboxEntry).attempts === 'number' &&
      typeof (entry as OutboxEntry).record?.eventId === 'string',
  );
}
