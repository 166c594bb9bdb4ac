/**
 * Stand-ins for the Node tests of delivery (test/delivery/*.node.test.ts): a fake clock, an
 * in-memory IndexedDB store for idb-keyval, localStorage, a window, a manager and a scripted
 * endpoint. Only for those unit tests: the browser tests in this folder keep the real
 * IndexedDB, fetch, sendBeacon and events.
 */
import { mock } from 'node:test';
import type { UseStore } from 'idb-keyval';
import { DATABASE_NAME } from '../../src/core/storage/database.js';
import type { ConsentRecord } from '../../src/core/delivery/record.js';
import type { Timers } from '../../src/core/timers.js';
import type { ConsentChangeDetail, ConsentDeliveredDetail, ConsentDeliveryFailedDetail } from '../../src/core/events.js';
import type { ConsentManager, Presentation } from '../../src/core/manager.js';
import type { ConsentDecision, ConsentMethod } from '../../src/core/types.js';

export interface FakeClock extends Timers {
  now(): number;
  /** How long from now each timer set and not yet run or cleared waits, soonest first. */
  pending(): number[];
  /** Moves the time to the soonest timer and runs it; returns how far the time moved. Throws when none is set. */
  next(): number;
  /** Moves the time on by `ms`, running the timers due on the way, in order. */
  advance(ms: number): void;
}

/** Timers that run only when a test moves the time on: no test waits for a real delay. */
export function fakeClock(): FakeClock {
  let time = 0;
  let nextHandle = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const soonest = (): [number, { at: number; callback: () => void }] | undefined => [...timers].sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];
  const fire = (handle: number, at: number, callback: () => void): void => {
    timers.delete(handle);
    time = at;
    callback();
  };
  return {
    now: () => time,
    setTimeout: (callback, ms) => {
      const handle = nextHandle++;
      timers.set(handle, { at: time + Math.max(0, ms || 0), callback });
      return handle;
    },
    clearTimeout: (handle) => {
      if (handle !== undefined) timers.delete(handle);
    },
    pending: () => [...timers.values()].map((timer) => timer.at - time).sort((a, b) => a - b),
    next: () => {
      const first = soonest();
      if (!first) throw new Error('no timer is set');
      const moved = first[1].at - time;
      fire(first[0], first[1].at, first[1].callback);
      return moved;
    },
    advance: (ms) => {
      const end = time + ms;
      for (let first = soonest(); first && first[1].at <= end; first = soonest()) fire(first[0], first[1].at, first[1].callback);
      time = end;
    },
  };
}

/**
 * Waits until `condition` holds, looking again after each turn of the event loop: the code under
 * test waits only on the fake clock, the fake endpoint and WebCrypto (whose digest runs on a
 * worker thread, so on a busy machine it may take longer than many turns). After the first
 * turns it looks every millisecond; it fails after `timeoutMs` of real time rather than hang.
 */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (let turn = 0; !condition(); turn++) {
    if (performance.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => (turn < 100 ? setImmediate(resolve) : setTimeout(resolve, 1)));
  }
}

/** Lets everything already queued run: pending promise callbacks, then one turn of the event loop. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface MemoryStore extends UseStore {
  /** What is stored, by key (a structured clone, as IndexedDB keeps it). */
  data: Map<IDBValidKey, unknown>;
  /** Transactions run so far: a page that must not open the database runs none. */
  transactions: number;
  /** While true, every write throws the way IndexedDB over its quota does. */
  failWrites: boolean;
}

/**
 * An idb-keyval store in memory: the `UseStore` a test hands delivery in place of IndexedDB.
 * It gives idb-keyval's get/update the object store they use (get, put and the transaction's
 * completion, each reported after the call like IndexedDB's requests), one transaction at a time.
 */
