/**
 * `npm run bench:insights`: how long the receiver's insights page takes to render over a large
 * consent log, on SQLite and on PostgreSQL, as a client on loopback sees it (the receiver from
 * source in its own process, GET /admin/insights one request at a time after a warm-up).
 *
 * Two logs per store:
 *  - counters for BENCH_AGGREGATE_RECORDS decisions (default 10 M) over the last 12 months, written
 *    straight into consent_insights_daily: the page reads only these, so this is the page's cost at
 *    that size, without the hours it would take this machine to store 10 M records one by one;
 *  - a real log of BENCH_ROWS records (default 1 M) inserted into consent_records, the triggers
 *    keeping the counters as they go (the insert rate with and without them is measured too).
 *
 * BENCH_STORE=sqlite|postgres|both (default both), BENCH_REQUESTS (default 30).
 * Results go to bench/insights-results.md.
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createPostgresStore, createSqliteStore } from '../src/server/index.ts';
import { startPostgres } from '../test/server/postgres-cluster.ts';

const AGGREGATE_RECORDS = Number(process.env.BENCH_AGGREGATE_RECORDS ?? 10_000_000);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const WARMUP = 3;
const STORES = process.env.BENCH_STORE === 'sqlite' || process.env.BENCH_STORE === 'postgres' ? [process.env.BENCH_STORE] : ['sqlite', 'postgres'];
const OVERHEAD_ROWS = 50_000;
const OVERHEAD_RUNS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
const SECRET = 'bench-secret-0123456789abcdef-0123456789';
const PAGES = ['insights?period=12m', 'insights?period=30d'];

const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const yearStart = today - 364 * DAY_MS;
const dayText = (ms) => new Date(ms).toISOString().slice(0, 10);
const revisionAt = (ms) => (ms < yearStart + 120 * DAY_MS ? 3 : ms < yearStart + 250 * DAY_MS ? 4 : 5);
const hash = (text) => createHash('sha256').update(text).digest('hex');
const LANGUAGES = [
  ['lv', 0.45],
  ['en', 0.3],
  ['ru', 0.12],
  ['de', 0.06],
  ['et', 0.04],
  ['pt-BR', 0.03],
];
const METHODS = [
  ['accept-all', 0.44],
  ['reject-all', 0.34],
  ['custom', 0.17],
  ['withdraw', 0.02],
  ['gpc', 0.03],
];
const LAYERS = [
  ['banner', 0.78],
  ['preferences', 0.15],
  ['placeholder', 0.04],
  ['api', 0.03],
];
const CATEGORIES = [
  ['session', 1],
  ['preferences', 0.55],
  ['analytics', 0.5],
  ['promotional', 0.4],
];
const SERVICES = ['youtube', 'vimeo', 'maps', 'hotjar', 'matomo', 'meta-pixel', 'linkedin', 'intercom'];
const DELAYS = [
  ['under-1h', 0.3],
  ['under-1d', 0.3],
  ['under-7d', 0.2],
  ['under-30d', 0.12],
  ['later', 0.08],
];
const TEXTS = new Map();
/** The banner text's hash per language: the Latvian text was reworded on day 200. */
const textOf = (language, ms) => {
  const version = `${language}-${language === 'lv' && ms >= yearStart + 200 * DAY_MS ? 2 : 1}`;
  if (!TEXTS.has(version)) TEXTS.set(version, hash(version));
  return TEXTS.get(version);
};

