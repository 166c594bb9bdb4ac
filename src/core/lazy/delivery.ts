import type { BacklogEntry, ConsentDelivery, DeliveryOptions } from '../delivery/delivery.js';
import { outboxHinted, pageStorage } from '../delivery/outbox-hint.js';
import type { ConsentChangeDetail } from '../events.js';
import type { ConsentManager } from '../manager.js';
import { keepDecision, readPendingRecords } from '../delivery/pending-records.js';
import type { PartLoader } from './part-modules.js';

const RETRY_LOAD_MS = 15_000;

/**
 * Delivery, loaded on demand: a returning visitor with nothing to resend never downloads it. It loads as soon as a decision
 * may come (the banner or the preferences are shown), when the outbox hint says records wait,
 * or on a decision made through the API; decisions seen while it loads are handed over.
 */
export function lazyDelivery(load: PartLoader) {
  return (manager: ConsentManager, options: DeliveryOptions = {}): ConsentDelivery | null => startLazyDelivery(load, manager, options);
}

function startLazyDelivery(load: PartLoader, manager: ConsentManager, options: DeliveryOptions): ConsentDelivery | null {
  if (!manager.config?.endpoint) return null;
  const win = options.window ?? window;
  const storage = pageStorage(win);
  /** This page's decisions while delivery loads; also kept in localStorage, which delivery reads itself. */
  const backlog: BacklogEntry[] = [];
  /** Whether decisions wait in memory or, from earlier pages, in localStorage. */
  const waiting = (): boolean => backlog.length > 0 || readPendingRecords(storage).length > 0;
  let loading: Promise<ConsentDelivery | null> | null = null;
  let retry: ReturnType<Window['setTimeout']> | undefined;
  let stopped = false;

  const stopListening = (): void => {
    manager.removeEventListener('consent-change', onChange);
    manager.removeEventListener('consent-view', onView);
    win.removeEventListener('online', onOnline);
  };

  const loadDelivery = (): Promise<ConsentDelivery | null> =>
    // The outbox shares the receipts' database connection.
    (loading ??= Promise.all([load('store', win), load('delivery', win)]).then(
      ([store, chunk]) => {
        stopListening();
        if (stopped) return null;
        // Delivery takes each out of localStorage once its record is in the IndexedDB outbox.
        return chunk.startDelivery(manager, { store: store.consentStore(), ...options, backlog: backlog.splice(0) });
      },
      () => {
        // The loader warned. Decisions waiting for it are not given up: try again later.
        loading = null;
        if (waiting() && !stopped) retry = win.setTimeout(() => void loadDelivery(), RETRY_LOAD_MS);
        return null;
      },
    ));

  const onChange = (event: Event): void => {
    const detail = (event as CustomEvent<ConsentChangeDetail>).detail;
    if (detail.origin !== 'this-tab' || !detail.decision) return;
    backlog.push(keepDecision(storage, detail, manager.presentation, win.location));
    void loadDelivery();
  };
  const onView = (): void => {
    if (manager.view !== 'none') void loadDelivery();
  };
  const onOnline = (): void => {
    if (waiting()) void loadDelivery();
  };

  manager.addEventListener('consent-change', onChange);
  manager.addEventListener('consent-view', onView);
  win.addEventListener('online', onOnline);
  if (manager.view !== 'none' || outboxHinted(win) || waiting()) void loadDelivery();

  return {
    flush: async () => {
      await (await loadDelivery())?.flush();
    },
    stop: () => {
      stopped = true;
      win.clearTimeout(retry);
      stopListening();
      void loading?.then((delivery) => delivery?.stop());
    },
  };
}
