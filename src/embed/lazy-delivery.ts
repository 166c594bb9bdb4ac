import type { ConsentDelivery, DeliveryOptions } from '../core/delivery/delivery.js';
import { outboxHinted } from '../core/delivery/outbox-hint.js';
import type { ConsentChangeDetail } from '../core/events.js';
import type { ConsentManager } from '../core/manager.js';
import { RUNTIME_KEY, type EmbedRuntime } from './runtime.js';

interface DeliveryChunk {
  startDelivery(manager: ConsentManager, options: DeliveryOptions): ConsentDelivery | null;
}

const RETRY_LOAD_MS = 15_000;

/**
 * Delivery in the script-tag build (rollup puts this in place of core/delivery/delivery.js):
 * a returning visitor with nothing to resend never downloads it. It loads as soon as a decision
 * may come (the banner or the preferences are shown), when the outbox hint says records wait,
 * or on a decision made through the API; decisions seen while it loads are handed over.
 */
export function startDelivery(manager: ConsentManager, options: DeliveryOptions = {}): ConsentDelivery | null {
  if (!manager.config?.endpoint) return null;
  const win = options.window ?? window;
  const runtime = (win as unknown as Record<symbol, EmbedRuntime>)[RUNTIME_KEY]!;
  const backlog: ConsentChangeDetail[] = [];
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
    (loading ??= Promise.all([runtime.load('store'), runtime.load('delivery')]).then(
      ([, chunk]) => {
        stopListening();
        if (stopped) return null;
        return (chunk as DeliveryChunk).startDelivery(manager, { ...options, backlog: backlog.splice(0) });
      },
      () => {
        // The loader warned. Decisions waiting for it are not given up: try again later.
        loading = null;
        if (backlog.length > 0 && !stopped) retry = win.setTimeout(() => void load(), RETRY_LOAD_MS);
        return null;
      },
    ));

  const onChange = (event: Event): void => {
    backlog.push((event as CustomEvent<ConsentChangeDetail>).detail);
    void load();
  };
  const onView = (): void => {
    if (manager.view !== 'none') void load();
  };
  const onOnline = (): void => {
    if (backlog.length > 0) void load();
  };

  manager.addEventListener('consent-change', onChange);
  manager.addEventListener('consent-view', onView);
  win.addEventListener('online', onOnline);
  if (manager.view !== 'none' || outboxHinted(win)) void load();

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
