import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Agent, request } from 'node:http';
import pg from 'pg';
import { postgresUnavailable, startPostgres, type PostgresServer } from '../server/postgres-cluster.js';
import { recordFrom, SECRET } from './helpers.js';
import { spawnReceiver, type ReceiverProcess } from './spawn-receiver.js';

// Skipped only where no PostgreSQL binaries are installed (.ci/run installs them); says so in the output.
const unavailable = postgresUnavailable();
if (unavailable) console.log(`# PostgreSQL receiver tests skipped: ${unavailable}`);
const INSTANCES = 4;
// Enough for the four processes to race on the schema and on each duplicate; more only adds time.
const RECORDS = 4_000;
const DUPLICATES = 400;

describe('several receiver instances share one PostgreSQL: nothing lost, nothing doubled', { skip: unavailable ?? false, timeout: 180_000 }, () => {
  let postgres: PostgresServer;
  let pool: pg.Pool;
  let instances: ReceiverProcess[] = [];

  before(async () => {
    postgres = await startPostgres();
    pool = new pg.Pool({ connectionString: postgres.connectionString, max: 2 });
    await pool.query('DROP TABLE IF EXISTS consent_records');
    // Started together, so they also race to create the schema.
    instances = await Promise.all(
      Array.from({ length: INSTANCES }, () =>
        spawnReceiver(['--postgres', postgres.connectionString, '--port', '0', '--public-origin', 'https://shop.example', '--no-rate-limit'], {
          CONSENT_SECRET: SECRET,
        }),
      ),
    );
  });
  after(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await pool?.end();
    postgres?.stop();
  });

  it(`${RECORDS} records and ${DUPLICATES} duplicates spread over ${INSTANCES} processes: ${RECORDS} rows, one per eventId`, async () => {
    const records = Array.from({ length: RECORDS }, () => recordFrom('https://shop.example'));
    // Each duplicate goes to a different instance than its original, at about the same time.
    const sends = records.flatMap(
      (record, index) =>
        (index < DUPLICATES
          ? [
              [record, index],
              [record, index + 1],
            ]
          : [[record, index]]) as [typeof record, number][],
    );
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const post = (url: string, body: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request(
          url,
          { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode!));
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          // The documented keep-alive race: the server closed an idle socket just as it was reused.
          // Sent again, as the widget would; eventId makes that harmless.
          if (req.reusedSocket && error.code === 'ECONNRESET') post(url, body).then(resolve, reject);
          else reject(error);
        });
        req.end(body);
      });
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < sends.length) {
          const [record, target] = sends[next++]!;
          const status = await post(`${instances[target % INSTANCES]!.url}/consent`, JSON.stringify(record));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    agent.destroy();
    assert.deepEqual(Object.fromEntries(statuses), { 201: RECORDS, 200: DUPLICATES });
    const { rows } = await pool.query('SELECT COUNT(*)::int AS n, COUNT(DISTINCT event_id)::int AS ids FROM consent_records');
    assert.deepEqual(rows[0], { n: RECORDS, ids: RECORDS });
    for (const instance of instances) assert.doesNotMatch(instance.output(), /error/i);
  });
});
