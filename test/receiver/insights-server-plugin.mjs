/**
 * The receiver's insights page for test/receiver/insights-browser.test.ts: the packaged receiver
 * (SQLite in memory, straight from src/) over the demo's seeded month, mounted in the test
 * runner's own server on 127.0.0.1, where its admin answers the loopback test browser.
 *
 *   GET /test-insights/admin/…       as the receiver answers, except that the test page may frame it:
 *                                    frame-ancestors 'self' instead of 'none', no X-Frame-Options
 *                                    (the receiver's refusal to be framed is tested in Node)
 *   GET /test-insights-axe/admin/…   the same page, its CSP also admitting scripts from this server,
 *                                    so the accessibility check can load axe-core into it
 *   GET /test-insights-control       a page that breaks the admin's CSP (an inline style and an inline
 *                                    script), to show that the test's violation check sees a violation
 */
import Database from 'better-sqlite3';
import { tsImport } from 'tsx/esm/api';
import { demoDecisions } from '../../demo/seed-decisions.mjs';

const { createSqliteStore } = await tsImport('../../src/server/index.ts', import.meta.url);
const { createReceiver } = await tsImport('../../src/receiver/index.ts', import.meta.url);
const { CONTENT_SECURITY_POLICY } = await tsImport('../../src/receiver/respond.ts', import.meta.url);

/** The receiver's clock stands still at the end of the seeded month, so the page is the same on every run. */
export const INSIGHTS_NOW = Date.parse('2026-11-30T15:00:00.000Z');
const framable = (policy) => policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

let receiver;
async function seededReceiver() {
  if (receiver) return receiver;
  const db = new Database(':memory:');
  let receivedAt = 0;
  const seeding = createSqliteStore(db, { now: () => new Date(receivedAt) });
  db.exec('BEGIN');
  for (const { receivedAt: at, ...record } of demoDecisions({ endMs: INSIGHTS_NOW })) {
    receivedAt = at;
    await seeding.insert(record);
  }
  db.exec('COMMIT');
  receiver = createReceiver({
    store: createSqliteStore(db),
    secret: 'insights-tests-secret-0123456789abcdef',
    retentionDays: 3653,
    basePath: '/test-insights',
    adminNote: 'Demo data: a seeded month.',
    clock: { now: () => INSIGHTS_NOW, every: () => () => {} },
  });
  return receiver;
}

/** Koa middleware for web-test-runner.config.mjs: answers /test-insights… itself, the rest goes on. */
export async function insightsTestServer(ctx, next) {
  const axe = ctx.path.startsWith('/test-insights-axe/');
  if (ctx.path === '/test-insights-control') {
    ctx.respond = false;
    ctx.res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': framable(CONTENT_SECURITY_POLICY) });
    ctx.res.end(
      '<!doctype html><html lang="en"><head><title>control</title><style>p{color:red}</style></head><body><p style="color:blue">x</p><script>window.ran=true</script></body></html>',
    );
    return;
  }
  if (!axe && !ctx.path.startsWith('/test-insights/')) return next();
  const handle = await seededReceiver();
  ctx.respond = false;
  const { req, res } = ctx;
  if (axe) req.url = req.url.replace('/test-insights-axe/', '/test-insights/');
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => {
    const header = name.toLowerCase();
    if (header === 'x-frame-options') return res;
    if (header === 'content-security-policy') return setHeader(name, `${framable(value)}${axe ? "; script-src 'self'" : ''}`);
    return setHeader(name, value);
  };
  await handle(req, res);
}