export function memoryStore(): MemoryStore {
  let queue: Promise<unknown> = Promise.resolve();
  const store = ((mode: IDBTransactionMode, callback: (objectStore: IDBObjectStore) => unknown) => {
    const run = async (): Promise<unknown> => {
      store.transactions++;
      const transaction: { oncomplete?: () => void } = {};
      const objectStore = {
        get(key: IDBValidKey) {
          const request: { result?: unknown; onsuccess?: () => void } = { result: structuredClone(store.data.get(key)) };
          queueMicrotask(() => request.onsuccess?.call(request));
          return request;
        },
        put(value: unknown, key: IDBValidKey) {
          if (mode !== 'readwrite') throw new DOMException('read-only transaction', 'ReadOnlyError');
          if (store.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          store.data.set(key, structuredClone(value));
          queueMicrotask(() => transaction.oncomplete?.());
        },
        transaction,
      };
      return callback(objectStore as unknown as IDBObjectStore);
    };
    const result = queue.then(run);
    queue = result.catch(() => undefined);
    return result;
  }) as MemoryStore;
  store.data = new Map();
  store.transactions = 0;
  store.failWrites = false;
  return store;
}

/** The outbox as stored: event ids and tries, oldest first. */
export function outboxOf(store: MemoryStore): { eventId: string; attempts: number }[] {
  const entries = (store.data.get('outbox') ?? []) as { record: ConsentRecord; attempts: number }[];
  return entries.map((entry) => ({ eventId: entry.record.eventId, attempts: entry.attempts }));
}

/** localStorage in memory; it outlives a page the way the real one does, when a test hands it to the next. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
}

/**
 * What the endpoint answers, one per request in order: a status, a connection that fails
 * (`network`), one that never answers (`stall`: only the request's abort ends it), or `hold`,
 * answered when the test calls `release`.
 */
export type Answer = number | 'network' | 'stall' | 'hold';

export interface SentRequest {
  url: string;
  eventId: string;
  keepalive: boolean;
}

export function fakeEndpoint(answers: Answer[] = [], then: Answer = 201) {
  const requests: SentRequest[] = [];
  const queue = [...answers];
  let held: ((answer: Answer) => void) | undefined;
  const respond = (answer: Answer, signal: AbortSignal | null | undefined): Promise<Response> => {
    if (answer === 'network') return Promise.reject(new TypeError('fetch failed'));
    if (answer === 'stall' || answer === 'hold') {
      return new Promise((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        if (answer === 'hold') held = (later) => respond(later, signal).then(resolve, reject);
      });
    }
    return Promise.resolve(new Response(null, { status: answer }));
  };
  return {
    requests,
    /** Answers from now on: those listed first, then `then` to every request after them. */
    answer(next: Answer[], after: Answer = then) {
      queue.splice(0, queue.length, ...next);
      then = after;
    },
    /** Answers the request held by a `hold`. */
    release(answer: Answer) {
      const release = held;
      held = undefined;
      if (!release) throw new Error('no request is held');
      release(answer);
    },
    fetch: (url: string, init: RequestInit = {}): Promise<Response> => {
      requests.push({ url, eventId: (JSON.parse(String(init.body)) as ConsentRecord).eventId, keepalive: init.keepalive === true });
      return respond(queue.shift() ?? then, init.signal);
    },
  };
}

export type FakeEndpoint = ReturnType<typeof fakeEndpoint>;

export interface FakeWindowOptions {
  clock: FakeClock;
  endpoint: FakeEndpoint;
  store: MemoryStore;
  localStorage?: Storage;
  /** Where the page is; the endpoint setting resolves against it. */
  href?: string;
}

export interface FakeWindow extends EventTarget {
  beacons: { url: string; eventId: string }[];
  /** Calls of indexedDB.databases() answered so far. */
  databaseLookups: number;
}

/**
 * The part of a window delivery uses: its timers (the fake clock), fetch (the fake endpoint),
 * sendBeacon (recorded, accepted), localStorage, document events, and indexedDB.databases(),
 * which lists the widget's database once the memory store holds anything.
 */
export function fakeWindow({
  clock,
  endpoint,
  store,
  localStorage = memoryStorage(),
  href = 'https://shop.example/checkout/?cart=42',
}: FakeWindowOptions): Window & FakeWindow {
  const url = new URL(href);
  const win = new EventTarget() as Window & FakeWindow;
  const document = Object.assign(new EventTarget(), { baseURI: href });
  const beacons: { url: string; eventId: string }[] = [];
  Object.assign(win, {
    document,
    location: { href, origin: url.origin, pathname: url.pathname },
    navigator: {
      sendBeacon: (target: string, body: Blob) => {
        void body.text().then((text) => beacons.push({ url: target, eventId: (JSON.parse(text) as ConsentRecord).eventId }));
        return true;
      },
    },
    localStorage,
    indexedDB: {
      databases: async () => {
        win.databaseLookups++;
        return store.data.size > 0 ? [{ name: DATABASE_NAME, version: 1 }] : [];
      },
    },
    fetch: endpoint.fetch,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    beacons,
    databaseLookups: 0,
  });
  return win;
}

export interface FakeManager extends ConsentManager {
  /** Decides the way a visitor in this tab does: a new decision and its consent-change event. */
  decide(method?: ConsentMethod, layer?: 'banner' | 'preferences'): ConsentDecision;
}

/** A manager with an endpoint configured: what delivery listens to and asks, no more. */
export function fakeManager(endpoint = '/consent', decision: ConsentDecision | null = null): FakeManager {
  const target = new EventTarget();
  let current = decision;
  const presentation: Presentation = { language: 'en', strings: ['Cookies', 'We use cookies.', 'Accept all', 'Reject all'] };
  let revisionTime = Date.parse('2025-01-01T00:00:00.000Z');
  return Object.assign(target, {
    config: { endpoint },
    presentation,
    get decision() {
      return current;
    },
    decide(method: ConsentMethod = 'accept-all', layer?: 'banner' | 'preferences'): ConsentDecision {
      const previous = current;
      revisionTime += 1000;
      current = {
        consentId: previous?.consentId ?? crypto.randomUUID(),
        revision: 1,
        timestamp: new Date(revisionTime).toISOString(),
        expiresAt: new Date(revisionTime + 180 * 86_400_000).toISOString(),
        method,
        categories: { session: true, analytics: method === 'accept-all' },
      };
      const detail: ConsentChangeDetail = { decision: current, previous, changed: ['analytics'], origin: 'this-tab', ...(layer ? { layer } : {}) };
      target.dispatchEvent(new CustomEvent('consent-change', { detail }));
      return current;
    },
  }) as unknown as FakeManager;
}

/** The delivery events a page saw, in order. */
export function deliveryEvents(win: EventTarget & { document: EventTarget }) {
  const delivered: ConsentDeliveredDetail[] = [];
  const failed: ConsentDeliveryFailedDetail[] = [];
  win.document.addEventListener('consent-delivered', (event) => delivered.push((event as CustomEvent<ConsentDeliveredDetail>).detail));
  win.document.addEventListener('consent-delivery-failed', (event) => failed.push((event as CustomEvent<ConsentDeliveryFailedDetail>).detail));
  return { delivered, failed };
}

/**
 * Collects the widget's console warnings from now on (mock.restoreAll() ends it), having made it
 * forget those it gave: warnOnce gives each once per page, which in Node is once per process.
 */
export function captureWarnings(): string[] {
  (globalThis as Record<symbol, Set<string> | undefined>)[Symbol.for('cookie-consent-widget.warned')]?.clear();
  const warnings: string[] = [];
  mock.method(console, 'warn', (...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
  return warnings;
}
