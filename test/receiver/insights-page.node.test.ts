import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMemoryStore } from '../../src/server/index.js';
import type { QueryableConsentStore } from '../../src/server/stores/store.js';
import { parsePeriod, PeriodError } from '../../src/receiver/insights/period.js';
import { sampleRecord } from '../server/records.js';
import type { ConsentRecord } from '../../src/core/delivery/record.js';
import { ADMIN_TOKEN, fakeClock, postRecord, recordFrom, startReceiver, type RunningReceiver } from './helpers.js';
import { ALL, DAY, decision, HOUR, NONE } from './insights-helpers.js';

const TODAY = '2026-03-20';
const NOON = Date.parse(`${TODAY}T12:00:00.000Z`);
const dayMs = (daysAgo: number): number => NOON - daysAgo * DAY;

/** The HTML of one figure's section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`aria-labelledby="fig-${id}-h"`);
  assert.ok(start >= 0, `the page has the ${id} figure`);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The cells of a table row whose header is `head`. */
function row(html: string, head: string): string[] {
  const match = new RegExp(`<tr><th scope="row">${head}</th>(.*?)</tr>`).exec(html);
  assert.ok(match, `a row for ${head}`);
  return [...match[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1]!);
}

describe('the insights period', () => {
  const query = (text: string) => parsePeriod(new URLSearchParams(text), TODAY);

  it('7 days and 30 days end today, a point per day; 12 months a point per calendar week, cut to the period', () => {
    assert.deepEqual([query('period=7d').from, query('period=7d').buckets.length], ['2026-03-14', 7]);
    const month = query('');
    assert.deepEqual([month.name, month.from, month.to, month.points, month.buckets.length], ['30d', '2026-02-19', TODAY, 'day', 30]);
    const year = query('period=12m');
    assert.equal(year.from, '2025-03-21');
    assert.equal(year.points, 'week');
    assert.deepEqual(year.buckets[0], { from: '2025-03-21', to: '2025-03-23', label: '21 Mar', title: '2025-03-21 to 2025-03-23' }, 'Friday to Sunday');
    assert.deepEqual(year.buckets[1]!.from, '2025-03-24', 'then Monday to Sunday');
    assert.equal(year.buckets.at(-1)!.to, TODAY);
    assert.equal(query('period=12m&points=month').buckets.length, 13);
    assert.equal(query('period=custom&from=2026-01-01&to=2026-01-31&points=month').buckets[0]!.title, '2026-01');
  });

  it('refuses what it cannot show, saying why', () => {
    for (const [text, message] of [
      ['period=5d', /period must be one of/],
      ['period=custom&from=2026-02-30&to=2026-03-01', /from and a to date/],
      ['period=custom&from=2026-03-02&to=2026-03-01', /start before it ends/],
      ['period=custom&from=2000-01-01&to=2026-03-01', /at most 3660 days/],
      ['period=custom&from=2024-01-01&to=2026-03-01&points=day', /per week or per month/],
      ['points=hourly', /points must be one of/],
    ] as const) {
      assert.throws(
        () => query(text),
        (error: Error) => error instanceof PeriodError && message.test(error.message),
        text,
      );
    }
  });
});