/** Counters for `total` decisions over the last 365 days, spread as a site's would be: what the page reads. */
function syntheticCounters(total) {
  const weights = Array.from({ length: 365 }, (_, day) => ((day + 3) % 7 < 2 ? 0.7 : 1) * (0.9 + 0.2 * Math.sin(day / 9)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counters = [];
  let left = total;
  weights.forEach((weight, day) => {
    const ms = yearStart + day * DAY_MS;
    const decisions = day === 364 ? left : Math.round((total * weight) / sum);
    left -= decisions;
    const revision = revisionAt(ms);
    const add = (dimension, key, count, granted = 0) => counters.push([dayText(ms), revision, dimension, key, Math.round(count), Math.round(granted)]);
    add('all', '', decisions);
    for (const [method, share] of METHODS) add('method', method, decisions * share);
    for (const [layer, share] of LAYERS) add('layer', layer, decisions * share);
    for (const [language, share] of LANGUAGES) {
      add('language', language, decisions * share);
      add('text', textOf(language, ms), decisions * share);
    }
    for (const [category, share] of CATEGORIES)
      add('category', category, decisions, decisions * share * (category === 'analytics' && revision === 5 ? 1.08 : 1));
    for (const service of SERVICES) add('service', service, decisions * 0.2, decisions * 0.2 * 0.45);
    add('grant', '', decisions * 0.4);
    for (const [delay, share] of DELAYS) add('withdrawal', delay, decisions * 0.01 * share);
  });
  return counters;
}

/** The i-th of `rows` decisions spread evenly over the last 365 days, as columns of consent_records. */
function rawRow(i, rows, granted) {
  const ms = yearStart + Math.floor((i / rows) * 365 * DAY_MS);
  const roll = (i * 7919) % 1000;
  const method = roll < 440 ? 'accept-all' : roll < 780 ? 'reject-all' : roll < 950 ? 'custom' : roll < 970 && granted.length > 0 ? 'withdraw' : 'gpc';
  const language = LANGUAGES[i % 20 < 9 ? 0 : i % 20 < 15 ? 1 : 2 + (i % 4)][0];
  const yes = method === 'accept-all';
  const custom = method === 'custom';
  const categories = JSON.stringify({
    session: true,
    preferences: yes || (custom && i % 2 === 0),
    analytics: yes || (custom && i % 3 === 0),
    promotional: yes || (custom && i % 5 === 0),
  });
  const consentId = method === 'withdraw' ? granted[(i * 31) % granted.length] : randomUUID();
  if (yes && granted.length < 50_000) granted.push(consentId);
  else if (yes) granted[i % granted.length] = consentId;
  const time = new Date(ms).toISOString();
  const layer = custom ? 'preferences' : method === 'gpc' ? 'api' : 'banner';
  return [
    randomUUID(),
    consentId,
    time,
    time,
    revisionAt(ms),
    method,
    layer,
    categories,
    language,
    textOf(language, ms),
    '0.1.0',
    method === 'gpc' ? 1 : 0,
    'https://shop.example/',
  ];
}

const INSERT_COLUMNS = 'event_id, consent_id, decided_at, received_at, revision, method, layer, categories, language, text_hash, widget_version, gpc, page_url';

/** Inserts `rows` raw decisions in transactions of 20,000; resolves to rows per second. */
function seedSqliteRows(db, rows, onProgress = () => {}) {
  const insert = db.prepare(`INSERT INTO consent_records (${INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const granted = [];
  const batch = db.transaction((from, to) => {
    for (let i = from; i < to; i++) insert.run(...rawRow(i, rows, granted));
  });
  const started = performance.now();
  for (let from = 0; from < rows; from += 20_000) {
    batch(from, Math.min(rows, from + 20_000));
    onProgress(Math.min(rows, from + 20_000));
  }
  return rows / ((performance.now() - started) / 1000);
}

async function seedPostgresRows(pool, rows, onProgress = () => {}) {
  const granted = [];
  const started = performance.now();
  for (let from = 0; from < rows; from += 5_000) {
    const values = [];
    const columns = Array.from({ length: 13 }, () => []);
    for (let i = from; i < Math.min(rows, from + 5_000); i++) rawRow(i, rows, granted).forEach((value, column) => columns[column].push(value));
    columns[11] = columns[11].map(Boolean);
    values.push(...columns);
    await pool.query(
      `INSERT INTO consent_records (${INSERT_COLUMNS}) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::int[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[], $11::text[], $12::boolean[], $13::text[])`,
      values,
    );
    onProgress(Math.min(rows, from + 5_000));
  }
  return rows / ((performance.now() - started) / 1000);
}

function progress(label) {
  let last = 0;
  return (done) => {
    if (performance.now() - last < 15_000) return;
    last = performance.now();
    console.log(`  ${label}: ${done.toLocaleString('en-US')}`);
  };
}

/** The receiver command from source, in its own process, listening on a free port. */
async function startReceiver(storeArgs) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/receiver-from-source.ts', ...storeArgs, '--port', '0', '--no-rate-limit'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CONSENT_SECRET: SECRET },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  while (!/Consent-log receiver: (http:\/\/\S+?)\/ /.test(output)) await once(child.stdout, 'data');
  const url = /Consent-log receiver: (http:\/\/\S+?)\/ /.exec(output)[1];
  return { url, stop: async () => (child.kill('SIGTERM'), await once(child, 'exit')) };
}

function get(url, agent) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    request(url, { agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve({ ms: performance.now() - started, bytes }) : reject(new Error(`${url}: ${res.statusCode}`))));
    })
      .on('error', reject)
      .end();
  });
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

async function timePages(storeArgs) {
  const receiver = await startReceiver(storeArgs);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const results = [];
  try {
    for (const page of PAGES) {
      for (let n = 0; n < WARMUP; n++) await get(`${receiver.url}/admin/${page}`, agent);
      const times = [];
      let bytes = 0;
      for (let n = 0; n < REQUESTS; n++) {
        const answer = await get(`${receiver.url}/admin/${page}`, agent);
        times.push(answer.ms);
        bytes = answer.bytes;
      }
      results.push({ page, median: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), bytes });
    }
  } finally {
    agent.destroy();
    await receiver.stop();
  }
  return results;
}

async function sqliteRuns(dir) {
  const runs = [];
  // Counters only, for 10 M decisions.
  const countersFile = join(dir, 'counters.sqlite');
  {
    const db = new Database(countersFile);
    db.pragma('journal_mode = WAL');
    createSqliteStore(db);
    const insert = db.prepare('INSERT INTO consent_insights_daily (day, revision, dimension, key, decisions, granted) VALUES (?, ?, ?, ?, ?, ?)');
    const counters = syntheticCounters(AGGREGATE_RECORDS);
    db.transaction(() => counters.forEach((counter) => insert.run(...counter)))();
    db.close();
    runs.push({
      log: `counters of ${AGGREGATE_RECORDS.toLocaleString('en-US')} decisions (seeded into the counter table; no records)`,
      counters: counters.length,
      pages: await timePages(['--db', countersFile]),
    });
  }
  // The insert rate with and without the triggers, on fresh files.
  const rate = (withTriggers) => {
    const file = join(dir, `rate-${withTriggers}-${randomUUID()}.sqlite`);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    createSqliteStore(db);
    if (!withTriggers) {
      for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'consent_insights_%'`).all())
        db.exec(`DROP TRIGGER ${name}`);
    }
    const perSecond = seedSqliteRows(db, OVERHEAD_ROWS);
    const started = performance.now();
    db.prepare('DELETE FROM consent_records WHERE rowid IN (SELECT rowid FROM consent_records LIMIT 20000)').run();
    const purgePerSecond = 20_000 / ((performance.now() - started) / 1000);
    db.close();
    return { perSecond, purgePerSecond };
  };
  // Alternated, three of each: on a shared disk one run alone says more about the neighbours than about the triggers.
  const overhead = alternate(Array.from({ length: OVERHEAD_RUNS }, () => [rate(false), rate(true)]));
  // A real log.
  const logFile = join(dir, 'log.sqlite');
  const db = new Database(logFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  createSqliteStore(db);
  console.log(`SQLite: inserting ${ROWS.toLocaleString('en-US')} records`);
  const perSecond = seedSqliteRows(db, ROWS, progress('SQLite rows'));
  const counted = db.prepare(`SELECT SUM(decisions) AS n FROM consent_insights_daily WHERE dimension = 'all'`).get().n;
  const counters = db.prepare('SELECT COUNT(*) AS n FROM consent_insights_daily').get().n;
  const visitors = db.prepare('SELECT COUNT(*) AS n FROM consent_insights_visitors').get().n;
  db.close();
  if (counted !== ROWS) throw new Error(`the counters hold ${counted} decisions, the log ${ROWS}`);
  runs.push({
    log: `a real log of ${ROWS.toLocaleString('en-US')} records (${Math.round(statSync(logFile).size / 1e6)} MB file), counted by the triggers as they were inserted at ${Math.round(perSecond).toLocaleString('en-US')} records/s`,
    counters,
    visitors,
    pages: await timePages(['--db', logFile]),
  });
  return { runs, overhead, version: new Database(':memory:').prepare('SELECT sqlite_version() AS v').get().v };
}

