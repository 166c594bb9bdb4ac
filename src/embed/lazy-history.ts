import type { ConsentReceipt } from '../core/storage/history.js';
import { loadChunk } from './runtime.js';

/**
 * The manager's receipts in the script-tag build (its part in src/embed/lazy-parts.ts): IndexedDB and idb-keyval load with the first decision
 * or the first look at the history (dist/cookie-consent.store.js), not on every page view.
 * Both were asynchronous already; a chunk that cannot load counts as storage that failed.
 */
const store = () => loadChunk('store');

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
