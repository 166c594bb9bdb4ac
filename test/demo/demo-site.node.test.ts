import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { browsers, chromiumArgs } from '../../scripts/browsers.mjs';

// The demo shop as a visitor meets it: the real server (with its SQLite receiver), the built
// script-tag widget, headless Chromium. Each test starts from a fresh browser context.
let server: ChildProcess;
let browser: Browser;
let origin = '';
const dataDir = mkdtempSync(join(tmpdir(), 'demo-site-'));

async function startServer(): Promise<string> {
  server = spawn(process.execPath, ['demo/serve.mjs'], {
    env: { ...process.env, PORT: '0', DEMO_DATABASE: join(dataDir, 'records.sqlite') },
  });
  return new Promise((resolve, reject) => {
    server.stdout!.on('data', (chunk) => {
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(String(chunk))?.[0];
      if (url) resolve(url);
    });
    server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
  });
}

async function freshPage(): Promise<Page> {
  const context = await browser.createBrowserContext();
  return context.newPage();
}

const widget = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const element = document.querySelector('cookie-consent')?.shadowRoot?.querySelector<HTMLElement>(s);
    return element ? { text: element.textContent!.trim(), visible: element.getBoundingClientRect().height > 0 } : null;
  }, selector);

const requested = (page: Page, path: string) =>
  page.evaluate((p) => performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname === p), path);

async function waitForBanner(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('cookie-consent')?.shadowRoot?.querySelector('[part~="banner"]'));
}

