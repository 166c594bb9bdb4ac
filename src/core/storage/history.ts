import { get, promisifyRequest, update, type UseStore } from 'idb-keyval';
import { warnOnce } from '../log.js';
import { DATABASE_NAME } from './database.js';
import type { ConsentDecision, ConsentLayer } from '../types.js';

/** One decision as the visitor made it, kept so they can see what they chose and when. */
export interface ConsentReceipt extends ConsentDecision {
  layer: ConsentLayer;
}

export { DATABASE_NAME } from './database.js';
const STORE_NAME = 'keyval';
const HISTORY_KEY = 'history';
/** Enough to show a visitor years of changes of mind without growing without bound. */
export const MAX_RECEIPTS = 200;

let defaultStore: UseStore | undefined;

/**
 * idb-keyval's createStore, plus closing the connection when another tab (or the visitor's
 * "erase my data") deletes or upgrades the database: an open connection would block that forever.
 */
function createClosableStore(databaseName: string, storeName: string): UseStore {
  let database: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    if (database) return database;
    const request = indexedDB.open(databaseName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    database = promisifyRequest(request);
    database.then(
      (db) => {
        db.onversionchange = () => {
          db.close();
          database = undefined;
        };
        db.onclose = () => (database = undefined);
      },
      () => (database = undefined),
    );
    return database;
  };
  return (mode, callback) => open().then((db) => callback(db.transaction(storeName, mode).objectStore(storeName)));
}

/**
 * Opened lazily: opening creates the database, and nothing may be stored before the visitor
 * decides (docs/compliance.md, C1). Every other module shares this one database through this store.
 */
export function consentStore(): UseStore {
  defaultStore ??= createClosableStore(DATABASE_NAME, STORE_NAME);
  return defaultStore;
}

const METHODS = new Set(['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc']);

/**
 * Whether a stored value has the shape of a receipt. The database may hold what another version
 * of the widget, an extension or a tampering script left there: it is skipped, never trusted.
 */
function isReceipt(value: unknown): value is ConsentReceipt {
  if (typeof value !== 'object' || value === null) return false;
  const receipt = value as Partial<Record<keyof ConsentReceipt, unknown>>;
  const categories = receipt.categories;
  return (
    typeof receipt.consentId === 'string' &&
    typeof receipt.revision === 'number' &&
    typeof receipt.timestamp === 'string' &&
    !Number.isNaN(Date.parse(receipt.timestamp)) &&
    typeof receipt.expiresAt === 'string' &&
    typeof receipt.method === 'string' &&
    METHODS.has(receipt.method) &&
    typeof receipt.layer === 'string' &&
    typeof categories === 'object' &&
    categories !== null &&
    !Array.isArray(categories) &&
    Object.values(categories).every((granted) => typeof granted === 'boolean')
  );
}

function validReceipts(value: unknown): ConsentReceipt[] {
  return Array.isArray(value) ? value.filter(isReceipt) : [];
}

export async function appendReceipt(receipt: ConsentReceipt, store: UseStore = consentStore()): Promise<boolean> {
  try {
    await update<unknown>(HISTORY_KEY, (stored) => [...validReceipts(stored), receipt].slice(-MAX_RECEIPTS), store);
    return true;
  } catch (error) {
    warnOnce('history-write', 'the decision history could not be saved in IndexedDB; the decision itself is kept.', error);
    return false;
  }
}

/** The visitor's receipts, oldest first; empty when IndexedDB is unavailable. */
export async function readReceipts(store: UseStore = consentStore()): Promise<ConsentReceipt[]> {
  try {
    return validReceipts(await get<unknown>(HISTORY_KEY, store));
  } catch (error) {
    warnOnce('history-read', 'the decision history could not be read from IndexedDB.', error);
    return [];
  }
}
