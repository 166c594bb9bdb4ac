import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createConsentHandler, createPostgresStore, type QueryableConsentStore } from '../../src/server/index.js';
import { postgresUnavailable, startPostgres, type PostgresServer } from './postgres-cluster.js';
import { listen, post, postConcurrently, sampleRecord, walk } from './records.js';

// Skipped only where no PostgreSQL binaries are installed (.ci/run installs them); says so in the output.
const unavailable = postgresUnavailable();
if (unavailable) console.log(`# PostgreSQL store tests skipped: ${unavailable}`);

describe('createPostgresStore (a real PostgreSQL server on 127.0.0.1)', { skip: unavailable ?? false }, () => {
  let postgres: PostgresServer;
  let pool: pg.Pool;
  let store: QueryableConsentStore;
  let http: Awaited<ReturnType<typeof listen>>;
  const rows = async (): Promise<number> => (await pool.query('SELECT COUNT(*)::int AS n FROM consent_records')).rows[0].n;

  before(async () => {
    postgres = await startPostgres();
    pool = new pg.Pool({ connectionString: postgres.connectionString, max: 20 });
    await pool.query('DROP TABLE IF EXISTS consent_records');
    store = createPostgresStore(pool);
    const handler = createConsentHandler({ store });
    http = await listen((req, res) => void handler(req, res));
  });
  after(async () => {
    await http?.close();
    await pool?.end();
    postgres?.stop();
  });

  it('creates the table with a unique index on event_id, and stores a record exactly as sent', async () => {
    const record = sampleRecord({ gpc: true, method: 'gpc' });
    assert.equal(await store.insert(record), 'inserted');
    assert.equal(await store.insert(record), 'duplicate');
    const { rows: indexes } = await pool.query("SELECT indexdef FROM pg_indexes WHERE tablename = 'consent_records'");
    assert.ok(indexes.some((row: { indexdef: string }) => /UNIQUE INDEX .* \(event_id\)/.test(row.indexdef)));
    const [stored] = await store.findByConsentId(record.consentId);
    const { receivedAt, ...rest } = stored!;
    assert.deepEqual(rest, record);
    assert.ok(Date.parse(receivedAt) > 0);
  });

  it('1000 decisions from 50 concurrent clients through the handler, 200 sent twice at once: exactly 1000 rows', async () => {
    const before = await rows();
    const records = Array.from({ length: 1000 }, () => sampleRecord());
    const sends = [...records, ...records.slice(0, 200)];
    const statuses = await postConcurrently(http.url, sends, 50);
    assert.equal((await rows()) - before, 1000);
    assert.equal(statuses.filter((s) => s === 201).length, 1000);
    assert.equal(statuses.filter((s) => s === 200).length, 200);
  });

  it('the same eventId inserted by 20 racing connections at once: one row', async () => {
    const record = sampleRecord();
    const results = await Promise.all(Array.from({ length: 20 }, () => store.insert(record)));
    assert.deepEqual(
      results.filter((r) => r === 'inserted'),
      ['inserted'],
    );
    assert.equal((await pool.query('SELECT COUNT(*)::int AS n FROM consent_records WHERE event_id = $1', [record.eventId])).rows[0].n, 1);
  });

  it('hostile bodies get a 4xx and nothing is stored', async () => {
    const before = await rows();
    const record = sampleRecord();
    for (const body of [
      '{"schema":',
      JSON.stringify({ ...record, pad: 'x'.repeat(1_000_000) }),
      { ...record, consentId: "00000000-0000-0000-0000-000000000000'); DROP TABLE consent_records; --" },
      { ...record, categories: { 'a\u0000': true } },
      { ...record, revision: 1e20 },
    ]) {
      const { status } = await post(http.url, body);
      assert.ok(status >= 400 && status < 500, `status ${status}`);
    }
    assert.equal(await rows(), before);
  });

  it('finds, lists, counts and erases by consentId', async () => {
    const consentId = sampleRecord().consentId;
    const mine = [
      sampleRecord({ consentId, timestamp: '2026-01-01T00:00:00.000Z' }),
      sampleRecord({ consentId, timestamp: '2026-02-01T00:00:00.000Z', method: 'withdraw' }),
    ];
    for (const record of mine) await store.insert(record);
    assert.deepEqual(
      (await store.findByConsentId(consentId)).map((r) => r.eventId),
      mine.map((r) => r.eventId),
    );
    assert.equal(await store.count(), await rows());
    assert.equal((await store.list({ limit: 5 })).length, 5);
    assert.equal(await store.eraseByConsentId(consentId), 2);
    assert.deepEqual(await store.findByConsentId(consentId), []);
  });

  it('event_id is the primary key, and received_at is indexed for retention and keyset paging', async () => {
    const { rows: keys } = await pool.query(
      `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = 'consent_records'::regclass AND i.indisprimary`,
    );
    assert.deepEqual(
      keys.map((row: { attname: string }) => row.attname),
      ['event_id'],
    );
    const { rows: indexes } = await pool.query("SELECT indexdef FROM pg_indexes WHERE tablename = 'consent_records'");
    assert.ok(indexes.some((row: { indexdef: string }) => /\(received_at, event_id\)/.test(row.indexdef)));
  });

  it('eight receivers creating the schema at the same moment all succeed (advisory lock)', async () => {
    await pool.query('DROP TABLE consent_records');
    const pools = Array.from({ length: 8 }, () => new pg.Pool({ connectionString: postgres.connectionString, max: 1 }));
    try {
      // Connected beforehand, so the eight CREATEs reach the server together rather than one connection apart.
      await Promise.all(pools.map((each) => each.query('SELECT 1')));
      const results = await Promise.allSettled(pools.map((each) => createPostgresStore(each).insert(sampleRecord())));
      assert.deepEqual(
        results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok')),
        Array(8).fill('ok'),
      );
      assert.equal(await rows(), 8);
    } finally {
      await Promise.all(pools.map((each) => each.end()));
    }
  });

  it('listPage walks every record once in either order, and purgeOlderThan erases only what is older', async () => {
    for (let i = 0; i < 30; i++) await store.insert(sampleRecord());
    const total = await rows();
    const oldest = await walk(store, 'oldest', 7);
    assert.equal(oldest.length, total);
    assert.equal(new Set(oldest).size, total);
    assert.deepEqual(await walk(store, 'newest', 7), [...oldest].reverse());
    await pool.query(`UPDATE consent_records SET received_at = now() - interval '400 days' WHERE event_id = ANY($1::uuid[])`, [oldest.slice(0, 12)]);
    assert.equal(await store.purgeOlderThan(new Date(Date.now() - 365 * 86_400_000)), 12);
    assert.equal(await rows(), total - 12);
  });

  it('a year-0000 decision time is a 400, not a 503 the browser would retry for ever', async () => {
    const { status } = await post(http.url, sampleRecord({ timestamp: '0000-01-01T00:00:00.000Z' }));
    assert.equal(status, 400);
  });
});