async function postgresRuns() {
  const server = await startPostgres();
  const pool = new pg.Pool({ connectionString: server.connectionString, max: 4 });
  const runs = [];
  const fresh = async () => {
    await pool.query('DROP TABLE IF EXISTS consent_records, consent_insights_daily, consent_insights_visitors, consent_insights_refusable');
    await createPostgresStore(pool).count();
  };
  try {
    const version = (await pool.query('SHOW server_version')).rows[0].server_version;
    await fresh();
    const counters = syntheticCounters(AGGREGATE_RECORDS);
    const columns = Array.from({ length: 6 }, (_, column) => counters.map((counter) => counter[column]));
    await pool.query('INSERT INTO consent_insights_daily SELECT * FROM unnest($1::date[], $2::int[], $3::text[], $4::text[], $5::int[], $6::int[])', columns);
    await pool.query('VACUUM ANALYZE consent_insights_daily');
    runs.push({
      log: `counters of ${AGGREGATE_RECORDS.toLocaleString('en-US')} decisions (seeded into the counter table; no records)`,
      counters: counters.length,
      pages: await timePages(['--postgres', server.connectionString]),
    });

    const rate = async (withTriggers) => {
      await fresh();
      if (!withTriggers) await pool.query('DROP TRIGGER consent_insights_added ON consent_records; DROP TRIGGER consent_insights_gone ON consent_records');
      const perSecond = await seedPostgresRows(pool, OVERHEAD_ROWS);
      const started = performance.now();
      await pool.query('DELETE FROM consent_records WHERE event_id IN (SELECT event_id FROM consent_records LIMIT 5000)');
      return { perSecond, purgePerSecond: 5_000 / ((performance.now() - started) / 1000) };
    };
    const pairs = [];
    for (let run = 0; run < OVERHEAD_RUNS; run++) pairs.push([await rate(false), await rate(true)]);
    const overhead = alternate(pairs);

    await fresh();
    console.log(`PostgreSQL: inserting ${ROWS.toLocaleString('en-US')} records`);
    const perSecond = await seedPostgresRows(pool, ROWS, progress('PostgreSQL rows'));
    await pool.query('VACUUM ANALYZE consent_insights_daily');
    const counted = Number((await pool.query(`SELECT SUM(decisions) AS n FROM consent_insights_daily WHERE dimension = 'all'`)).rows[0].n);
    if (counted !== ROWS) throw new Error(`the counters hold ${counted} decisions, the log ${ROWS}`);
    const counterRows = Number((await pool.query('SELECT COUNT(*) AS n FROM consent_insights_daily')).rows[0].n);
    const visitors = Number((await pool.query('SELECT COUNT(*) AS n FROM consent_insights_visitors')).rows[0].n);
    const size = Number((await pool.query(`SELECT pg_total_relation_size('consent_records') AS n`)).rows[0].n);
    runs.push({
      log: `a real log of ${ROWS.toLocaleString('en-US')} records (${Math.round(size / 1e6)} MB table and indexes), counted by the triggers as they were inserted, 5,000 a statement, at ${Math.round(perSecond).toLocaleString('en-US')} records/s`,
      counters: counterRows,
      visitors,
      pages: await timePages(['--postgres', server.connectionString]),
    });
    return { runs, overhead, version };
  } finally {
    await pool.end();
    server.stop();
  }
}

