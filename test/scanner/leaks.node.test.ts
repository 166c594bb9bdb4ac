import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { browsers, chromiumArgs } from '../../scripts/browsers.mjs';
import { resolveConfig } from '../../src/core/config.js';
import { respond, serveFixture } from './fixture-server.js';
import { serveLeakySite, type LeakySite } from './leaky-site.js';
import { requireChromiumAndWidget, runScan, type JsonScan, type ScanRun } from './scan-helpers.js';

// The leaky fixture shop (leaky-site.ts): three mistakes, and one gated script done right.
const dir = mkdtempSync(join(tmpdir(), 'scan-leaks-'));
let leaky: LeakySite;
let site: LeakySite['site'];
let scan: ScanRun;
let json: JsonScan;

describe('scanning a site that leaks', { timeout: 300_000 }, () => {
  before(async () => {
    requireChromiumAndWidget();
    leaky = await serveLeakySite();
    site = leaky.site;
    scan = await runScan([`${site.origin}/`, '--json', '--html', join(dir, 'report.html'), '--config', join(dir, 'config.json')]);
    json = JSON.parse(scan.stdout) as JsonScan;
  });
  after(async () => {
    await leaky?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits with 1 and finds exactly the three leaks, each with its page and initiator', () => {
    assert.equal(scan.code, 1, scan.stderr);
    const leaks = json.leaks.map((leak) => ({ kind: leak.kind, name: leak.name, when: leak.when, page: leak.page, initiator: leak.initiator }));
    assert.deepEqual(
      leaks.sort((a, b) => a.kind.localeCompare(b.kind)),
      [
        {
          kind: 'cookie',
          name: 'fx_visitor',
          when: 'before consent',
          page: `${site.origin}/`,
          initiator: { kind: 'script', url: `${site.origin}/ungated.js` },
        },
        {
          kind: 'localStorage',
          name: 'fx_tracker_id',
          when: 'after Reject all',
          page: `${site.origin}/`,
          initiator: { kind: 'script', url: `${site.origin}/on-decision.js` },
        },
        { kind: 'request', name: '127.0.0.2', when: 'before consent', page: `${site.origin}/`, initiator: { kind: 'script', url: `${site.origin}/tag.js` } },
      ],
    );
    assert.equal(json.leaks.find((leak) => leak.name === 'fx_visitor')?.alsoAfterReject, true, 'the ungated cookie is set after "Reject all" too');
  });

  it('crawls both pages and makes both choices through the widget API', () => {
    assert.deepEqual(json.pages, [`${site.origin}/`, `${site.origin}/about.html`]);
    assert.equal(json.widgetFound, true);
    assert.deepEqual(json.choices, { accept: 'api', reject: 'api' });
  });

  it('sees the gated, declared cookie only after "Accept all", and the undeclared key it writes, without calling either a leak', () => {
    const stats = json.items.find((item) => item.name === 'fx_stats')!;
    assert.deepEqual(stats.seen, { beforeChoice: false, afterAccept: true, afterReject: false });
    assert.equal(stats.declared, 'analytics');
    assert.equal(stats.first.initiator.url, `${site.origin}/stats.js`);
    const odd = json.items.find((item) => item.name.startsWith('fx_<img'))!;
    assert.equal(odd.declared, undefined);
    assert.deepEqual(odd.seen, { beforeChoice: false, afterAccept: true, afterReject: false });
    assert.ok(!json.leaks.some((leak) => leak.name === 'fx_stats' || leak.name === odd.name));
  });

  it("counts the widget's own consent cookie as required", () => {
    const consent = json.items.find((item) => item.name === 'cookie_consent')!;
    assert.equal(consent.widget, true);
    assert.equal(consent.required, true);
  });

  it('writes an HTML report with everything escaped', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /fx_visitor/);
    assert.match(html, /Leaks \(3\)/);
    assert.match(html, /fx_&#60;img src=x onerror=alert\(1\)&#62;/);
    assert.doesNotMatch(html, /<img src=x/);
  });

  it("writes a configuration the widget's check accepts as it is, with what was found in its tables", () => {
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    const resolved = resolveConfig(config);
    const table = (id: string) => resolved.categories.find((category) => category.id === id)?.cookies.map((cookie) => cookie.name);
    assert.deepEqual(table('analytics'), ['fx_stats']);
    // Unknown to the configuration and to the Open Cookie Database: the strictest category.
    assert.deepEqual(table('promotional')?.sort(), ['fx_<img src=x onerror=alert(1)>', 'fx_tracker_id', 'fx_visitor']);
  });

  it('writes a configuration that starts the widget without an error and shows the banner', async () => {
    const config = readFileSync(join(dir, 'config.json'), 'utf8');
    // JSON inside <script> must not contain "</", which would end the element.
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Skeleton</title>
<script type="application/json" id="cookie-consent-config">${config.replace(/<\//g, '<\\/')}</script>
<script src="/dist/cookie-consent.js"></script></head><body><h1>Skeleton</h1></body></html>`;
    const skeletonSite = await serveFixture({ routes: { '/': respond(200, { 'content-type': 'text/html' }, page) } });
    const browser = await chromium.launch({ executablePath: browsers[0]!.path, args: chromiumArgs });
    try {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`${skeletonSite.origin}/`);
      await tab.waitForFunction(() => document.querySelector('cookie-consent')?.shadowRoot?.querySelector('[part~="banner"]'));
      await tab.getByRole('button', { name: /accept all/i }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await skeletonSite.close();
    }
  });
});
