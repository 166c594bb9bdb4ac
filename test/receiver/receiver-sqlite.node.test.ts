import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createSqliteStore, type StoredConsentRecord } from '../../src/server/index.js';
import { csvLine } from '../../src/receiver/csv.js';
import { recordsTable } from '../../src/receiver/admin/html.js';
import { post, postConcurrently, sampleRecord } from '../server/records.js';
import { postRecord, recordFrom, startReceiver, type RunningReceiver } from './helpers.js';

describe('the receiver over SQLite (better-sqlite3, on 127.0.0.1)', () => {
  let db: Database.Database;
  let running: RunningReceiver;
  const rows = (): number => (db.prepare('SELECT COUNT(*) AS n FROM consent_records').get() as { n: number }).n;

  before(async () => {
    db = new Database(':memory:');
    running = await startReceiver({
      store: createSqliteStore(db),
      publicOrigin: 'https://shop.example',
      rateLimit: { perAddress: false, perConsentId: false },
    });
  });
  after(async () => {
    await running.close();
    db.close();
  });

  it('has a unique index on event_id and indexes on consent_id and received_at', () => {
    const indexes = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index'").all() as { sql: string }[]).map((index) => index.sql);
    assert.ok(indexes.some((sql) => /UNIQUE INDEX .* ON consent_records \(event_id\)/.test(sql)));
    assert.ok(indexes.some((sql) => /INDEX .* ON consent_records \(consent_id\)/.test(sql)));
    assert.ok(indexes.some((sql) => /INDEX .* ON consent_records \(received_at\)/.test(sql)));
  });

  it('1000 decisions from 50 concurrent clients, 200 of them sent twice at once: exactly 1000 rows', async () => {
    const before = rows();
    const records = Array.from({ length: 1000 }, () => sampleRecord());
    const sends = [...records, ...records.slice(0, 200)];
    const statuses = await postConcurrently(`${running.url}/consent`, sends, 50);
    assert.equal(rows() - before, 1000);
    assert.equal(statuses.filter((s) => s === 201).length, 1000);
    assert.equal(statuses.filter((s) => s === 200).length, 200);
    assert.equal((db.prepare('SELECT COUNT(DISTINCT event_id) AS n FROM consent_records').get() as { n: number }).n, rows(), 'one row per eventId');
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
      { ...record, timestamp: '0000-01-01T00:00:00.000Z' },
      { ...record, extra: true },
    ];
    for (const body of bodies) {
      const { status } = await post(`${running.url}/consent`, body);
      assert.ok(status >= 400 && status < 500, `status ${status}`);
    }
    assert.equal(rows(), before);
  });

  it('lists records for the admin, newest first with an Older link, and exports every record as CSV and NDJSON', async () => {
    const valid = recordFrom('https://shop.example', { pageUrl: 'https://shop.example/a,b' });
    assert.equal((await postRecord(running.url, valid)).status, 201);
    const admin = await fetch(`${running.url}/admin/`);
    assert.equal(admin.status, 200);
    const page = await admin.text();
    assert.match(page, new RegExp(`<td>${valid.eventId}</td>`));
    const older = /href="\/admin\/\?before=([^"]+)"/.exec(page)?.[1];
    assert.ok(older, 'an Older link');
    assert.equal((await fetch(`${running.url}/admin/?before=${older}`)).status, 200);
    assert.equal((await fetch(`${running.url}/admin/?before=%3Cscript%3E`)).status, 400);

    const csv = await (await fetch(`${running.url}/admin/records.csv`)).text();
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'receivedAt,timestamp,eventId,consentId,revision,method,layer,categories,language,textHash,widgetVersion,gpc,pageUrl');
    assert.equal(lines.length - 1, rows());
    assert.ok(lines.some((line) => line.includes(valid.eventId) && line.endsWith('"https://shop.example/a,b"')));

    const ndjson = (await (await fetch(`${running.url}/admin/records.ndjson`)).text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as StoredConsentRecord);
    assert.equal(ndjson.length, rows());
    assert.equal(new Set(ndjson.map((record) => record.eventId)).size, rows(), 'each record once across pages');
    assert.ok(ndjson.some((record) => record.eventId === valid.eventId && record.pageUrl === valid.pageUrl));
  });

  it('CSV cells a spreadsheet would run as formulas are defused, and HTML is escaped', () => {
    const stored = { ...sampleRecord({ language: '=HYPERLINK("http://evil.example")' }), receivedAt: '2026-11-27T10:00:00.000Z' };
    assert.match(csvLine(stored), /,"'=HYPERLINK\(""http:\/\/evil\.example""\)",/);
    const html = recordsTable([{ ...stored, pageUrl: 'https://x.example/<img src=x onerror=alert(1)>' }]);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});
