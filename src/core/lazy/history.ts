import type { ConsentReceipt } from '../storage/history.js';
import type { PartLoader } from './part-modules.js';

/**
 * The manager's receipts, loaded with the first decision or the first look at the history
 * (IndexedDB and idb-keyval), not on every page view. Both were asynchronous already; a part
 * that cannot load counts as storage that failed.
 */
export function lazyHistory(load: PartLoader) {
  const store = () => load('store');
  /** The receipts this page is writing: a look at the history waits for them, so it shows the latest. */
  let writing: Promise<unknown> = Promise.resolve();
  return {
    appendReceipt: (receipt: ConsentReceipt): Promise<boolean> => {
      const written = store().then(
        (part) => part.appendReceipt(receipt),
        () => false,
      );
      writing = Promise.all([writing, written]);
      return written;
    },
    readReceipts: (): Promise<ConsentReceipt[]> =>
      writing.then(store).then(
        (part) => part.readReceipts(),
        () => [],
      ),
  };
}
