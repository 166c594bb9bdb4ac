import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createMemoryStore, createSqliteStore, type QueryableConsentStore } from '../../src/server/index.js';
import { sampleRecord, walk } from './records.js';

for (const [name, makeStore] of [
  ['memory', () => createMemoryStore()],
  ['SQLite', () => createSqliteStore(new Database(':memory:'))],
] as const) {
  describe(`listPage: keyset paging (${name} store)`, () => {
    it('walks every record exactly once, oldest or newest first, whatever the page size', async () => {
      const store: QueryableConsentStore = makeStore();
      const ids: string[] = [];
      for (let i = 0; i < 23; i++) {
        const record = sampleRecord();
        ids.push(record.eventId);
        await store.insert(record);
      }
      for (const limit of [1, 5, 23, 100]) {
        assert.deepEqual(await walk(store, 'oldest', limit), ids, `oldest, ${limit} a page`);
        assert.deepEqual(await walk(store, 'newest', limit), [...ids].reverse(), `newest, ${limit} a page`);
      }
    });

    it('neither skips nor repeats when records are erased between pages', async () => {
      const store: QueryableConsentStore = makeStore();
      const records = Array.from({ length: 10 }, () => sampleRecord());
      for (const record of records) await store.insert(record);
      const first = await store.listPage({ limit: 4 });
      await store.eraseByConsentId(records[1]!.consentId);
      await store.eraseByConsentId(records[6]!.consentId);
      const rest = await store.listPage({ after: first.next, limit: 100 });
      assert.deepEqual(
        [...first.records, ...rest.records].map((record) => record.eventId),
        records.filter((_, index) => index !== 6).map((record) => record.eventId),
      );
    });
  });
}
