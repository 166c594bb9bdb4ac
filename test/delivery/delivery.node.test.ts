// Delivery of consent records (src/core/delivery/delivery.ts) in Node, on a fake clock, with a
// scripted endpoint and an in-memory stand-in for IndexedDB (test/delivery/fakes.ts): retries,
// refusals, timeouts, the `online` retry, the outbox's bound, records surviving a page load.
// What only a browser shows (real IndexedDB across reloads, real requests, pagehide, the real
// `online` event) is in faults.test.ts and record.test.ts beside this file.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { startDelivery, type ConsentDelivery, type DeliveryOptions } from '../../src/core/delivery/delivery.js';
import { MAX_OUTBOX } from '../../src/core/delivery/outbox-policy.js';
import { keepDecision, readPendingRecords } from '../../src/core/delivery/pending-records.js';
import {
  captureWarnings,
  deliveryEvents,
  fakeClock,
  fakeEndpoint,
  fakeManager,
  fakeWindow,
  memoryStorage,
  memoryStore,
  nextTurn,
  outboxOf,
  until,
  type Answer,
  type MemoryStore,
} from './fakes.js';
import type { ConsentDecision } from '../../src/core/types.js';

const started: ConsentDelivery[] = [];

interface PageOptions {
  answers?: Answer[];
  then?: Answer;
  store?: MemoryStore;
  localStorage?: Storage;
  /** The stored decision the page loads with (a returning visitor). */
  decision?: ConsentDecision | null;
  endpoint?: string;
  options?: Omit<DeliveryOptions, 'window' | 'store'>;
}

/** A page with delivery started: the endpoint answers `answers`, then `then`. */
function openPage({
  answers = [],
  then = 201,
  store = memoryStore(),
  localStorage = memoryStorage(),
  decision = null,
  endpoint = '/consent',
  options = {},
}: PageOptions = {}) {
  const clock = fakeClock();
  const server = fakeEndpoint(answers, then);
  const win = fakeWindow({ clock, endpoint: server, store, localStorage });
  const manager = fakeManager(endpoint, decision);
  const events = deliveryEvents(win);
  const delivery = startDelivery(manager, { window: win, store, backoff: { baseMs: 1000, maxMs: 8000 }, timeoutMs: 5000, ...options });
  assert.ok(delivery, 'delivery started');
  started.push(delivery);
  return { clock, server, store, localStorage, win, manager, delivery, ...events };
}

type Page = ReturnType<typeof openPage>;

/** Moves the fake clock to the pending retry and waits for the try it starts. */
async function retry(page: Page): Promise<number> {
  const before = page.server.requests.length;
  const waited = page.clock.next();
  await until(() => page.server.requests.length > before, 'the retry');
  return waited;
}

/** The retry timer the page set after a failed try (the request's own timeout is cleared by then). */
async function backoffSet(page: Page): Promise<number> {
  await until(() => page.clock.pending().length === 1, 'the retry to be set');
  return page.clock.pending()[0]!;
}

let warnings: string[] = [];

/** Each test with its warnings collected afresh, and its pages' deliveries stopped after it. */
function eachTestAlone(): void {
  beforeEach(() => {
    warnings = captureWarnings();
  });
  afterEach(() => {
    started.splice(0).forEach((delivery) => delivery.stop());
    mock.restoreAll();
  });
}

