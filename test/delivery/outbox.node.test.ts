// The outbox's policy (src/core/delivery/outbox-policy.ts) and its idb-keyval adapter (outbox.ts)
// over an in-memory store: what is kept, what gives way, what is skipped. The outbox is bounded
// by count only; a record waits however old it is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addToOutbox, readOutbox, removeFromOutbox, saveAttempts } from '../../src/core/delivery/outbox.js';
import { allWaiting, MAX_OUTBOX, validEntries, withAttempts, withoutRecord, withRecord, type OutboxEntry } from '../../src/core/delivery/outbox-policy.js';
import type { ConsentRecord } from '../../src/core/delivery/record.js';
import { memoryStore, outboxOf } from './fakes.js';

const record = (n: number): ConsentRecord => ({ eventId: `event-${n}` }) as ConsentRecord;
const entry = (n: number, attempts = 0): OutboxEntry => ({ record: record(n), attempts });
const ids = (entries: OutboxEntry[]): string[] => entries.map((e) => e.record.eventId);

describe('the outbox policy', () => {
  it('a new record goes last, with no tries yet', () => {
    const [kept, evicted] = withRecord([entry(0, 3)], record(1), MAX_OUTBOX);
    assert.deepEqual(kept, [entry(0, 3), entry(1)]);
    assert.deepEqual(evicted, []);
  });

  it('at the bound the oldest record gives way and is handed back to be reported', () => {
    const [kept, evicted] = withRecord([entry(0, 5), entry(1), entry(2)], record(3), 3);
    assert.deepEqual(ids(kept), ['event-1', 'event-2', 'event-3']);
    assert.deepEqual(evicted, [entry(0, 5)]);
  });

  it(`the outbox's bound is ${MAX_OUTBOX} records`, () => {
    const full = Array.from({ length: MAX_OUTBOX }, (_, n) => entry(n));
    assert.deepEqual(withRecord(full.slice(1), record(MAX_OUTBOX), MAX_OUTBOX)[1], []);
    const [kept, evicted] = withRecord(full, record(MAX_OUTBOX), MAX_OUTBOX);
    assert.equal(kept.length, MAX_OUTBOX);
    assert.deepEqual(ids(evicted), ['event-0']);
  });

  it('an outbox already over a lower bound gives way down to it, oldest first', () => {
    const [kept, evicted] = withRecord([entry(0), entry(1), entry(2)], record(3), 2);
    assert.deepEqual(ids(kept), ['event-2', 'event-3']);
    assert.deepEqual(ids(evicted), ['event-0', 'event-1']);
  });

  it('a record handed on twice (two tabs, one eventId) is kept once, at the end', () => {
    const [kept, evicted] = withRecord([entry(0, 2), entry(1)], record(0), MAX_OUTBOX);
    assert.deepEqual(kept, [entry(1), entry(0)]);
    assert.deepEqual(evicted, []);
  });

  it('entries another version or an extension left are skipped, not trusted', () => {
    const stored: unknown = [entry(0), null, 'x', { record: {}, attempts: 1 }, { record: { eventId: 'event-9' } }, entry(1)];
    assert.deepEqual(ids(validEntries(stored)), ['event-0', 'event-1']);
    assert.deepEqual(validEntries({ not: 'an array' }), []);
    assert.deepEqual(ids(withRecord(stored, record(2), MAX_OUTBOX)[0]), ['event-0', 'event-1', 'event-2']);
  });

  it('a delivered or refused record is taken out; the others keep their order', () => {
    assert.deepEqual(ids(withoutRecord([entry(0), entry(1), entry(2)], 'event-1')), ['event-0', 'event-2']);
  });

  it("tries are counted up, never down: another tab's higher count stays", () => {
    assert.deepEqual(withAttempts([entry(0, 1), entry(1, 4)], 'event-0', 2), [entry(0, 2), entry(1, 4)]);
    assert.deepEqual(withAttempts([entry(0, 5)], 'event-0', 2), [entry(0, 5)]);
  });

  it('what waits: the stored records, then those only in memory, each once', () => {
    assert.deepEqual(ids(allWaiting([entry(0), entry(1)], [entry(1, 3), entry(2)])), ['event-0', 'event-1', 'event-2']);
  });
});

describe('the outbox in an idb-keyval store (an in-memory stand-in for IndexedDB)', () => {
  it('at the bound the oldest record gives way and is handed back to be reported', async () => {
    const store = memoryStore();
    for (let n = 0; n < 3; n++) assert.deepEqual(await addToOutbox(record(n), store, 3), []);
    const evicted = await addToOutbox(record(3), store, 3);
    assert.deepEqual(ids(evicted), ['event-0']);
    assert.deepEqual(ids(await readOutbox(store)), ['event-1', 'event-2', 'event-3']);
  });

  it('tries are saved with the record, and removing it leaves the rest', async () => {
    const store = memoryStore();
    await addToOutbox(record(0), store);
    await addToOutbox(record(1), store);
    await saveAttempts('event-0', 2, store);
    await removeFromOutbox('event-1', store);
    assert.deepEqual(outboxOf(store), [{ eventId: 'event-0', attempts: 2 }]);
  });

  it('a write IndexedDB refuses rejects, so delivery can send the record from memory', async () => {
    const store = memoryStore();
    store.failWrites = true;
    await assert.rejects(addToOutbox(record(0), store), { name: 'QuotaExceededError' });
  });
});