function table(runs) {
  const lines = ['| log | counter rows | page | median ms | p95 ms | max ms | KB |', '| --- | ---: | --- | ---: | ---: | ---: | ---: |'];
  for (const run of runs) {
    for (const page of run.pages) {
      lines.push(
        `| ${run.log} | ${run.counters.toLocaleString('en-US')} | \`/admin/${page.page}\` | **${page.median.toFixed(1)}** | **${page.p95.toFixed(1)}** | ${page.max.toFixed(1)} | ${(page.bytes / 1024).toFixed(0)} |`,
      );
    }
  }
  return lines.join('\n');
}

/** Medians (and ranges) of runs without and with the triggers, from [without, with] pairs. */
function alternate(pairs) {
  const summary = (runs, key) => {
    const values = runs.map((run) => run[key]).sort((a, b) => a - b);
    return { median: values[Math.floor(values.length / 2)], min: values[0], max: values.at(-1) };
  };
  const side = (index) => ({
    insert: summary(
      pairs.map((pair) => pair[index]),
      'perSecond',
    ),
    purge: summary(
      pairs.map((pair) => pair[index]),
      'purgePerSecond',
    ),
  });
  return { without: side(0), with: side(1) };
}

const rateText = ({ median, min, max }) =>
  `${Math.round(median).toLocaleString('en-US')}/s (${Math.round(min).toLocaleString('en-US')}–${Math.round(max).toLocaleString('en-US')})`;
