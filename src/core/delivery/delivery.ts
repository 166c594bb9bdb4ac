import type { UseStore } from 'idb-keyval';
import type { ConsentChangeDetail, ConsentDeliveredDetail, ConsentDeliveryFailedDetail } from '../events.js';
import { warnOnce } from '../log.js';
import type { ConsentManager, Presentation } from '../manager.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { addToOutbox, outboxMayExist, readOutbox, removeFromOutbox, saveAttempts, type OutboxEntry } from './outbox.js';
import { pageStorage } from './outbox-hint.js';
import { dropPendingRecord, keepDecision, readPendingRecords, writePendingRecords, type PendingDecision } from './pending-records.js';
import { buildConsentRecord } from './record.js';
import { flushOnHide, postRecord } from './send.js';

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

export interface BacklogEntry {
  detail: ConsentChangeDetail;
  /** Fixed when the decision was made: a record handed on twice (two tabs) is still stored once. */
  eventId?: string;
  presentation?: Presentation;
  location?: Pick<Location, 'origin' | 'pathname'>;
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

function createDelivery(manager: ConsentManager, endpointSetting: string, options: DeliveryOptions): ConsentDelivery {
  const win = options.window ?? window;
  const endpoint = new URL(endpointSetting, win.document.baseURI).href;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const store = options.store;
  const storage = pageStorage(win);
  /** What this tab knows is waiting, for the synchronous `pagehide` flush. */
  const waiting = new Map<string, OutboxEntry>();
  /** Records IndexedDB refused to keep: sent from memory for as long as the page lives. */
  const unsaved = new Map<string, OutboxEntry>();
  const inFlight = new Set<string>();
  let failures = 0;
  let timer: ReturnType<Window['setTimeout']> | undefined;
  let round: Promise<void> | null = null;
  let again = false;
  /** Set by an `online` event; a failure seen after it is retried at once rather than backed off. */
  let networkBack = false;
  let stopped = false;

  const emit = <K extends 'consent-delivered' | 'consent-delivery-failed'>(
    type: K,
    detail: K extends 'consent-delivered' ? ConsentDeliveredDetail : ConsentDeliveryFailedDetail,
  ): void => {
    manager.dispatchEvent(new CustomEvent(type, { detail }));
    win.document.dispatchEvent(new CustomEvent(type, { detail }));
  };

  const quietly = async (what: string, action: () => Promise<unknown>): Promise<void> => {
    try {
      await action();
    } catch (error) {
      warnOnce(`delivery-${what}`, `the consent outbox could not be updated in IndexedDB (${what}); delivery goes on from memory.`, error);
    }
  };

  const pending = async (): Promise<OutboxEntry[]> => {
    let stored: OutboxEntry[] = [];
    try {
      stored = await readOutbox(store);
    } catch (error) {
      warnOnce('delivery-read', 'the consent outbox could not be read from IndexedDB.', error);
    }
    const ids = new Set(stored.map((entry) => entry.record.eventId));
    const all = [...stored, ...[...unsaved.values()].filter((entry) => !ids.has(entry.record.eventId))];
    waiting.clear();
    all.forEach((entry) => waiting.set(entry.record.eventId, entry));
    return all;
  };

  const settle = async (entry: OutboxEntry): Promise<void> => {
    const id = entry.record.eventId;
    waiting.delete(id);
    unsaved.delete(id);
    dropPendingRecord(storage, id);
    await quietly('remove', () => removeFromOutbox(id, store));
  };

  /** One try of one record; false when the backend seems unreachable and the round should pause. */
  const attempt = async (entry: OutboxEntry): Promise<boolean> => {
    const { record } = entry;
    const attempts = entry.attempts + 1;
    inFlight.add(record.eventId);
    const outcome = await postRecord(win, endpoint, record, timeoutMs);
    inFlight.delete(record.eventId);
    if (outcome.kind === 'delivered') {
      await settle(entry);
      emit('consent-delivered', { record, attempts });
      return true;
    }
    if (outcome.kind === 'rejected') {
      await settle(entry);
      warnOnce('delivery-rejected', `the endpoint refused a consent record (${outcome.error}); it is dropped, not retried.`);
      emit('consent-delivery-failed', { record, attempts, error: outcome.error, willRetry: false });
      return true;
    }
    entry.attempts = attempts;
    await quietly('attempts', () => saveAttempts(record.eventId, attempts, store));
    emit('consent-delivery-failed', { record, attempts, error: outcome.error, willRetry: true });
    return false;
  };

  const runRound = async (): Promise<void> => {
    do {
      again = false;
      networkBack = false;
      for (const entry of await pending()) {
        if (stopped) return;
        if (inFlight.has(entry.record.eventId)) continue;
        if (!(await attempt(entry))) {
          failures++;
          // The network came back while this attempt was failing: the `online` kick only marked
          // the running round, so go round again now instead of waiting out the backoff.
          if (networkBack) break;
          schedule(backoffDelay(failures, backoff));
          return;
        }
        failures = 0;
      }
    } while (again && !stopped);
  };

  const kick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    win.clearTimeout(timer);
    timer = undefined;
    if (round) {
      again = true;
      return round;
    }
    round = runRound()
      .catch((error: unknown) => warnOnce('delivery-round', 'delivering consent records failed; it is retried later.', error))
      .finally(() => (round = null));
    return round;
  };

