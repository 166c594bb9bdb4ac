import type { BacklogEntry, ConsentDelivery, DeliveryOptions } from '../core/delivery/delivery.js';
import { outboxHinted, pageStorage } from '../core/delivery/outbox-hint.js';
import type { ConsentChangeDetail } from '../core/events.js';
import type { ConsentManager } from '../core/manager.js';
import { keepDecision, readPendingRecords } from '../core/delivery/pending-records.js';
import { loadChunk } from './runtime.js';

const RETRY_LOAD_MS = 15_000;

/**
 * Delivery in the script-tag build (its part in src/embed/lazy-parts.ts):
 * a returning visitor with nothing to resend never downloads it. It loads as soon as a decision
 * may come (the banner or the preferences are shown), when the outbox hint says records wait,
 * or on a decision made through the API; decisions seen while it loads are handed over.
 */
export function startDelivery(manager: ConsentManager, options: DeliveryOptions = {}): ConsentDelivery | null {
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

  const load = (): Promise<ConsentDelivery | null> =>
    // The receipts chunk first: the outbox uses its database connection.
    (loading ??= Promise.all([loadChunk('store', win), loadChunk('delivery', win)]).then(
      ([, chunk]) => {
        stopListening();
        if (stopped) return null;
        // Delivery takes each out of localStorage once its record is in the IndexedDB outbox.
        return chunk.startDelivery(manager, { ...options, backlog: backlog.splice(0) });
      },
      () => {
        // The loader warned. Decisions waiting for it are not given up: try again later.
        loading = null;
        if (waiting() && !stopped) retry = win.setTimeout(() => void load(), RETRY_LOAD_MS);
        return null;
      },
    ));

  const onChange = (event: Event): void => {
    const detail = (event as CustomEvent<ConsentChangeDetail>).detail;
    if (detail.origin !== 'this-tab' || !detail.decision) return;
    backlog.push(keepDecision(storage, detail, manager.presentation, win.location));
    void load();
  };
  const onView = (): void => {
    if (manager.view !== 'none') void load();
  };
  const onOnline = (): void => {
    if (waiting()) void load();
  };

  manager.addEventListener('consent-change', onChange);
  manager.addEventListener('consent-view', onView);
  win.addEventListener('online', onOnline);
  if (manager.view !== 'none' || outboxHinted(win) || waiting()) void load();

  return {
    flush: async () => {
      await (await load())?.flush();
    },
    stop: () => {
      stopped = true;
      win.clearTimeout(retry);
      stopListening();
      void loading?.then((delivery) => delivery?.stop());
    },
  };
}