describe('delivery: retries after failures (a fake clock, a scripted endpoint)', () => {
  eachTestAlone();

  it('compliance C12: a decision is POSTed to the endpoint, resolved against the page, and reported delivered', async () => {
    const page = openPage();
    page.manager.decide('accept-all', 'banner');
    await until(() => page.delivered.length === 1, 'the delivery');
    assert.deepEqual(page.server.requests, [{ url: 'https://shop.example/consent', eventId: page.delivered[0]!.record.eventId, keepalive: true }]);
    assert.equal(page.delivered[0]!.attempts, 1);
    assert.deepEqual(page.failed, []);
    assert.deepEqual(outboxOf(page.store), [], 'taken out of the outbox');
  });

  it('5xx answers are retried with backoff until one gets through; the record is sent under one eventId', async () => {
    const page = openPage({ answers: [503, 500, 503] });
    page.manager.decide('reject-all');
    await until(() => page.failed.length === 1, 'the first failure');
    for (let n = 0; n < 3; n++) await retry(page);
    await until(() => page.delivered.length === 1, 'the delivery');
    assert.deepEqual(
      page.failed.map((f) => [f.error, f.attempts, f.willRetry]),
      [
        ['the endpoint answered 503', 1, true],
        ['the endpoint answered 500', 2, true],
        ['the endpoint answered 503', 3, true],
      ],
    );
    assert.equal(page.delivered[0]!.attempts, 4);
    assert.equal(new Set(page.server.requests.map((r) => r.eventId)).size, 1);
    assert.deepEqual(page.clock.pending(), []);
  });

  it('the wait between tries doubles, with jitter, and stops at maxMs', async () => {
    const page = openPage({ then: 503 });
    page.manager.decide();
    const waits: number[] = [await backoffSet(page)];
    for (let n = 0; n < 5; n++) {
      await retry(page);
      await until(() => page.failed.length === n + 2, 'the failure');
      waits.push(await backoffSet(page));
    }
    const steps = [1000, 2000, 4000, 8000, 8000, 8000];
    waits.forEach((wait, n) => assert.ok(wait >= steps[n]! / 2 && wait <= steps[n]!, `wait ${n + 1}: ${wait} ms within [${steps[n]! / 2}, ${steps[n]}]`));
  });

  it('a network error is retried', async () => {
    const page = openPage({ answers: ['network'] });
    page.manager.decide();
    await until(() => page.failed.length === 1, 'the failure');
    assert.match(page.failed[0]!.error, /^network error: fetch failed$/);
    assert.equal(page.failed[0]!.willRetry, true);
    await retry(page);
    await until(() => page.delivered.length === 1, 'the delivery');
    assert.equal(page.delivered[0]!.attempts, 2);
  });

  it('a request with no answer within timeoutMs is aborted and retried', async () => {
    const page = openPage({ answers: ['stall'], options: { timeoutMs: 400 } });
    page.manager.decide();
    await until(() => page.server.requests.length === 1, 'the request');
    assert.deepEqual(page.clock.pending(), [400], 'the request timeout is the only timer');
    page.clock.advance(399);
    await nextTurn();
    assert.equal(page.failed.length, 0, 'not yet');
    page.clock.advance(1);
    await until(() => page.failed.length === 1, 'the timeout');
    assert.equal(page.failed[0]!.error, 'no answer within 400 ms');
    await retry(page);
    await until(() => page.delivered.length === 1, 'the delivery');
  });

  for (const status of [408, 429]) {
    it(`a ${status} answer is retried`, async () => {
      const page = openPage({ answers: [status] });
      page.manager.decide();
      await until(() => page.failed.length === 1, 'the failure');
      assert.deepEqual([page.failed[0]!.error, page.failed[0]!.willRetry], [`the endpoint answered ${status}`, true]);
      await retry(page);
      await until(() => page.delivered.length === 1, 'the delivery');
    });
  }

  it('a 4xx answer is reported once and not retried; the next record is still sent', async () => {
    const page = openPage({ answers: [400] });
    page.manager.decide();
    await until(() => page.failed.length === 1, 'the refusal');
    assert.deepEqual(page.failed[0], { record: page.failed[0]!.record, attempts: 1, error: 'the endpoint answered 400', willRetry: false });
    assert.deepEqual(page.clock.pending(), [], 'no retry is set');
    assert.deepEqual(outboxOf(page.store), [], 'dropped from the outbox');
    await page.delivery.flush();
    assert.equal(page.server.requests.length, 1, 'a flush finds nothing to send');
    assert.ok(warnings.some((w) => /refused a consent record/.test(w)));
    page.manager.decide('reject-all');
    await until(() => page.delivered.length === 1, 'the next record');
    assert.equal(page.server.requests.length, 2);
  });

  it("a 403 answer (a receiver that does not know the page's origin) is reported with its likely cause", async () => {
    const page = openPage({ answers: [403] });
    page.manager.decide();
    await until(() => page.failed.length === 1, 'the refusal');
    assert.equal(page.failed[0]!.willRetry, false);
    assert.match(page.failed[0]!.error, /403.*allowedOrigin or publicOrigin/);
  });

  it('events go to the manager and to the document', async () => {
    const page = openPage({ answers: [503] });
    const onManager: string[] = [];
    for (const type of ['consent-delivered', 'consent-delivery-failed']) page.manager.addEventListener(type, () => onManager.push(type));
    page.manager.decide();
    await until(() => page.failed.length === 1, 'the failure');
    await retry(page);
    await until(() => page.delivered.length === 1, 'the delivery');
    assert.deepEqual(onManager, ['consent-delivery-failed', 'consent-delivered']);
  });

  it('flush() sends at once what waits, ignoring the backoff', async () => {
    const page = openPage({ answers: ['network'] });
    page.manager.decide();
    await until(() => page.failed.length === 1, 'the failure');
    await page.delivery.flush();
    assert.equal(page.delivered.length, 1);
    assert.equal(page.clock.now(), 0);
    assert.deepEqual(page.clock.pending(), [], 'the backoff timer is cleared');
  });

  it('stop() ends the retries; the outbox keeps the record for the next page load', async () => {
    const page = openPage({ then: 'network' });
    page.manager.decide();
    await until(() => page.failed.length === 1, 'the failure');
    page.delivery.stop();
    assert.deepEqual(page.clock.pending(), []);
    page.win.dispatchEvent(new Event('online'));
    page.manager.decide('reject-all');
    await nextTurn();
    assert.equal(page.server.requests.length, 1);
    assert.deepEqual(
      outboxOf(page.store).map((e) => e.attempts),
      [1],
    );
  });
});

