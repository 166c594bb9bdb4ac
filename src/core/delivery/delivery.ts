import type { UseStore } from 'idb-keyval';
import type { ConsentChangeDetail, ConsentDeliveredDetail, ConsentDeliveryFailedDetail } from '../events.js';
import { warnOnce } from '../log.js';
import type { ConsentManager } from '../manager.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { takeBacklog, type BacklogEntry } from './backlog.js';
import { outboxMayExist } from './outbox.js';
import type { OutboxEntry } from './outbox-policy.js';
import { pageStorage } from './outbox-hint.js';
import { keepDecision, type PendingDecision } from './pending-records.js';
import { buildConsentRecord } from './record.js';
import { createRetryScheduler } from './retry.js';
import { flushOnHide, postRecord } from './send.js';
import { createWaitingRecords } from './waiting.js';

export type { BacklogEntry } from './backlog.js';

export interface DeliveryOptions {
  window?: Window;
  backoff?: Partial<BackoffOptions>;
  /** A request without an answer by then counts as failed and is retried. Default 10 s. */
  timeoutMs?: number;
  /** The idb-keyval store of the outbox; tests pass their own. Default: the widget's database. */
  store?: UseStore;
  /**
   * Decisions made before delivery started, recorded first, each with what the visitor was shown
   * and on which page. The script-tag build loads delivery on demand and hands over the changes
   * it saw while loading. Those kept in localStorage (src/core/delivery/pending-records.ts), by
   * this page or one that closed meanwhile, are read here in any case.
   */
  backlog?: unknown[];
}

export interface ConsentDelivery {
  /** Sends whatever is waiting now, ignoring the backoff. */
  flush(): Promise<void>;
  /** Stops listening and retrying; the outbox keeps what is left for the next page load. */
  stop(): void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const running = new WeakMap<ConsentManager, ConsentDelivery>();

/**
 * Delivers a ConsentRecord of every decision made in this tab to `config.endpoint`, at least
 * once: queued in IndexedDB first, POSTed, retried with backoff, again on `online` and on the
 * next page load, handed to sendBeacon on `pagehide`. Does nothing without an endpoint. Never
 * throws or rejects into the page: failures become `consent-delivery-failed` events.
 */
export function startDelivery(manager: ConsentManager, options: DeliveryOptions = {}): ConsentDelivery | null {
  const endpointSetting = manager.config?.endpoint;
  if (!endpointSetting) return null;
  const existing = running.get(manager);
  if (existing) return existing;
  try {
    const delivery = createDelivery(manager, endpointSetting, options);
    running.set(manager, delivery);
    return delivery;
  } catch (error) {
    warnOnce('delivery-start', 'consent records cannot be delivered on this page.', error);
    return null;
  }
}

/**
 * The parts, each in a module of its own: the records waiting (src/core/delivery/waiting.ts, over
 * the outbox of outbox.ts and outbox-policy.ts), the retries and their backoff (retry.ts), the
 * requests (send.ts); here, one try's outcome and the events, and what starts and stops it all.
 */
function createDelivery(manager: ConsentManager, endpointSetting: string, options: DeliveryOptions): ConsentDelivery {
  const win = options.window ?? window;
  const endpoint = new URL(endpointSetting, win.document.baseURI).href;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const storage = pageStorage(win);
  const records = createWaitingRecords(options.store, storage);
  const inFlight = new Set<string>();

  const emit = <K extends 'consent-delivered' | 'consent-delivery-failed'>(
    type: K,
    detail: K extends 'consent-delivered' ? ConsentDeliveredDetail : ConsentDeliveryFailedDetail,
  ): void => {
    manager.dispatchEvent(new CustomEvent(type, { detail }));
    win.document.dispatchEvent(new CustomEvent(type, { detail }));
  };

  /** One try of one record; false when the backend seems unreachable and the pass should pause. */
  const attempt = async (entry: OutboxEntry): Promise<boolean> => {
    const { record } = entry;
    const attempts = entry.attempts + 1;
    inFlight.add(record.eventId);
    const outcome = await postRecord(win, endpoint, record, timeoutMs);
    inFlight.delete(record.eventId);
    if (outcome.kind === 'delivered') {
      await records.settle(entry);
      emit('consent-delivered', { record, attempts });
      return true;
    }
    if (outcome.kind === 'rejected') {
      await records.settle(entry);
      warnOnce('delivery-rejected', `the endpoint refused a consent record (${outcome.error}); it is dropped, not retried.`);
      emit('consent-delivery-failed', { record, attempts, error: outcome.error, willRetry: false });
      return true;
    }
    await records.tried(entry, attempts);
    emit('consent-delivery-failed', { record, attempts, error: outcome.error, willRetry: true });
    return false;
  };

  const retries = createRetryScheduler(
    async () => (await records.read()).filter((entry) => !inFlight.has(entry.record.eventId)),
    attempt,
    { ...DEFAULT_BACKOFF, ...options.backoff },
    win,
  );

  const enqueue = async (kept: PendingDecision): Promise<void> => {
    const record = await buildConsentRecord(kept, (win.navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true);
    for (const evicted of await records.add(record)) {
      warnOnce('delivery-evicted', 'the consent outbox is full; its oldest record was dropped.');
      emit('consent-delivery-failed', {
        record: evicted.record,
        attempts: evicted.attempts,
        error: 'outbox full: the oldest undelivered record was dropped',
        willRetry: false,
      });
    }
    await retries.run();
  };

  const record = (detail: ConsentChangeDetail, earlier?: BacklogEntry): void => {
    // Another tab's decision is recorded by that tab; a reset is not a decision.
    if (detail.origin !== 'this-tab' || !detail.decision) return;
    // Handed on (kept by the script-tag build while delivery loaded, or by an earlier page): kept already.
    const kept: PendingDecision = earlier?.eventId
      ? { detail, eventId: earlier.eventId, presentation: earlier.presentation ?? manager.presentation, location: earlier.location ?? win.location }
      : keepDecision(storage, detail, manager.presentation, win.location);
    enqueue(kept).catch((error: unknown) => warnOnce('delivery-enqueue', 'a consent record could not be prepared.', error));
  };
  const onChange = (event: CustomEvent<ConsentChangeDetail>): void => record(event.detail);
  const onOnline = (): void => retries.networkBack();
  const onPageHide = (): void => {
    try {
      flushOnHide(
        win,
        endpoint,
        records
          .known()
          .filter((entry) => !inFlight.has(entry.record.eventId))
          .map((entry) => entry.record),
      );
    } catch (error) {
      warnOnce('delivery-beacon', 'consent records could not be handed to the browser on leaving the page.', error);
    }
  };
  const onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) void retries.run();
  };

  manager.addEventListener('consent-change', onChange);
  win.addEventListener('online', onOnline);
  win.addEventListener('pagehide', onPageHide);
  win.addEventListener('pageshow', onPageShow);

  for (const earlier of takeBacklog(storage, options.backlog)) record(earlier.detail, earlier);

  // Records an earlier page load could not deliver.
  outboxMayExist(win, manager.decision !== null).then(
    (exists) => (exists ? retries.run() : undefined),
    (error: unknown) => warnOnce('delivery-resume', 'the consent outbox could not be checked.', error),
  );

  return {
    flush: retries.run,
    stop: () => {
      retries.stop();
      manager.removeEventListener('consent-change', onChange as EventListener);
      win.removeEventListener('online', onOnline);
      win.removeEventListener('pagehide', onPageHide);
      win.removeEventListener('pageshow', onPageShow);
      running.delete(manager);
    },
  };
}
