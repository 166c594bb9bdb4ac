/**
 * `node --import tsx bench/receiver-export.mjs`: what a deployed log's big jobs cost.
 *   1. Export: BENCH_EXPORT_ROWS (default 1 M) SQLite records streamed as CSV and as NDJSON from
 *      the receiver in its own process, while a client POSTs a record every 10 ms: the export's
 *      time and size, the receiver's peak memory (Linux /proc VmHWM), and the POST latency next
 *      to the same POSTs without an export.
 *   2. Retention (alone with BENCH_SKIP_EXPORT=1; left out with BENCH_SKIP_PURGE=1): purgeOlderThan over BENCH_PURGE_ROWS (default: the export's rows, which the
 *      export's database then holds; more are seeded first) expired rows, keeping the records
 *      POSTed during the export, with the longest event-loop stall seen meanwhile.
 * Loopback only, bounded. Results replace the "Export and retention" part of bench/receiver-results.md.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../src/server/index.js';
import { seedSqlite } from '../scripts/seed-consent-records.mjs';
import { writeResultsSection } from './results-file.mjs';

const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
/** The export's rows are purged afterwards; rows beyond them are seeded for the purge first. */
const PURGE_ROWS = Math.max(EXPORT_ROWS, Number(process.env.BENCH_PURGE_ROWS ?? EXPORT_ROWS));
const SKIP_EXPORT = process.env.BENCH_SKIP_EXPORT === '1';
/** The export alone: the purge of a million rows takes minutes more. */
const SKIP_PURGE = process.env.BENCH_SKIP_PURGE === '1';
const EXPORT_SECTION = '## Export';
const PURGE_SECTION = '## Retention';
const dir = mkdtempSync(join(tmpdir(), 'ccw-export-bench-'));
const mb = (bytes) => (bytes / 1e6).toFixed(0);
const percentile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const log = (line) => console.log(line);

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)[1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const record = (origin) => ({
  schema: 1,
  eventId: randomUUID(),
  consentId: randomUUID(),
  timestamp: new Date().toISOString(),
  revision: 3,
  method: 'custom',
  layer: 'preferences',
  categories: { session: true, analytics: false },
  language: 'lv',
  textHash: 'c'.repeat(64),
  widgetVersion: '0.1.0',
  gpc: false,
  pageUrl: `${origin}/en/`,
});

async function postLatencies(url, until) {
  const latencies = [];
  let done = false;
  if (typeof until !== 'number') until.finally(() => (done = true));
  while (!done && (typeof until !== 'number' || latencies.length < until)) {
    const started = performance.now();
    const response = await fetch(`${url}/consent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record(url)) });
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`POST answered ${response.status}`);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return latencies;
}

async function download(url) {
  const response = await fetch(url);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  }
  return { status: response.status, bytes, lines };
}

const file = join(dir, 'records.sqlite');

async function benchExport() {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  createSqliteStore(db);
  let started = performance.now();
  seedSqlite(db, EXPORT_ROWS);
  db.close();
  log(`seeded ${EXPORT_ROWS} rows in ${((performance.now() - started) / 1000).toFixed(1)} s (${mb(statSync(file).size)} MB file)`);

  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/receiver-from-source.ts', '--db', file, '--port', '0', '--no-rate-limit'], {
    env: { ...process.env, CONSENT_SECRET: 'bench-secret-0123456789abcdef-0123456789' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise((resolve) =>
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Consent-log receiver: (http:\/\/\S+?)\/ /.exec(output);
      if (match) resolve(match[1]);
    }),
  );
  const results = [];
  try {
    const baseline = await postLatencies(url, 300);
    for (const format of ['csv', 'ndjson']) {
      const before = memory(child.pid);
      started = performance.now();
      const exported = download(`${url}/admin/records.${format}`);
      const latencies = await postLatencies(url, exported);
      const { status, bytes, lines } = await exported;
      const seconds = (performance.now() - started) / 1000;
      const after = memory(child.pid);
      const result = {
        format,
        status,
        bytes,
        rows: format === 'csv' ? lines - 1 : lines,
        seconds,
        rssBefore: before.rss,
        peak: after.peak,
        posts: latencies.length,
        p50: percentile(latencies, 0.5),
        p99: percentile(latencies, 0.99),
        max: Math.max(...latencies),
        baseP50: percentile(baseline, 0.5),
        baseP99: percentile(baseline, 0.99),
      };
      results.push(result);
      log(
        `${format}: ${result.rows} rows, ${mb(bytes)} MB in ${seconds.toFixed(1)} s; RSS ${mb(before.rss)} MB before, peak ${mb(after.peak)} MB; ` +
          `${latencies.length} POSTs meanwhile p50 ${result.p50.toFixed(1)} ms p99 ${result.p99.toFixed(1)} ms max ${result.max.toFixed(1)} ms ` +
          `(without export p50 ${result.baseP50.toFixed(1)} ms p99 ${result.baseP99.toFixed(1)} ms)`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  return results;
}

async function benchPurge() {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const store = createSqliteStore(db);
  let started = performance.now();
  const seeded = SKIP_EXPORT ? 0 : EXPORT_ROWS;
  if (PURGE_ROWS > seeded) {
    seedSqlite(db, PURGE_ROWS - seeded, { startMs: Date.UTC(2010, 0, 1), onProgress: (done) => done % 1_000_000 === 0 && log(`  seeded ${done}`) });
    log(`seeded ${PURGE_ROWS - seeded} more expired rows in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  // What the export's POSTs stored is current and must stay.
  const keep = (await store.count()) - PURGE_ROWS;
  const size = statSync(file).size;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  started = performance.now();
  const purged = await store.purgeOlderThan(new Date(Date.UTC(2026, 6, 1)));
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  const left = await store.count();
  db.close();
  if (purged !== PURGE_ROWS || left !== keep) throw new Error(`purged ${purged}, ${left} left`);
  const result = {
    rows: PURGE_ROWS,
    keep,
    seconds,
    perSecond: PURGE_ROWS / seconds,
    maxStallMs: delay.max / 1e6,
    p99StallMs: delay.percentile(99) / 1e6,
    size,
  };
  log(
    `purge: ${PURGE_ROWS} rows in ${seconds.toFixed(1)} s (${result.perSecond.toFixed(0)} rows/s); event loop stalled at most ${result.maxStallMs.toFixed(1)} ms (p99 ${result.p99StallMs.toFixed(1)} ms)`,
  );
  return result;
}

const loadBefore = loadavg()[0];
let exportResults;
let purgeResult;
try {
  if (SKIP_EXPORT) {
    const db = new Database(file);
    createSqliteStore(db);
    db.close();
  } else exportResults = await benchExport();
  if (!SKIP_PURGE) purgeResult = await benchPurge();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const cpu = cpus();
const rows = (exportResults ?? [])
  .map(
    (r) =>
      `| ${r.format} | ${r.rows} | ${mb(r.bytes)} | ${r.seconds.toFixed(1)} | ${mb(r.rssBefore)} → ${mb(r.peak)} | ${r.posts} | ${r.p50.toFixed(1)} | **${r.p99.toFixed(1)}** | ${r.max.toFixed(1)} | ${r.baseP50.toFixed(1)} / ${r.baseP99.toFixed(1)} |`,
  )
  .join('\n');
const measured = `Measured ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}; 1-minute load
average ${loadBefore.toFixed(2)} before and ${loadavg()[0].toFixed(2)} after (the machine is shared: other work shows up in the latencies).`;
const exportSection =
  exportResults &&
  `${EXPORT_SECTION} (\`npm run bench:receiver-export\`)

${measured}

Export of ${EXPORT_ROWS} SQLite records (the receiver from source in its own process, \`--no-rate-limit\`;
keyset pages of 100 rows, a yield to the event loop after each). Meanwhile a client POSTs a new record
every 10 ms; the last column is the same client's latency before the export, for comparison.

| format | rows | MB | seconds | receiver RSS MB (before → peak) | POSTs | p50 ms | p99 ms | max ms | without export p50 / p99 ms |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows}
`;
const purgeSection =
  purgeResult &&
  `${PURGE_SECTION} (\`npm run bench:receiver-export\`)

${measured}

\`purgeOlderThan\` over ${purgeResult.rows} expired SQLite rows (${mb(purgeResult.size)} MB file), ${purgeResult.keep} current ones
kept: **${purgeResult.seconds.toFixed(1)} s** (${purgeResult.perSecond.toFixed(0)} rows/s), in batches sized to take about 20 ms
each, with a yield between them; the longest event-loop stall meanwhile was ${purgeResult.maxStallMs.toFixed(1)} ms (p99 ${purgeResult.p99StallMs.toFixed(1)} ms).
`;
if (exportSection) writeResultsSection(EXPORT_SECTION, exportSection);
if (purgeSection) writeResultsSection(PURGE_SECTION, purgeSection);
log('Results written to bench/receiver-results.md');