describe('delivery: the online event', () => {
  eachTestAlone();

  it('online retries at once, whatever the backoff', async () => {
    const page = openPage({ answers: ['network', 'network'], options: { backoff: { baseMs: 60_000, maxMs: 60_000 } } });
    page.manager.decide();
    await until(() => page.failed.length === 1, 'the failure');
    await retry(page);
    await until(() => page.failed.length === 2, 'the second failure');
    assert.ok((await backoffSet(page)) >= 30_000);
    const now = page.clock.now();
    page.win.dispatchEvent(new Event('online'));
    await until(() => page.delivered.length === 1, 'the delivery after online');
    assert.equal(page.clock.now(), now, 'no time passed');
    assert.deepEqual(page.clock.pending(), []);
  });

  it('online starts the backoff over', async () => {
    const page = openPage({ then: 'network' });
    page.manager.decide();
    await until(() => page.failed.length === 1, 'the failure');
    for (let n = 0; n < 3; n++) await retry(page);
    await until(() => page.failed.length === 4, 'four failures');
    assert.ok((await backoffSet(page)) >= 4000);
    page.win.dispatchEvent(new Event('online'));
    await until(() => page.failed.length === 5, 'the try on online');
    assert.ok((await backoffSet(page)) <= 1000, 'back to the first step');
  });

  it('online while a try is failing: retried at once instead of backed off', async () => {
    const page = openPage({ answers: ['hold'] });
    page.manager.decide();
    await until(() => page.server.requests.length === 1, 'the request');
    page.win.dispatchEvent(new Event('online'));
    page.server.release('network');
    await until(() => page.delivered.length === 1, 'the delivery');
    assert.equal(page.failed.length, 1);
    assert.equal(page.clock.now(), 0);
  });
});

describe('delivery: the outbox is bounded and never drops a record silently', () => {
  eachTestAlone();

  it(`compliance C12: with the backend down, decision ${MAX_OUTBOX + 1} pushes out the first, reported; the rest arrive later`, async () => {
    const page = openPage({ then: 503, options: { backoff: { baseMs: 60_000, maxMs: 60_000 } } });
    const decisions: ConsentDecision[] = [];
    for (let n = 0; n <= MAX_OUTBOX; n++) {
      decisions.push(page.manager.decide(n % 2 ? 'accept-all' : 'reject-all'));
      await until(
        () => outboxOf(page.store).length === Math.min(n + 1, MAX_OUTBOX) && page.failed.some((f) => !f.willRetry) === n >= MAX_OUTBOX,
        `decision ${n + 1} queued`,
      );
    }
    const dropped = page.failed.filter((f) => !f.willRetry);
    assert.equal(dropped.length, 1);
    assert.equal(dropped[0]!.error, 'outbox full: the oldest undelivered record was dropped');
    assert.equal(dropped[0]!.record.timestamp, decisions[0]!.timestamp);
    assert.ok(warnings.some((w) => /outbox is full/.test(w)));
    page.server.answer([], 201);
    page.win.dispatchEvent(new Event('online'));
    await until(() => page.delivered.length === MAX_OUTBOX, `${MAX_OUTBOX} deliveries`, 20_000);
    assert.ok(!page.delivered.some((d) => d.record.eventId === dropped[0]!.record.eventId));
    assert.deepEqual(outboxOf(page.store), []);
  });
});