describe('the demo shop (npm run demo)', { timeout: 120_000 }, () => {
  before(async () => {
    origin = await startServer();
    browser = await puppeteer.launch({
      executablePath: browsers[0]!.path,
      headless: true,
      args: chromiumArgs,
    });
  });
  after(async () => {
    await browser?.close();
    server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens in Latvian, asks first, and runs or stores nothing non-essential before the choice (compliance C1)', async () => {
    const page = await freshPage();
    const response = await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
    assert.equal(new URL(response!.url()).pathname, '/lv/');
    await waitForBanner(page);
    assert.equal((await widget(page, '[part~="accept-all"]'))?.text, 'Pieņemt visas');
    assert.equal(await page.evaluate(() => document.querySelector('cookie-consent')!.shadowRoot!.querySelector('.cc-root')!.getAttribute('lang')), 'lv');
    const state = await page.evaluate(() => ({
      cookies: document.cookie,
      storage: localStorage.length,
      analytics: (window as { demoAnalyticsRuns?: number }).demoAnalyticsRuns ?? 0,
      pixel: (window as { demoPixelRuns?: number }).demoPixelRuns ?? 0,
      video: document.querySelector('iframe')!.getAttribute('src'),
      placeholder: document.querySelector('[data-consent-placeholder]')?.textContent,
    }));
    assert.deepEqual({ ...state, placeholder: undefined }, { cookies: '', storage: 0, analytics: 0, pixel: 0, video: null, placeholder: undefined });
    assert.match(state.placeholder ?? '', /Produktu video mitinātājs/, 'the video placeholder names its service, in Latvian');
    for (const path of ['/analytics.js', '/heatmap.js', '/pixel.js', '/video.html']) assert.equal(await requested(page, path), false, path);
    await page.close();
  });

  it('lets a visitor keep visit statistics and refuse the heatmap, in the dialog (compliance C27)', async () => {
    const page = await freshPage();
    await page.goto(`${origin}/en/`, { waitUntil: 'networkidle0' });
    await waitForBanner(page);
    // A real click at the control's place on the page, as a visitor's mouse makes it.
    const clickInWidget = async (selector: string) => {
      const handle = await page.evaluateHandle((s) => document.querySelector('cookie-consent')!.shadowRoot!.querySelector<HTMLElement>(s)!, selector);
      await (handle as ElementHandle<HTMLElement>).click();
    };
    await clickInWidget('[part~="customize"]');
    await page.waitForFunction(() => document.querySelector('cookie-consent')!.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="dialog"]')?.open);
    const labels = await page.evaluate(() =>
      [...document.querySelector('cookie-consent')!.shadowRoot!.querySelectorAll('.cc-service label')].map((label) => label.textContent),
    );
    assert.deepEqual(labels, ['Visit statistics', 'Click heatmap', 'Offers pixel', 'Product video host']);
    await clickInWidget('#cc-switch-analytics');
    await clickInWidget('#cc-switch-heatmap');
    await clickInWidget('[part~="save"]');
    await page.waitForFunction(() => document.getElementById('analytics-count')!.textContent === '1');
    const decision = await page.evaluate(() => (window as unknown as { cookieConsent: { decision: { services: object } } }).cookieConsent.decision.services);
    assert.deepEqual(decision, { statistics: true, heatmap: false, pixel: false, video: false });
    assert.equal(await requested(page, '/heatmap.js'), false, "the refused heatmap's script was never fetched");
    assert.equal(await page.$eval('#heatmap-count', (output) => output.textContent), 'heatmap not allowed');
    await page.close();
  });

  it('remembers the currency only with consent to preferences', async () => {
    const page = await freshPage();
    await page.goto(`${origin}/en/`, { waitUntil: 'networkidle0' });
    await waitForBanner(page);
    await page.select('#currency', 'USD');
    assert.equal(await page.evaluate(() => localStorage.getItem('shop_currency')), null);
    assert.match(await page.$eval('#currency-note', (note) => note.textContent!), /Allow preference cookies/);
    assert.equal(await page.$eval('.price', (price) => price.textContent), '52.92 $');
    await page.evaluate(() => (window as unknown as { cookieConsent: { set(c: object): Promise<unknown> } }).cookieConsent.set({ preferences: true }));
    await page.waitForFunction(() => localStorage.getItem('shop_currency') === 'USD');
    // Not networkidle0: the unloading page hands its undelivered record to a keepalive request,
    // which the browser finishes on its own and the new page never sees complete.
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => (document.getElementById('currency') as HTMLSelectElement | null)?.value === 'USD');
    await page.close();
  });

  it('runs both analytics tools, the pixel and the video once accepted, records the decision, and withdraws everything from "Your privacy choices"', async () => {
    const page = await freshPage();
    await page.goto(`${origin}/en/`, { waitUntil: 'networkidle0' });
    await waitForBanner(page);
    await page.evaluate(() => {
      const root = document.querySelector('cookie-consent')!.shadowRoot!;
      root.querySelector<HTMLButtonElement>('[part~="accept-all"]')!.click();
    });
    await page.waitForFunction(() => document.getElementById('analytics-count')!.textContent === '1');
    await page.waitForFunction(() => document.querySelector('iframe')?.getAttribute('src') === '/video.html');
    // Each gated script loads on its own: wait until the heatmap and the pixel have run too.
    await page.waitForFunction(() => (window as { demoHeatmapRuns?: number }).demoHeatmapRuns !== undefined);
    await page.waitForFunction(() => (window as { demoPixelRuns?: number }).demoPixelRuns !== undefined);
    assert.equal(await page.evaluate(() => (window as { demoAnalyticsRuns?: number }).demoAnalyticsRuns), 1);
    assert.equal(await page.evaluate(() => (window as { demoHeatmapRuns?: number }).demoHeatmapRuns), 1);
    assert.match(await page.evaluate(() => document.cookie), /demo_promo=/);
    const consentId = await page.evaluate(() => (window as unknown as { cookieConsent: { decision: { consentId: string } } }).cookieConsent.decision.consentId);

    // 'load', not networkidle0: a record still undelivered when the page unloads goes out as a
    // keepalive request that the next page never sees finish.
    await page.goto(`${origin}/en/choices.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('#records li').length === 1);
    assert.match(await page.$eval('#records li', (item) => item.textContent!), /accept-all \(banner\)/);
    await page.waitForFunction(() => document.getElementById('analytics-count')!.textContent === '2');

    await page.click('#withdraw');
    await page.waitForFunction(() => document.querySelectorAll('#records li').length === 2);
    const afterWithdrawal = await page.evaluate(() => ({ cookies: document.cookie, views: localStorage.getItem('demo_analytics_views') }));
    assert.doesNotMatch(afterWithdrawal.cookies, /demo_promo|demo_video/, 'promotional cookies erased');
    assert.equal(afterWithdrawal.views, null, 'analytics storage erased');
    // The visitor's own records, by the HttpOnly credential the receiver set on their first record.
    const ownRecords = () => page.evaluate(async () => (await fetch('/api/consent/me')).json());
    const stored = await ownRecords();
    assert.equal(stored.consentId, consentId);
    assert.deepEqual(stored.records.map((record: { method: string }) => record.method).sort(), ['accept-all', 'withdraw']);
    assert.equal(await page.evaluate(() => document.cookie.includes('consent_receipt')), false, 'the credential is HttpOnly');
    assert.equal((await fetch(`${origin}/api/consent/me`)).status, 401, 'without the credential nothing is shown');

    await page.click('#erase');
    await page.waitForFunction(() => /2$/.test(document.getElementById('erased')!.textContent!));
    assert.deepEqual((await ownRecords()).records, []);
    await page.close();
  });

  it('answers odd paths with 404 and stays up (a page name like "constructor" is not a page)', async () => {
    for (const path of ['/en/constructor', '/lv/__proto__', '/en/toString']) assert.equal((await fetch(`${origin}${path}`)).status, 404, path);
    assert.equal((await fetch(`${origin}/api/admin/?before=99999999999999999999`)).status, 200);
    assert.equal((await fetch(`${origin}/api/admin/?before=x%27%3B`)).status, 400);
    assert.equal((await fetch(`${origin}/api/healthz`)).status, 200);
  });

  it("the admin's insights show a seeded month of decisions, labelled as demo data", async () => {
    const response = await fetch(`${origin}/api/admin/insights`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<p class="note">Demo data: [\d,]+ of these decisions are made up/);
    const decisions = Number(/<strong>([\d,]+) decisions<\/strong>/.exec(html)![1]!.replace(/,/g, ''));
    assert.ok(decisions > 3000, `${decisions} decisions over the month`);
    assert.match(html, /revision 1 first decided on/, 'the seeded policy revision is marked on the time axis');
    assert.equal((await fetch(`${origin}/api/admin/insights.csv?chart=methods`)).status, 200);
  });

  it('states what the privacy policy says, in both languages, with a link to the other language', async () => {
    const page = await freshPage();
    await page.goto(`${origin}/en/privacy.html`, { waitUntil: 'networkidle0' });
    const english = await page.$eval('main', (main) => main.textContent!);
    for (const statement of [
      /session cookies and regular cookies/,
      /not needed for the core functions/,
      /withdraw your consent/,
      /access the data/,
      /erased/,
      /10 years/,
      /State Data Inspection/,
    ]) {
      assert.match(english, statement);
    }
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('a[hreflang="lv"]')]);
    assert.equal(new URL(page.url()).pathname, '/lv/privacy.html');
    assert.match(await page.$eval('main', (main) => main.textContent!), /Datu valsts inspekcijā/);
    await page.close();
  });
});
