/**
 * `npm run bench:receiver`: how many consent records per second the packaged receiver
 * (`cookie-consent-widget receiver`, from source, one Node process) stores on loopback over
 * SQLite in WAL mode, or with BENCH_STORE=postgres over a throwaway PostgreSQL server, and the
 * latency of each POST. A bounded load: a fixed number of records per run, at
 * a few fixed concurrencies, every one a new record (201) checked against the table afterwards.
 * The receiver runs in a child process so the load generator does not share its event loop.
 * Results go to bench/receiver-results.md (bench/receiver-export.mjs adds its own part there).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Agent, request } from 'node:http';
import { startPostgres } from '../test/server/postgres-cluster.ts';
import { writeResultsSection } from './results-file.mjs';

const RECORDS_PER_RUN = Number(process.env.BENCH_RECORDS ?? 20_000);
const WARMUP = 1_000;
const CONCURRENCIES = [1, 16, 64];

const record = () => ({
  schema: 1,
  eventId: randomUUID(),
  consentId: randomUUID(),
  timestamp: new Date().toISOString(),
  revision: 3,
  method: 'custom',
  layer: 'preferences',
  categories: { session: true, preferences: true, analytics: false, promotional: false },
  language: 'lv',
  textHash: 'c'.repeat(64),
  widgetVersion: '0.1.0',
  gpc: false,
  pageUrl: 'https://shop.example/products/lamp',
});

const STORE = process.env.BENCH_STORE === 'postgres' ? 'postgres' : 'sqlite';
const dir = mkdtempSync(join(tmpdir(), 'ccw-bench-'));
const file = join(dir, 'records.sqlite');
const postgres = STORE === 'postgres' ? await startPostgres() : null;
const storeArgs = postgres ? ['--postgres', postgres.connectionString] : ['--db', file];
// Without the per-process flood limits: one load generator is all one address, and the limits belong at the proxy.
const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'scripts/receiver-from-source.ts', ...storeArgs, '--port', '0', '--public-origin', 'https://shop.example', '--no-rate-limit'],
  { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CONSENT_SECRET: 'bench-secret-0123456789abcdef-0123456789' } },
);
const [startLine] = await once(child.stdout, 'data');
const url = `${/Consent-log receiver: (http:\/\/\S+?)\/ /.exec(String(startLine))[1]}/consent`;

function post(body, agent) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function run(count, concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = new Float64Array(count);
  const statuses = new Map();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const body = JSON.stringify(record());
        const t0 = performance.now();
        const status = await post(body, agent);
        latencies[index] = performance.now() - t0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { count, concurrency, seconds, perSecond: count / seconds, p50: at(0.5), p99: at(0.99), max: sorted.at(-1), statuses };
}

const loadBefore = loadavg()[0];
const results = [];
try {
  await run(WARMUP, 8);
  for (const concurrency of CONCURRENCIES) {
    const result = await run(RECORDS_PER_RUN, concurrency);
    results.push(result);
    console.log(
      `concurrency ${String(concurrency).padStart(3)}: ${result.perSecond.toFixed(0)} records/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, statuses ${JSON.stringify(Object.fromEntries(result.statuses))}`,
    );
  }
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

const expected = WARMUP + RECORDS_PER_RUN * CONCURRENCIES.length;
let rows;
let engine;
if (postgres) {
  const client = new pg.Client({ connectionString: postgres.connectionString });
  await client.connect();
  rows = (await client.query('SELECT COUNT(*)::int AS n FROM consent_records')).rows[0].n;
  engine = `PostgreSQL ${(await client.query('SHOW server_version')).rows[0].server_version} (throwaway cluster, fsync=off)`;
  await client.end();
  postgres.stop();
} else {
  const db = new Database(file, { readonly: true });
  rows = db.prepare('SELECT COUNT(*) AS n FROM consent_records').get().n;
  engine = `SQLite ${db.prepare('SELECT sqlite_version() AS v').get().v} (better-sqlite3, WAL, synchronous=NORMAL, file on ${tmpdir()})`;
  db.close();
}
rmSync(dir, { recursive: true, force: true });
const allCreated = results.every((r) => r.statuses.get(201) === r.count);
if (rows !== expected || !allCreated) {
  console.error(`expected ${expected} rows and only 201 answers, found ${rows} rows`);
  process.exit(1);
}

const cpu = cpus();
const table = results
  .map(
    (r) =>
      `| ${r.concurrency} | ${r.count} | ${r.seconds.toFixed(2)} | **${r.perSecond.toFixed(0)}** | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(1)} |`,
  )
  .join('\n');
const heading = `## ${STORE === 'postgres' ? 'PostgreSQL' : 'SQLite'} throughput`;
const section = `${heading} (\`${STORE === 'postgres' ? 'BENCH_STORE=postgres ' : ''}npm run bench:receiver\`)

Measured ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version},
${engine}. 1-minute load average ${loadBefore.toFixed(2)} before and ${loadavg()[0].toFixed(2)} after (other work on the machine shows up here).

The packaged receiver (\`createConsentHandler\` → strict validation → credential check → \`INSERT …
ON CONFLICT (event_id) DO NOTHING\`) in one Node process, flood limits off; the load generator in
another, on loopback (127.0.0.1) only, HTTP/1.1 keep-alive. Each run POSTs a fixed number of new
records (every answer 201); after all runs the table held exactly ${rows} rows (${WARMUP} warm-up + ${RECORDS_PER_RUN} × ${CONCURRENCIES.length}).
Latency is per request, as the client sees it.

| concurrent clients | records | seconds | records/s | p50 ms | p99 ms | max ms |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${table}

`;
writeResultsSection(heading, section);
console.log(`${rows} rows stored, as expected. Results written to bench/receiver-results.md`);