describe('delivery: records survive the page', () => {
  eachTestAlone();

  it('a record that failed is sent by the next page load, its tries counted across loads', async () => {
    const store = memoryStore();
    const localStorage = memoryStorage();
    const first = openPage({ store, localStorage, then: 'network' });
    const decision = first.manager.decide('withdraw');
    await until(() => first.failed.length === 1, 'the failure');
    first.delivery.stop();
    const second = openPage({ store, localStorage, decision });
    await until(() => second.delivered.length === 1, 'the delivery on the next load');
    assert.equal(second.delivered[0]!.record.eventId, first.failed[0]!.record.eventId);
    assert.equal(second.delivered[0]!.attempts, 2);
    assert.deepEqual(outboxOf(store), []);
  });

  it('compliance C1: a page with no decision and no database reads no outbox and sends nothing', async () => {
    const page = openPage();
    await until(() => page.win.databaseLookups === 1, 'the look for the database');
    await nextTurn();
    assert.equal(page.store.transactions, 0, 'no transaction on the outbox');
    assert.deepEqual(page.server.requests, []);
  });

  it('a decision kept in localStorage before its record was built is recorded by the next page, under its eventId', async () => {
    const store = memoryStore();
    const localStorage = memoryStorage();
    const gone = fakeManager();
    const decision = gone.decide('accept-all', 'banner');
    const kept = keepDecision(localStorage, { decision, previous: null, changed: [], origin: 'this-tab', layer: 'banner' }, gone.presentation, {
      origin: 'https://shop.example',
      pathname: '/checkout/',
    });
    const page = openPage({ store, localStorage, decision });
    await until(() => page.delivered.length === 1, 'the delivery');
    const { record } = page.delivered[0]!;
    assert.deepEqual([record.eventId, record.method, record.layer, record.pageUrl], [kept.eventId, 'accept-all', 'banner', 'https://shop.example/checkout/']);
    assert.deepEqual(readPendingRecords(localStorage), [], 'taken out of localStorage');
    assert.equal(page.server.requests.length, 1);
  });

  it('a decision both handed over by the loader and kept in localStorage is recorded once', async () => {
    const localStorage = memoryStorage();
    const gone = fakeManager();
    const decision = gone.decide();
    const detail = { decision, previous: null, changed: [], origin: 'this-tab' as const };
    const kept = keepDecision(localStorage, detail, gone.presentation, { origin: 'https://shop.example', pathname: '/' });
    const page = openPage({ localStorage, decision, options: { backlog: [kept] } });
    await until(() => page.delivered.length === 1, 'the delivery');
    await page.delivery.flush();
    assert.deepEqual(
      page.server.requests.map((r) => r.eventId),
      [kept.eventId],
    );
  });

  it('what another version or a script left in the pending records is skipped and taken out', async () => {
    const localStorage = memoryStorage();
    localStorage.setItem(
      'cookie-consent-widget:pending-records',
      JSON.stringify([{ detail: { origin: 'this-tab', decision: { consentId: 1 } }, eventId: 'x' }, 'junk']),
    );
    const page = openPage({ localStorage });
    await page.delivery.flush();
    assert.deepEqual(page.server.requests, []);
    assert.equal(localStorage.getItem('cookie-consent-widget:pending-records'), null);
  });

  it('IndexedDB refusing writes: the record is still delivered, from memory, with a warning', async () => {
    const store = memoryStore();
    store.failWrites = true;
    const page = openPage({ store, answers: [503] });
    page.manager.decide();
    await until(() => page.failed.length === 1, 'the failure');
    await retry(page);
    await until(() => page.delivered.length === 1, 'the delivery');
    assert.equal(page.delivered[0]!.attempts, 2);
    assert.ok(warnings.some((w) => /could not be queued in IndexedDB/.test(w)));
  });
});

describe('delivery: pagehide', () => {
  eachTestAlone();

  it('hands what waits to sendBeacon when the endpoint is on the same origin', async () => {
    const page = openPage({ then: 'network' });
    page.manager.decide();
    await until(() => page.failed.length === 1, 'the failure');
    page.win.dispatchEvent(new Event('pagehide'));
    await until(() => page.win.beacons.length === 1, 'the beacon');
    assert.deepEqual(page.win.beacons, [{ url: 'https://shop.example/consent', eventId: page.failed[0]!.record.eventId }]);
    assert.equal(page.server.requests.length, 1, 'no fetch besides the failed try');
  });

  it('across origins a keepalive fetch, not a beacon (a JSON beacon gets no CORS preflight)', async () => {
    const page = openPage({ then: 'network', endpoint: 'https://records.example/consent' });
    page.manager.decide();
    await until(() => page.failed.length === 1, 'the failure');
    page.win.dispatchEvent(new Event('pagehide'));
    assert.deepEqual(page.win.beacons, []);
    assert.deepEqual(page.server.requests.at(-1), { url: 'https://records.example/consent', eventId: page.failed[0]!.record.eventId, keepalive: true });
    assert.equal(page.server.requests.length, 2);
  });
});
