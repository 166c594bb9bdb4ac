import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createMemoryStore, createPostgresStore, createSqliteStore } from '../../src/server/index.js';
import { COUNTERS_QUERY, FIRST_SEEN_QUERY, SQLITE_DIALECT } from '../../src/server/stores/insights/sql.js';
import { sampleRecord } from '../server/records.js';
import { fakeClock } from './helpers.js';
import { ALL, allCounters, countersOf, DAY, decision, HOUR, mixedDecisions, NONE, seeded, storeKinds } from './insights-helpers.js';

const START = Date.parse('2026-03-02T09:00:00.000Z');
const stores = storeKinds();
before(stores.setUp);
after(stores.tearDown);

for (const kind of stores.kinds) {
  describe(`insights counters, kept by the ${kind.name} store as records arrive and go`, { timeout: 60_000 }, () => {
    it('counts a decision once under each dimension, and a duplicate eventId not at all', async () => {
      const store = await kind.make();
      const record = decision(
        sampleRecord().consentId,
        START,
        'custom',
        { preferences: true, analytics: false, promotional: false },
        { layer: 'placeholder', language: 'en' },
      );
      assert.equal(await store.insert(record), 'inserted');
      assert.equal(await store.insert(record), 'duplicate');
      assert.equal(await store.insert({ ...record, method: 'accept-all' }), 'duplicate', 'the first record of an eventId wins');
      assert.deepEqual(
        (await allCounters(store)).map(({ dimension, key, decisions, granted }) => `${dimension}:${key}=${decisions}/${granted}`),
        [
          'all:=1/0',
          'category:analytics=1/0',
          'category:preferences=1/1',
          'category:promotional=1/0',
          'category:session=1/1',
          'language:en=1/0',
          'layer:placeholder=1/0',
          'method:custom=1/0',
          `text:${'a'.repeat(64)}=1/0`,
        ],
      );
      assert.ok((await allCounters(store)).every((counter) => counter.day === '2026-03-02' && counter.revision === 3));
    });

    it('counts per-service choices only from records that carry them', async () => {
      const store = await kind.make();
      await store.insert(decision(sampleRecord().consentId, START, 'accept-all', ALL));
      assert.deepEqual(await countersOf(store, 'service'), {});
      const withServices = { ...decision(sampleRecord().consentId, START, 'custom', NONE), services: { youtube: true, maps: false } };
      await store.insert(withServices);
      await store.insert({ ...decision(sampleRecord().consentId, START + DAY, 'custom', NONE), services: { youtube: false } });
      assert.deepEqual(await countersOf(store, 'service'), { 'maps@2026-03-02': '1/0', 'youtube@2026-03-02': '1/1', 'youtube@2026-03-03': '1/0' });
      assert.deepEqual((await store.findByConsentId(withServices.consentId))[0]!.services, { youtube: true, maps: false }, 'the record keeps them');
    });

    it("counts a visitor's first grant, and their first withdrawal after it by the time between", async () => {
      const store = await kind.make();
      const id = (): string => sampleRecord().consentId;
      // A reject-all shows which categories can be refused: allowing one of those is a grant.
      await store.insert(decision(id(), START - DAY, 'reject-all', NONE));
      const delays: [string, number][] = [
        ['under-1h', 30 * 60 * 1000],
        ['under-1d', 5 * HOUR],
        ['under-7d', 3 * DAY],
        ['under-30d', 10 * DAY],
        ['later', 40 * DAY],
      ];
      for (const [, delay] of delays) {
        const visitor = id();
        await store.insert(decision(visitor, START, delay === 3 * DAY ? 'custom' : 'accept-all', delay === 3 * DAY ? { analytics: true } : ALL));
        await store.insert(decision(visitor, START + delay, 'withdraw', NONE));
        // A second withdrawal, after granting again, is the same visitor: not counted again.
        await store.insert(decision(visitor, START + delay + HOUR, 'accept-all', ALL));
        await store.insert(decision(visitor, START + delay + 2 * HOUR, 'withdraw', NONE));
      }
      const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
      assert.deepEqual(await countersOf(store, 'withdrawal'), Object.fromEntries(delays.map(([key, delay]) => [`${key}@${day(START + delay)}`, '1/0'])));
      assert.deepEqual(await countersOf(store, 'grant'), { '@2026-03-02': '5/0' });
    });

    it('a withdrawal with no grant before it is not counted, and required categories alone are no grant', async () => {
      const store = await kind.make();
      const [rejecter, minimal, late] = [sampleRecord().consentId, sampleRecord().consentId, sampleRecord().consentId];
      await store.insert(decision(rejecter, START, 'reject-all', NONE));
      await store.insert(decision(rejecter, START + HOUR, 'withdraw', NONE));
      // Custom with only the required category: session was never refused, so nothing optional was allowed.
      await store.insert(decision(minimal, START, 'custom', NONE));
      await store.insert(decision(minimal, START + HOUR, 'withdraw', NONE));
      // A withdrawal decided before the grant (it arrives late) does not follow it.
      await store.insert(decision(late, START + 2 * HOUR, 'accept-all', ALL));
      await store.insert(decision(late, START + HOUR, 'withdraw', NONE));
      assert.deepEqual(await countersOf(store, 'withdrawal'), {});
      assert.deepEqual(await countersOf(store, 'grant'), { '@2026-03-02': '1/0' });
    });

    it("an erasure takes the visitor's decisions, grant and withdrawal out of the counters", async () => {
      const store = await kind.make();
      const other = decision(sampleRecord().consentId, START, 'reject-all', NONE);
      await store.insert(other);
      const before = await allCounters(store);
      const visitor = sampleRecord().consentId;
      await store.insert(decision(visitor, START, 'accept-all', ALL));
      await store.insert({ ...decision(visitor, START + DAY, 'withdraw', NONE), services: { youtube: false } });
      assert.notDeepEqual(await allCounters(store), before);
      assert.equal(await store.eraseByConsentId(visitor), 2);
      assert.deepEqual(await allCounters(store), before);
    });

    it('a purge takes out what it erased, in the same transaction: the counters are those of a store that only held the records kept', async () => {
      const clock = fakeClock(START);
      const store = await kind.make({ now: () => new Date(clock.now()) });
      const random = seeded(7);
      const early = mixedDecisions(random, { visitors: 40, days: 20, startMs: START - 60 * DAY });
      const late = mixedDecisions(random, { visitors: 40, days: 20, startMs: START - 30 * DAY });
      // A visitor whose grant is purged while their withdrawal is kept: the withdrawal no longer follows a grant the log holds.
      const visitor = sampleRecord().consentId;
      const grant = decision(visitor, START - 50 * DAY, 'accept-all', ALL);
      const withdrawal = decision(visitor, START - 20 * DAY, 'withdraw', NONE);
      for (const record of [grant, ...early]) await store.insert(record);
      clock.advance(10 * DAY);
      for (const record of [withdrawal, ...late]) await store.insert(record);
      assert.equal(Object.keys(await countersOf(store, 'withdrawal')).length > 0, true);
      let cutoff = new Date(START + 5 * DAY);
      if (kind.name === 'PostgreSQL') {
        // PostgreSQL stamps received_at itself: the early records are made older by hand.
        await stores
          .pool()!
          .query(`UPDATE consent_records SET received_at = received_at - interval '40 days' WHERE event_id = ANY($1::uuid[])`, [
            [grant, ...early].map((record) => record.eventId),
          ]);
        cutoff = new Date(Date.now() - 20 * DAY);
      }
      assert.equal(await store.purgeOlderThan(cutoff), early.length + 1);
      const reference = createMemoryStore();
      for (const record of [withdrawal, ...late]) await reference.insert(record);
      assert.deepEqual(await allCounters(store), await allCounters(reference));
    });
  });
}