describe('the insights page', () => {
  let running: RunningReceiver;
  const authorized = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const get = (path: string) => fetch(`${running.url}/admin/${path}`, { headers: authorized });
  const store = createMemoryStore();

  before(async () => {
    const clock = fakeClock(NOON);
    running = await startReceiver({ store, clock, adminToken: ADMIN_TOKEN, adminNote: 'Demo data: made up for this test.' });
    // Five days ago: 19 decisions, one short of a rate. Four days ago: 20. Revision 4 from three days ago.
    for (let n = 0; n < 19; n++) await store.insert(decision(sampleRecord().consentId, dayMs(5) + n * 1000, 'accept-all', ALL));
    for (let n = 0; n < 20; n++)
      await store.insert(decision(sampleRecord().consentId, dayMs(4) + n * 1000, n < 5 ? 'accept-all' : 'reject-all', n < 5 ? ALL : NONE));
    const visitor = sampleRecord().consentId;
    await store.insert(decision(visitor, dayMs(3), 'accept-all', ALL, { revision: 4 }));
    await store.insert(decision(visitor, dayMs(3) + 2 * HOUR, 'withdraw', NONE, { revision: 4, language: 'en' }));
  });
  after(() => running.close());

  it('shows a rate only where at least 20 decisions stand behind it, and the count where fewer do: in the tables and the charts', async () => {
    const response = await get('insights?period=7d');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<strong>41 decisions<\/strong> from 2026-03-14 to 2026-03-20/);
    assert.match(html, /share of <strong>decisions<\/strong>, not of visitors/);
    const categories = section(html, 'categories');
    assert.deepEqual(row(categories, '2026-03-15'), ['19', ...Array(4).fill('19 decisions — too few for a rate')]);
    assert.deepEqual(row(categories, '2026-03-16'), ['20', '25.0% (5 of 20)', '25.0% (5 of 20)', '25.0% (5 of 20)', '100.0% (20 of 20)']);
    assert.deepEqual(row(categories, '2026-03-17'), ['2', ...Array(4).fill('2 decisions — too few for a rate')]);
    assert.deepEqual(row(categories, '2026-03-18'), ['0', ...Array(4).fill('no decisions')]);
    // In the chart: one point per line (the day with 20), and the days with too few marked on the axis, with their count.
    const svg = /<svg class="chart"[^>]*>.*?<\/svg>/s.exec(categories)![0];
    assert.equal((svg.match(/<circle class="dot s0"/g) ?? []).length, 1);
    assert.match(svg, /<path class="too-few"[^>]*><title>15 Mar: 19 decisions — too few for a rate<\/title>/);
    assert.match(svg, /<title>17 Mar: 2 decisions — too few for a rate<\/title>/);
    assert.match(categories, /fewer than 20 decisions: no rate/);
  });

  it('a split over fewer than 20 decisions shows counts, and says so in the chart and the table', async () => {
    const html = await (await get('insights?period=custom&from=2026-03-15&to=2026-03-15')).text();
    const layers = section(html, 'layers');
    assert.match(layers, /<text class="empty"[^>]*>19 decisions — too few for a rate: the bars show counts<\/text>/);
    assert.deepEqual(row(layers, 'Preferences'), ['19', '19 decisions — too few for a rate']);
    assert.deepEqual(row(layers, 'Banner'), ['0', '19 decisions — too few for a rate']);
    assert.doesNotMatch(layers.replace(/<svg.*?<\/svg>/s, ''), /\d%/, 'no percentage anywhere in the layers figure');
    const wider = section(await (await get('insights?period=7d')).text(), 'layers');
    assert.deepEqual(row(wider, 'Preferences'), ['41', '100.0% (41 of 41)']);
    assert.deepEqual(row(wider, 'Banner'), ['0', '0.0% (0 of 41)']);
  });

  it('marks a new revision on the time axis, not the revision the log starts with', async () => {
    const html = await (await get('insights?period=7d')).text();
    assert.match(section(html, 'categories'), /<text class="marker-label"[^>]*>rev\. 4<\/text>/);
    assert.match(html, /revision 4 first decided on 2026-03-17/);
    assert.doesNotMatch(html, /rev\. 3/);
    assert.deepEqual(row(section(html, 'revisions'), 'Revision 3'), [
      '2026-03-15',
      '39',
      '95.1% (39 of 41)',
      '61.5% (24 of 39)',
      '61.5% (24 of 39)',
      '61.5% (24 of 39)',
      '100.0% (39 of 39)',
    ]);
  });

  it('counts the withdrawal after a grant by the time between, and the first grants of the period', async () => {
    const withdrawals = section(await (await get('insights?period=7d')).text(), 'withdrawals');
    assert.deepEqual(row(withdrawals, 'Within a day'), ['1', '1 decision — too few for a rate']);
    assert.deepEqual(row(withdrawals, 'Within an hour'), ['0', '1 decision — too few for a rate']);
    assert.match(withdrawals, /25 visitors granted for the first time in this period/);
  });

  it('gives each chart its numbers as CSV: the same numbers, the share left empty below 20 decisions', async () => {
    const response = await get('insights.csv?chart=categories&period=7d');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="consent-insights-categories-2026-03-14-to-2026-03-20.csv"');
    const lines = (await response.text()).split('\r\n');
    assert.equal(
      lines[0],
      'Day,Decisions,analytics: count,analytics: of,analytics: %,preferences: count,preferences: of,preferences: %,promotional: count,promotional: of,promotional: %,session: count,session: of,session: %',
    );
    assert.equal(lines[2], '2026-03-15,19,19,19,,19,19,,19,19,,19,19,');
    assert.equal(lines[3], '2026-03-16,20,5,20,25.0,5,20,25.0,5,20,25.0,20,20,100.0');
    const page = await (await get('insights?period=7d')).text();
    for (const chart of ['categories', 'methods', 'layers', 'languages', 'revisions', 'withdrawals']) {
      assert.match(page, new RegExp(`href="/admin/insights\\.csv\\?chart=${chart}&amp;period=7d" download`), chart);
      assert.equal((await get(`insights.csv?chart=${chart}&period=7d`)).status, 200, chart);
    }
    assert.equal((await get('insights.csv?chart=secrets&period=7d')).status, 400);
    assert.equal((await get('insights.csv?chart=methods&period=custom&from=2026-13-01&to=2026-01-01')).status, 400);
    assert.equal((await get('insights.csv?chart=services&period=7d')).status, 404, 'no record carried services');
  });

  it('shows services only once some record carried per-service choices', async () => {
    assert.doesNotMatch(await (await get('insights?period=7d')).text(), /Services granted/);
    const other = createMemoryStore();
    await other.insert({ ...decision(sampleRecord().consentId, dayMs(1), 'custom', NONE), services: { youtube: true } });
    const withServices = await startReceiver({ store: other, clock: fakeClock(NOON), adminToken: ADMIN_TOKEN });
    try {
      const html = await (await fetch(`${withServices.url}/admin/insights`, { headers: authorized })).text();
      assert.deepEqual(row(section(html, 'services'), '2026-03-19'), ['1', '1 decision — too few for a rate']);
    } finally {
      await withServices.close();
    }
  });

  it('takes per-service choices from the records the widget POSTs, and keeps them (compliance C27)', async () => {
    const fresh = await startReceiver({ adminToken: ADMIN_TOKEN });
    try {
      const record: ConsentRecord = { ...recordFrom(fresh.origin), services: { youtube: true, maps: false } };
      assert.equal((await postRecord(fresh.url, record)).status, 201);
      assert.deepEqual((await fresh.store.findByConsentId(record.consentId))[0]!.services, { youtube: true, maps: false });
    } finally {
      await fresh.close();
    }
  });

  it('is built from the counters alone: a page view reads no record', async () => {
    const fail = (): never => {
      throw new Error('the insights page read the records');
    };
    const countersOnly: QueryableConsentStore = { ...store, list: fail, listPage: fail, findByConsentId: fail, count: fail };
    const spied = await startReceiver({ store: countersOnly, clock: fakeClock(NOON), adminToken: ADMIN_TOKEN, onError: fail });
    try {
      for (const path of ['insights?period=12m', 'insights.csv?chart=methods&period=30d']) {
        assert.equal((await fetch(`${spied.url}/admin/${path}`, { headers: authorized })).status, 200, path);
      }
    } finally {
      await spied.close();
    }
  });

  it("runs under the admin's CSP: no script, no inline style, the stylesheet a file behind the same login", async () => {
    const response = await get('insights?period=12m');
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.equal(csp, "default-src 'none'; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    const html = await response.text();
    assert.doesNotMatch(html, /<script|\sstyle=|<style|\son[a-z]+=|javascript:/i);
    assert.match(html, /<link rel="stylesheet" href="\/admin\/admin\.css">/);
    for (const match of html.matchAll(/<svg class="chart[^"]*" role="img" aria-label="([^"]+)"/g))
      assert.match(match[1]!, /The numbers.* in the table beside it/);
    assert.equal([...html.matchAll(/<figure>/g)].length, [...html.matchAll(/<table>/g)].length, 'a table in every figure');
    const stylesheet = await get('admin.css');
    assert.equal(stylesheet.status, 200);
    assert.equal(stylesheet.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.match(await stylesheet.text(), /prefers-color-scheme:dark/);
    for (const path of ['insights', 'insights.csv?chart=methods', 'admin.css']) assert.equal((await fetch(`${running.url}/admin/${path}`)).status, 401, path);
  });

  it('says what is wrong with a period it cannot show, on the page, with the form to try again', async () => {
    const response = await get('insights?period=custom&from=2026-03-10&to=2026-03-01');
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /<p class="error" role="alert">the custom period must start before it ends<\/p>/);
    assert.match(html, /<form class="period"/);
  });

  it("shows the receiver's adminNote on every admin page (the demo labels its seeded data so)", async () => {
    for (const path of ['', 'insights']) assert.match(await (await get(path)).text(), /<p class="note">Demo data: made up for this test\.<\/p>/, path);
  });

  it("says so when the store keeps no counters (a store of one's own)", async () => {
    const plain: QueryableConsentStore = createMemoryStore();
    delete plain.insightCounters;
    delete plain.insightFirstSeen;
    const bare = await startReceiver({ store: plain, adminToken: ADMIN_TOKEN });
    try {
      const html = await (await fetch(`${bare.url}/admin/insights`, { headers: authorized })).text();
      assert.match(html, /keeps no insight counters/);
    } finally {
      await bare.close();
    }
  });
});