const overheadText = (overhead, batch, deleted) =>
  `What the triggers cost, medians of ${OVERHEAD_RUNS} alternated runs (range in brackets): inserting ${OVERHEAD_ROWS.toLocaleString('en-US')} records (${batch}) ` +
  `${rateText(overhead.without.insert)} without them, ${rateText(overhead.with.insert)} with them; deleting ${deleted} rows in one statement (as a purge batch does) ` +
  `${rateText(overhead.without.purge)} without, ${rateText(overhead.with.purge)} with.`;

const dir = mkdtempSync(join(tmpdir(), 'ccw-insights-bench-'));
const loadBefore = loadavg();
const started = new Date();
const sections = [];
try {
  if (STORES.includes('sqlite')) {
    const sqlite = await sqliteRuns(dir);
    sections.push(
      `## SQLite ${sqlite.version} (better-sqlite3, WAL, file in ${tmpdir()})\n\n${table(sqlite.runs)}\n\n${overheadText(sqlite.overhead, 'one transaction per 20,000', '20,000')}`,
    );
  }
  if (STORES.includes('postgres')) {
    const postgres = await postgresRuns();
    sections.push(
      `## PostgreSQL ${postgres.version} (throwaway cluster, fsync=off)\n\n${table(postgres.runs)}\n\n${overheadText(postgres.overhead, '5,000 a statement', '5,000')}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const loadAfter = loadavg();
const text = `# Insights page benchmark (\`npm run bench:insights\`)

Measured ${started.toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; 1-minute load average
${loadBefore[0].toFixed(2)} before and ${loadAfter[0].toFixed(2)} after (a shared machine: other work shows up in the times).

The receiver (\`cookie-consent-widget receiver\` from source) in its own process; one client on loopback
GETs the page ${REQUESTS} times after ${WARMUP} warm-up requests, one at a time, keep-alive. The time is
from sending the request to the last byte of the page. \`period=12m\` draws 53 weekly points per
chart; \`period=30d\` 30 daily points.

${sections.join('\n\n')}
`;
writeFileSync(new URL('./insights-results.md', import.meta.url), text);
console.log(text);