describe('the three stores count alike', { timeout: 120_000 }, () => {
  it('a mix of 300 visitors with erasures between: the same counters and first-seen days in every store', async () => {
    const records = mixedDecisions(seeded(42), { visitors: 300, days: 60, startMs: Date.parse('2026-01-05T00:00:00.000Z') });
    const results = [];
    for (const kind of stores.kinds) {
      const store = await kind.make();
      for (const record of records) await store.insert(record);
      for (const record of records.filter((_, index) => index % 37 === 0)) await store.eraseByConsentId(record.consentId);
      const firstSeen = (await store.insightFirstSeen()).sort((a, b) => `${a.dimension}${a.key}`.localeCompare(`${b.dimension}${b.key}`));
      const grouped = async (points: 'week' | 'month') =>
        (await store.insightCounters({ from: '2026-01-07', to: '2026-03-31', points }))
          .map((counter) => ({ ...counter }))
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      results.push({ name: kind.name, counters: await allCounters(store), firstSeen, weeks: await grouped('week'), months: await grouped('month') });
    }
    assert.ok(
      results[0]!.counters.some((counter) => counter.dimension === 'withdrawal'),
      'the mix has withdrawals after grants',
    );
    // 2026-01-07 is a Wednesday: the first week is cut to start there; 2026-01-12 is the next Monday.
    assert.deepEqual([...new Set(results[0]!.weeks.map((counter) => counter.day))].sort().slice(0, 2), ['2026-01-07', '2026-01-12']);
    assert.deepEqual([...new Set(results[0]!.months.map((counter) => counter.day))].sort(), ['2026-01-07', '2026-02-01', '2026-03-01']);
    const days = results[0]!.counters.filter((counter) => counter.day >= '2026-01-07' && counter.day <= '2026-03-31');
    const total = (counters: { dimension: string; decisions: number }[]): number =>
      counters.filter((counter) => counter.dimension === 'all').reduce((sum, counter) => sum + counter.decisions, 0);
    assert.equal(total(results[0]!.weeks), total(days), 'weeks sum the days');
    for (const result of results.slice(1)) {
      assert.deepEqual(result.counters, results[0]!.counters, `${result.name} counts as the memory store does`);
      assert.deepEqual(result.firstSeen, results[0]!.firstSeen, `${result.name}: first-seen days`);
      assert.deepEqual(result.weeks, results[0]!.weeks, `${result.name}: per week`);
      assert.deepEqual(result.months, results[0]!.months, `${result.name}: per month`);
    }
  });
});

