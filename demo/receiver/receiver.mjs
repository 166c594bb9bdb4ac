/**
 * The reference receiver of consent records, as the demo runs it: createConsentHandler from
 * cookie-consent-widget/server over SQLite (better-sqlite3), plus what a visitor's rights and
 * the site's records officer need. Everything lives under /api/.
 *
 *   POST    /api/consent               a ConsentRecord (201 new, 200 already stored)
 *   GET     /api/consent/<consentId>   that visitor's records, JSON (right of access)
 *   DELETE  /api/consent/<consentId>   erase them (right to erasure)
 *   GET     /api/my-records/           the same for the visitor's own consent cookie, as a page
 *   GET     /api/admin/                every record, newest first; /api/admin/records.csv and .json
 *
 * A consentId is a random UUID only the visitor's browser knows, so it serves as their key. The
 * admin pages have no login: the demo listens on 127.0.0.1 only; a real site puts them behind one.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { adminPage, myRecordsPage, toCsv } from './pages.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EXPORT_PAGE = 1000;

/**
 * @param {object} options
 * @param {typeof import('../../src/server/index.js')} options.server the server helpers (dist/server in the demo, src/server in tests)
 * @param {string} [options.databaseFile] SQLite file; default an in-memory database
 * @param {string | string[]} [options.allowedOrigin] origins allowed to POST across origins
 */
export function createReceiver({ server, databaseFile = ':memory:', allowedOrigin }) {
  if (databaseFile !== ':memory:') mkdirSync(dirname(databaseFile), { recursive: true });
  const db = new Database(databaseFile);
  // WAL lets the admin page read while records are written; NORMAL is durable across a process crash.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const store = server.createSqliteStore(db);
  const consentHandler = server.createConsentHandler({ store, allowedOrigin });

  const json = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const html = (res, status, body) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    });
    res.end(body);
  };
  const allRecords = async () => {
    const records = [];
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const page = await store.list({ limit: EXPORT_PAGE, offset });
      records.push(...page);
      if (page.length < EXPORT_PAGE) return records;
    }
  };

  async function route(req, res, url) {
    const path = url.pathname;
    if (path === '/api/consent') return consentHandler(req, res);
    const byId = /^\/api\/consent\/([^/]+)$/.exec(path);
    if (byId) {
      const consentId = byId[1];
      if (!UUID.test(consentId)) return json(res, 400, { error: 'not a consent id' });
      if (req.method === 'GET') return json(res, 200, { consentId, records: await store.findByConsentId(consentId) });
      if (req.method === 'DELETE') return json(res, 200, { consentId, erased: await store.eraseByConsentId(consentId) });
      res.setHeader('allow', 'GET, DELETE');
      return json(res, 405, { error: 'only GET and DELETE' });
    }
    if (path === '/api/my-records/' || path === '/api/my-records/erase') {
      const decision = server.parseConsentCookie(req.headers.cookie ?? '');
      const consentId = decision?.consentId ?? null;
      if (path.endsWith('/erase')) {
        if (req.method !== 'POST') return json(res, 405, { error: 'only POST' });
        const erased = consentId ? await store.eraseByConsentId(consentId) : 0;
        res.writeHead(303, { location: `/api/my-records/?erased=${erased}` });
        return res.end();
      }
      const records = consentId ? await store.findByConsentId(consentId) : [];
      return html(res, 200, myRecordsPage({ consentId, records, erased: url.searchParams.get('erased') }));
    }
    if (path === '/api/admin/' || path === '/api/admin') {
      const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
      const records = await store.list({ limit: 100, offset: (page - 1) * 100 });
      return html(res, 200, adminPage({ records, total: await store.count(), page }));
    }
    if (path === '/api/admin/records.json') {
      res.setHeader('content-disposition', 'attachment; filename="consent-records.json"');
      return json(res, 200, await allRecords());
    }
    if (path === '/api/admin/records.csv') {
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="consent-records.csv"',
        'cache-control': 'no-store',
      });
      return res.end(toCsv(await allRecords()));
    }
    return json(res, 404, { error: 'not found' });
  }

  return {
    store,
    db,
    /** Whether the request is the receiver's (under /api/). */
    handles: (req) => (req.url ?? '').startsWith('/api/'),
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://receiver.invalid');
      return route(req, res, url).catch((error) => {
        console.error('receiver:', error);
        if (!res.headersSent) json(res, 500, { error: 'internal error' });
        else res.end();
      });
    },
    close: () => db.close(),
  };
}
