/**
 * Fills a consent_records table (SQLite, better-sqlite3) with realistic rows straight through SQL,
 * for the tests and benchmarks that need hundreds of thousands or millions of rows: through HTTP
 * that would take hours. One received_at per second from `startMs`.
 */
import { randomUUID } from 'node:crypto';

const CATEGORIES = JSON.stringify({ session: true, preferences: true, analytics: false, promotional: false });
const BATCH = 50_000;

/** @param {import('better-sqlite3').Database} db a database whose schema createSqliteStore made */
export function seedSqlite(db, rows, { startMs = Date.UTC(2026, 0, 1), onProgress = () => {} } = {}) {
  const insert = db.prepare(`INSERT INTO consent_records (event_id, consent_id, decided_at, received_at, revision, method, layer,
    categories, language, text_hash, widget_version, gpc, page_url) VALUES (?, ?, ?, ?, 3, 'custom', 'preferences', ?, 'lv', ?, '0.1.0', 0, ?)`);
  const hash = 'c'.repeat(64);
  // Batches of transactions: one transaction of millions of rows would hold its whole journal.
  const batch = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const time = new Date(startMs + i * 1000).toISOString();
      insert.run(randomUUID(), randomUUID(), time, time, CATEGORIES, hash, `https://shop.example/products/${i % 5000}`);
    }
  });
  for (let from = 0; from < rows; from += BATCH) {
    batch(from, Math.min(rows, from + BATCH));
    onProgress(Math.min(rows, from + BATCH));
  }
}