describe('a log from before the insights gets its counters once, when they are created', () => {
  it('SQLite: an old table (no services column, no counters) is counted when the store opens, and only once', async () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE consent_records (event_id TEXT NOT NULL, consent_id TEXT NOT NULL, decided_at TEXT NOT NULL, received_at TEXT NOT NULL,
      revision INTEGER NOT NULL, method TEXT NOT NULL, layer TEXT NOT NULL, categories TEXT NOT NULL, language TEXT NOT NULL,
      text_hash TEXT NOT NULL, widget_version TEXT NOT NULL, gpc INTEGER NOT NULL, page_url TEXT NOT NULL)`);
    const records = mixedDecisions(seeded(3), { visitors: 80, days: 30, startMs: START }).map(
      ({ services: _services, ...record }: ReturnType<typeof mixedDecisions>[number] & { services?: unknown }) => record,
    );
    const insert = db.prepare(`INSERT INTO consent_records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const r of records)
      insert.run(
        r.eventId,
        r.consentId,
        r.timestamp,
        r.timestamp,
        r.revision,
        r.method,
        r.layer,
        JSON.stringify(r.categories),
        r.language,
        r.textHash,
        r.widgetVersion,
        0,
        r.pageUrl,
      );
    const reference = createMemoryStore();
    for (const record of records) await reference.insert(record);

    const store = createSqliteStore(db);
    assert.deepEqual(await allCounters(store), await allCounters(reference));
    const again = createSqliteStore(db);
    assert.deepEqual(await allCounters(again), await allCounters(reference), 'opening it again counts nothing twice');
    const next = decision(sampleRecord().consentId, START, 'accept-all', ALL);
    await again.insert(next);
    await reference.insert(next);
    assert.deepEqual(await allCounters(again), await allCounters(reference), 'and records from then on are counted as they come');
  });

  for (const kind of stores.kinds.filter((each) => each.name === 'PostgreSQL')) {
    it('PostgreSQL: a table without the triggers is counted when a store first uses it, and only once', async () => {
      const records = mixedDecisions(seeded(5), { visitors: 80, days: 30, startMs: START });
      const store = await kind.make();
      for (const record of records) await store.insert(record);
      const counted = await allCounters(store);
      // As a database from before the insights: the records kept, the counters and their triggers not there.
      await stores
        .pool()!
        .query(
          'DROP TRIGGER consent_insights_added ON consent_records; DROP TRIGGER consent_insights_gone ON consent_records; DROP TABLE consent_insights_daily, consent_insights_visitors, consent_insights_refusable',
        );
      assert.deepEqual(await allCounters(createPostgresStore(stores.pool()!)), counted);
      assert.deepEqual(await allCounters(createPostgresStore(stores.pool()!)), counted, 'opening it again counts nothing twice');
    });

    it('PostgreSQL: 2,000 records and 400 duplicates from 16 connections at once: the counters add up to the rows, no deadlock', async () => {
      const store = await kind.make();
      const random = seeded(11);
      const records = mixedDecisions(random, { visitors: 800, days: 3, startMs: START }).slice(0, 2000);
      const sends = [...records, ...records.slice(0, 400)].sort(() => random() - 0.5);
      let next = 0;
      const results = await Promise.all(
        Array.from({ length: 16 }, async () => {
          const mine: string[] = [];
          while (next < sends.length) mine.push(await store.insert(sends[next++]!));
          return mine;
        }),
      );
      assert.equal(results.flat().filter((result) => result === 'inserted').length, records.length);
      const reference = createMemoryStore();
      for (const record of records) await reference.insert(record);
      const sum = async (each: typeof store, dimension: string): Promise<number> =>
        (await allCounters(each)).filter((counter) => counter.dimension === dimension).reduce((total, counter) => total + counter.decisions, 0);
      assert.equal(await sum(store, 'all'), records.length);
      for (const dimension of ['method', 'language', 'category', 'grant'])
        assert.equal(await sum(store, dimension), await sum(reference, dimension), dimension);
    });
  }
});

describe('the insights page reads counters, never the records', () => {
  it('SQLite: the counters of a period are found by the primary key, and the first-seen days by their index', () => {
    const db = new Database(':memory:');
    createSqliteStore(db);
    const plan = (sql: string, ...values: unknown[]): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as { detail: string }[]).map((step) => step.detail).join(' | ');
    const counters = plan(COUNTERS_QUERY(SQLITE_DIALECT, '?', '?'), '2026-01-01', '2026-12-31');
    assert.match(counters, /SEARCH consent_insights_daily USING PRIMARY KEY \(day>\? AND day<\?\)/);
    const firstSeen = plan(FIRST_SEEN_QUERY(SQLITE_DIALECT));
    assert.match(firstSeen, /consent_insights_daily_first_seen/);
    assert.doesNotMatch(counters + firstSeen, /consent_records/);
  });
});
