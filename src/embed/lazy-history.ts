import type { ConsentReceipt } from '../core/storage/history.js';
import { pageRuntime } from './runtime.js';

interface StoreChunk {
  appendReceipt(receipt: ConsentReceipt): Promise<boolean>;
  readReceipts(): Promise<ConsentReceipt[]>;
}

/**
 * The manager's receipts in the script-tag build (rollup.config.mjs puts this in place of
 * core/storage/history.js for the manager): IndexedDB and idb-keyval load with the first decision
 * or the first look at the history (dist/cookie-consent.store.js), not on every page view.
 * Both were asynchronous already; a chunk that cannot load counts as storage that failed.
 */
const store = (): Promise<StoreChunk> => pageRuntime().load('store') as Promise<StoreChunk>;

export function appendReceipt(receipt: ConsentReceipt): Promise<boolean> {
  return store().then(
    (chunk) => chunk.appendReceipt(receipt),
    () => false,
  );
}

export function readReceipts(): Promise<ConsentReceipt[]> {
  return store().then(
    (chunk) => chunk.readReceipts(),
    () => [],
  );
}
