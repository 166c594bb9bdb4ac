import { get, promisifyRequest, update, type UseStore } from 'idb-keyval';
import { warnOnce } from '../log.js';
import type { ConsentDecision, ConsentLayer } from '../types.js';

/** One decision as the visitor made it, kept so they can see what they chose and when. */
export interface ConsentReceipt extends ConsentDecision {
  layer: ConsentLayer;
}

export const DATABASE_NAME = 'cookie-consent-widget';
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
 * decides (REQUIREMENTS 1). Every other module shares this one database through this store.
 */
export function consentStore(): UseStore {
  defaultStore ??= createClosableStore(DATABASE_NAME, STORE_NAME);
  return defaultStore;
}

export async function appendReceipt(receipt: ConsentReceipt, store: UseStore = consentStore()): Promise<boolean> {
  try {
    await update<ConsentReceipt[]>(HISTORY_KEY, (receipts) => [...(receipts ?? []), receipt].slice(-MAX_RECEIPTS), store);
    return true;
  } catch (error) {
    warnOnce('history-write', 'the decision history could not be saved in IndexedDB; the decision itself is kept.', error);
    return false;
  }
}

/** The visitor's receipts, oldest first; empty when IndexedDB is unavailable. */
export async function readReceipts(store: UseStore = consentStore()): Promise<ConsentReceipt[]> {
  try {
    const receipts = await get<unknown>(HISTORY_KEY, store);
    return Array.isArray(receipts) ? (receipts as ConsentReceipt[]) : [];
  } catch (error) {
    warnOnce('history-read', 'the decision history could not be read from IndexedDB.', error);
    return [];
  }
}
