import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createMemoryStore, createSqliteStore, type QueryableConsentStore, type StoreClockOptions } from '../../src/server/index.js';
import { createReceiver, PURGE_INTERVAL_MS } from '../../src/receiver/index.js';
import { sampleRecord } from '../server/records.js';
import { fakeClock, SECRET } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-01-01T00:00:00.000Z');
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** Moves the clock an hour at a time, letting each hourly purge finish before the next is due. */
async function advanceHours(clock: ReturnType<typeof fakeClock>, hours: number): Promise<void> {
  for (let hour = 0; hour < hours; hour++) {
    clock.advance(PURGE_INTERVAL_MS);
    await settle();
  }
}

const stores: [string, (options: StoreClockOptions) => QueryableConsentStore][] = [
  ['memory', (options) => createMemoryStore(options)],
  ['SQLite', (options) => createSqliteStore(new Database(':memory:'), options)],
];

for (const [name, makeStore] of stores) {
  describe(`compliance C29, storage limitation: records are kept for the retention period and no longer (${name} store)`, () => {
    it('purges at start what is already past the period', async () => {
      const clock = fakeClock(START);
      const store = makeStore({ now: () => new Date(clock.now()) });
      const old = sampleRecord();
      await store.insert(old);
      clock.advance(31 * DAY);
      const fresh = sampleRecord();
      await store.insert(fresh);
      const receiver = createReceiver({ store, secret: SECRET, retentionDays: 30, clock });
      await receiver.ready;
      assert.deepEqual(await store.findByConsentId(old.consentId), []);
      assert.equal((await store.findByConsentId(fresh.consentId)).length, 1);
      receiver.close();
    });

    it('purges hourly: a record goes at the first hourly check once it is older than retentionDays, not before', async () => {
      const clock = fakeClock(START);
      const store = makeStore({ now: () => new Date(clock.now()) });
      const first = sampleRecord();
      await store.insert(first);
      clock.advance(20 * DAY);
      const second = sampleRecord();
      await store.insert(second);
      const purges: number[] = [];
      const receiver = createReceiver({ store, secret: SECRET, retentionDays: 30, clock, onPurge: (purged) => purges.push(purged) });
      await receiver.ready;
      assert.deepEqual(purges, [0]);

      // Exactly 30 days after the first record: it is not yet older than the period.
      await advanceHours(clock, 10 * 24);
      assert.equal((await store.findByConsentId(first.consentId)).length, 1);
      assert.equal(purges.length, 1 + 10 * 24, 'one purge an hour');

      await advanceHours(clock, 1);
      assert.deepEqual(await store.findByConsentId(first.consentId), []);
      assert.equal((await store.findByConsentId(second.consentId)).length, 1);
      assert.equal(purges.filter((purged) => purged > 0).length, 1);

      await advanceHours(clock, 20 * 24);
      assert.deepEqual(await store.findByConsentId(second.consentId), []);
      receiver.close();
    });

    it('stops purging when closed', async () => {
      const clock = fakeClock(START);
      const store = makeStore({ now: () => new Date(clock.now()) });
      const receiver = createReceiver({ store, secret: SECRET, retentionDays: 1, clock });
      await receiver.ready;
      assert.equal(clock.tasks(), 1);
      receiver.close();
      assert.equal(clock.tasks(), 0);
    });

    it('purgeOlderThan erases exactly the records received before the date, across batches', async () => {
      const clock = fakeClock(START);
      const store = makeStore({ now: () => new Date(clock.now()) });
      for (let i = 0; i < 12_000; i++) await store.insert(sampleRecord());
      clock.advance(DAY);
      const kept = sampleRecord();
      await store.insert(kept);
      assert.equal(await store.purgeOlderThan(new Date(START + DAY / 2)), 12_000);
      assert.equal(await store.count(), 1);
      assert.equal((await store.findByConsentId(kept.consentId)).length, 1);
      await assert.rejects(store.purgeOlderThan(new Date('nonsense')), /valid Date/);
    });
  });
}

describe('retention configuration', () => {
  it('refuses a missing, zero or negative retentionDays at configuration time, naming it', () => {
    for (const retentionDays of [undefined, 0, -5, Number.NaN]) {
      assert.throws(
        () => createReceiver({ store: createMemoryStore(), secret: SECRET, retentionDays: retentionDays as number }),
        /retentionDays must be a positive number/,
      );
    }
  });

  it('SQLite has an index on received_at, so a purge does not scan the table', () => {
    const db = new Database(':memory:');
    createSqliteStore(db);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT rowid FROM consent_records WHERE received_at < '2026-01-01'").all() as { detail: string }[];
    assert.match(plan.map((step) => step.detail).join(' '), /USING COVERING INDEX consent_records_received_at/);
  });
});
