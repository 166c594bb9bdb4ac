import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { adminPage, toCsv } from '../../demo/receiver/pages.mjs';
import { createReceiver, type Receiver } from '../../demo/receiver/receiver.mjs';
import * as server from '../../src/server/index.js';
import { encodeConsentCookie } from '../../src/core/storage/consent-cookie.js';
import type { ConsentRecord } from '../../src/core/delivery/record.js';
import { listen, post, sampleRecord } from './records.js';

describe('the reference receiver (SQLite through better-sqlite3, on 127.0.0.1)', () => {
  let dir: string;
  let receiver: Receiver;
  let http: Awaited<ReturnType<typeof listen>>;
  const rows = (): number => (receiver.db.prepare('SELECT COUNT(*) AS n FROM consent_records').get() as { n: number }).n;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'receiver-test-'));
    receiver = createReceiver({ server, databaseFile: join(dir, 'records.sqlite') });
    http = await listen((req, res) => {
      if (receiver.handles(req)) void receiver.handle(req, res);
      else res.writeHead(404).end();
    });
  });
  after(async () => {
    await http.close();
    receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a unique index on event_id', () => {
    const indexes = receiver.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index'").all() as { sql: string }[];
    assert.ok(indexes.some((index) => /UNIQUE INDEX .* ON consent_records \(event_id\)/.test(index.sql)));
  });

  it('1000 decisions from 50 concurrent clients, 200 of them sent twice at once: exactly 1000 rows', async () => {
    const before = rows();
    const records = Array.from({ length: 1000 }, () => sampleRecord());
    const sends = [...records, ...records.slice(0, 200)];
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < sends.length) {
          const record = sends[next++]!;
          statuses.push((await post(`${http.url}/api/consent`, record)).status);
        }
      }),
    );
    assert.equal(rows() - before, 1000);
    assert.equal(statuses.filter((s) => s === 201).length, 1000);
    assert.equal(statuses.filter((s) => s === 200).length, 200);
    const ids = receiver.db.prepare('SELECT COUNT(DISTINCT event_id) AS n FROM consent_records').get() as { n: number };
    assert.equal(ids.n, rows(), 'one row per eventId');
  });

  it('hostile bodies get a 4xx and leave the table as it was', async () => {
    const before = rows();
    const record = sampleRecord();
    const bodies: unknown[] = [
      '{"schema":1',
      JSON.stringify({ ...record, pad: 'x'.repeat(1_000_000) }),
      { ...record, revision: '1; DELETE FROM consent_records' },
      { ...record, consentId: "'); DROP TABLE consent_records; --" },
      { ...record, categories: { "analytics') OR 1=1 --": true } },
      { ...record, language: '\u0000en' },
      { ...record, extra: true },
    ];
    for (const body of bodies) {
      const { status } = await post(`${http.url}/api/consent`, body);
      assert.ok(status >= 400 && status < 500, `status ${status}`);
    }
    assert.equal(rows(), before);
  });

  it("gives a visitor their records by consentId and erases them (rights of access and erasure)", async () => {
    const consentId = sampleRecord().consentId;
    const mine: ConsentRecord[] = [
      sampleRecord({ consentId, method: 'accept-all', timestamp: '2026-11-01T08:00:00.000Z' }),
      sampleRecord({ consentId, method: 'withdraw', timestamp: '2026-11-02T08:00:00.000Z' }),
    ];
    const other = sampleRecord();
    for (const record of [...mine, other]) assert.equal((await post(`${http.url}/api/consent`, record)).status, 201);

    const access = (await (await fetch(`${http.url}/api/consent/${consentId}`)).json()) as { records: ConsentRecord[] };
    assert.deepEqual(
      access.records.map(({ eventId, method }) => ({ eventId, method })),
      mine.map(({ eventId, method }) => ({ eventId, method })),
    );
    const erase = await fetch(`${http.url}/api/consent/${consentId}`, { method: 'DELETE' });
    assert.deepEqual(await erase.json(), { consentId, erased: 2 });
    const after = (await (await fetch(`${http.url}/api/consent/${consentId}`)).json()) as { records: unknown[] };
    assert.deepEqual(after.records, []);
    assert.equal((await server.createSqliteStore(new Database(join(dir, 'records.sqlite'))).findByConsentId(other.consentId)).length, 1);
    assert.equal((await fetch(`${http.url}/api/consent/not-a-uuid`)).status, 400);
  });

  it('shows visitors their own records from their consent cookie, and erases them with a form', async () => {
    const consentId = sampleRecord().consentId;
    await post(`${http.url}/api/consent`, sampleRecord({ consentId }));
    const cookie = `cookie_consent=${encodeConsentCookie({
      consentId,
      revision: 3,
      timestamp: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      method: 'custom',
      categories: { session: true, preferences: true, analytics: false, promotional: false },
    })}`;
    const page = await (await fetch(`${http.url}/api/my-records/`, { headers: { cookie } })).text();
    assert.match(page, new RegExp(consentId));
    assert.match(page, /Erase my records/);
    const erased = await fetch(`${http.url}/api/my-records/erase`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    assert.equal(erased.status, 303);
    assert.equal(erased.headers.get('location'), '/api/my-records/?erased=1');
    const none = await (await fetch(`${http.url}/api/my-records/`)).text();
    assert.match(none, /no consent decision/);
  });

  it('lists records for the admin and exports CSV and JSON, escaping what it shows', async () => {
    const valid = sampleRecord({ pageUrl: 'https://shop.example/a,b' });
    assert.equal((await post(`${http.url}/api/consent`, valid)).status, 201);
    const admin = await fetch(`${http.url}/api/admin/`);
    assert.equal(admin.status, 200);
    assert.match(admin.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(await admin.text(), new RegExp(valid.eventId));

    const csv = await (await fetch(`${http.url}/api/admin/records.csv`)).text();
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'receivedAt,timestamp,eventId,consentId,revision,method,layer,categories,language,textHash,widgetVersion,gpc,pageUrl');
    assert.equal(lines.length - 1, rows());
    assert.ok(lines.some((line) => line.includes(valid.eventId) && line.endsWith('"https://shop.example/a,b"')));

    const exported = (await (await fetch(`${http.url}/api/admin/records.json`)).json()) as ConsentRecord[];
    assert.equal(exported.length, rows());
    assert.ok(exported.some((r) => r.eventId === valid.eventId && r.pageUrl === valid.pageUrl));
  });

  it('CSV cells a spreadsheet would run as formulas are defused, and HTML is escaped', () => {
    const stored = { ...sampleRecord({ language: '=HYPERLINK("http://evil.example")' }), receivedAt: '2026-11-27T10:00:00.000Z' };
    assert.match(toCsv([stored]), /,"'=HYPERLINK\(""http:\/\/evil\.example""\)",/);
    const html = adminPage({ records: [{ ...stored, pageUrl: 'https://x.example/<img src=x onerror=alert(1)>' }], total: 1, page: 1 });
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});