  const schedule = (delay: number): void => {
    if (stopped) return;
    win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      timer = undefined;
      void kick();
    }, delay);
  };

  const enqueue = async (kept: PendingDecision): Promise<void> => {
    const record = await buildConsentRecord(kept, (win.navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true);
    const entry: OutboxEntry = { record, attempts: 0 };
    waiting.set(record.eventId, entry);
    try {
      for (const evicted of await addToOutbox(record, store)) {
        waiting.delete(evicted.record.eventId);
        warnOnce('delivery-evicted', 'the consent outbox is full; its oldest record was dropped.');
        emit('consent-delivery-failed', {
          record: evicted.record,
          attempts: evicted.attempts,
          error: 'outbox full: the oldest undelivered record was dropped',
          willRetry: false,
        });
      }
      // Safe in the outbox now, which the next page load reads.
      dropPendingRecord(storage, record.eventId);
    } catch (error) {
      unsaved.set(record.eventId, entry);
      warnOnce('delivery-save', 'the consent record could not be queued in IndexedDB; it is sent from memory.', error);
    }
    await kick();
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
  const onOnline = (): void => {
    failures = 0;
    networkBack = true;
    void kick();
  };
  const onPageHide = (): void => {
    try {
      flushOnHide(
        win,
        endpoint,
        [...waiting.values()].filter((entry) => !inFlight.has(entry.record.eventId)).map((entry) => entry.record),
      );
    } catch (error) {
      warnOnce('delivery-beacon', 'consent records could not be handed to the browser on leaving the page.', error);
    }
  };
  const onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) void kick();
  };

  manager.addEventListener('consent-change', onChange);
  win.addEventListener('online', onOnline);
  win.addEventListener('pagehide', onPageHide);
  win.addEventListener('pageshow', onPageShow);

  // Entries come from localStorage: whatever another version or a tampering script left there is
  // skipped, and taken out. One handed over by the loader and also kept in storage is recorded once.
  const stored = readPendingRecords(storage);
  const storedValid = stored.filter((entry): entry is BacklogEntry => isBacklogEntry(entry) && entry.eventId !== undefined);
  if (storedValid.length !== stored.length) writePendingRecords(storage, storedValid);
  const handedOn = new Set<string>();
  for (const earlier of [...(options.backlog ?? []).filter(isBacklogEntry), ...storedValid]) {
    if (earlier.eventId !== undefined) {
      if (handedOn.has(earlier.eventId)) continue;
      handedOn.add(earlier.eventId);
    }
    record(earlier.detail, earlier);
  }

  // Records an earlier page load could not deliver.
  outboxMayExist(win, manager.decision !== null).then(
    (exists) => (exists ? kick() : undefined),
    (error: unknown) => warnOnce('delivery-resume', 'the consent outbox could not be checked.', error),
  );

  return {
    flush: kick,
    stop: () => {
      stopped = true;
      win.clearTimeout(timer);
      manager.removeEventListener('consent-change', onChange as EventListener);
      win.removeEventListener('online', onOnline);
      win.removeEventListener('pagehide', onPageHide);
      win.removeEventListener('pageshow', onPageShow);
      running.delete(manager);
    },
  };
}

function isBacklogEntry(value: unknown): value is BacklogEntry {
  const entry = value as Partial<BacklogEntry> | null;
  const decision = entry?.detail?.decision as Partial<NonNullable<ConsentChangeDetail['decision']>> | null | undefined;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.detail?.origin === 'this-tab' &&
    (entry.eventId === undefined || (typeof entry.eventId === 'string' && /^[0-9a-f-]{36}$/.test(entry.eventId))) &&
    typeof decision?.consentId === 'string' &&
    typeof decision.timestamp === 'string' &&
    typeof decision.revision === 'number' &&
    typeof decision.method === 'string' &&
    typeof decision.categories === 'object' &&
    decision.categories !== null &&
    (entry.presentation === undefined || (typeof entry.presentation.language === 'string' && Array.isArray(entry.presentation.strings))) &&
    (entry.location === undefined || (typeof entry.location.origin === 'string' && typeof entry.location.pathname === 'string'))
  );
}
