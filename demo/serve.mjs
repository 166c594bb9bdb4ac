/**
 * Serves the demo shop and the built widget on 127.0.0.1, on PORT or a free port, and prints
 * the URL. Pages in Latvian (/lv/) and English (/en/) rendered from demo/pages/, static files,
 * plus the packaged consent-log receiver (cookie-consent-widget/receiver) mounted at /api/, which
 * keeps records in demo/data/consent-records.sqlite for the 10 years the demo's policy promises;
 * nothing else is kept. A new, empty database gets a month of made-up decisions first, so the
 * admin's insights (/api/admin/insights) have something to show; DEMO_SEED=0 leaves it empty.
 */
import Database from 'better-sqlite3';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPage } from './pages/render.mjs';
import { demoDecisions, SEED_VERSION } from './seed-decisions.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const mounts = [
  ['/dist/', join(root, 'dist')],
  ['/', join(root, 'demo', 'site')],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function fileFor(pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const candidate = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
    if (candidate !== dir && !candidate.startsWith(dir + sep)) return null;
    const file = existsSync(candidate) && statSync(candidate).isDirectory() ? join(candidate, 'index.html') : candidate;
    if (existsSync(file)) return file;
  }
  return null;
}

if (!existsSync(join(root, 'dist', 'cookie-consent.js'))) {
  console.error('dist/cookie-consent.js is missing: run `npm run build` first (`npm run demo` does).');
  process.exit(1);
}

const { createSqliteStore } = await import('../dist/server/index.js');
const { createReceiver, loadOrCreateSecret } = await import('../dist/receiver/index.js');
// DEMO_DATABASE lets the demo's own tests keep their records apart from yours.
const databaseFile = process.env.DEMO_DATABASE ?? join(root, 'demo', 'data', 'consent-records.sqlite');
mkdirSync(dirname(databaseFile), { recursive: true });
const db = new Database(databaseFile);
db.pragma('journal_mode = WAL');
const store = createSqliteStore(db);
if (process.env.DEMO_SEED !== '0' && (await store.count()) === 0) await seedDemoMonth();
const seeded = db.prepare('SELECT COUNT(*) AS n FROM consent_records WHERE widget_version = ?').get(SEED_VERSION).n;
const RECEIVER_PATH = '/api';
const receiver = createReceiver({
  store,
  secret: process.env.CONSENT_SECRET ?? loadOrCreateSecret(`${databaseFile}.secret`),
  adminToken: process.env.CONSENT_ADMIN_TOKEN,
  adminNote:
    seeded > 0
      ? `Demo data: ${seeded.toLocaleString('en-US')} of these decisions are made up (widget version ${SEED_VERSION}), a month of them up to the day this demo's database was created. Decisions made on the demo's pages are added to them.`
      : undefined,
  // The demo's privacy policy promises 10 years.
  retentionDays: 3653,
  basePath: RECEIVER_PATH,
});

/** A month of made-up decisions, each stored as received a moment after it was made. */
async function seedDemoMonth() {
  let receivedAt = 0;
  const seeding = createSqliteStore(db, { now: () => new Date(receivedAt) });
  db.exec('BEGIN');
  try {
    for (const { receivedAt: at, ...record } of demoDecisions({ endMs: Date.now() })) {
      receivedAt = at;
      await seeding.insert(record);
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

const headers = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };

const server = createServer((request, response) => {
  if ((request.url ?? '').startsWith(`${RECEIVER_PATH}/`)) return void receiver(request, response);
  let pathname = '/';
  try {
    pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    // A malformed URL is served as not found below.
  }
  if (pathname === '/') {
    response.writeHead(302, { location: '/lv/', ...headers });
    response.end();
    return;
  }
  const page = renderPage(pathname);
  if (page) {
    response.writeHead(200, { 'content-type': types['.html'], ...headers });
    response.end(page);
    return;
  }
  let file;
  try {
    file = fileFor(pathname);
  } catch {
    file = null;
  }
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...headers });
  createReadStream(file).pipe(response);
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`Demo site: http://127.0.0.1:${port}/  (Latvian; English at /en/; Ctrl+C to stop)`);
  console.log(`Consent records: http://127.0.0.1:${port}/api/admin/  insights: http://127.0.0.1:${port}/api/admin/insights`);
});
