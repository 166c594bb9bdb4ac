import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findChromium } from '../../src/scanner/browser.js';
import { loadCookieDatabase } from '../../src/scanner/cookie-database.js';
import { parseCookieString } from '../../src/scanner/cookie-string.js';
import { CrawlQueue, sameSite } from '../../src/scanner/crawl.js';
import { parseCsv } from '../../src/scanner/csv.js';
import { createProgress } from '../../src/scanner/progress.js';
import { scriptFromStack } from '../../src/scanner/instrument.js';
import { declaringCategory, toPageConfig } from '../../src/scanner/page-config.js';
import { runScan } from './scan-helpers.js';

// The scanner's parts that need no browser.
describe('scanner parts', () => {
  it('parses quoted CSV fields with commas, doubled quotes and line breaks', () => {
    assert.deepEqual(parseCsv('a,"b, c","say ""hi"""\r\n"two\nlines",,x\n'), [
      ['a', 'b, c', 'say "hi"'],
      ['two\nlines', '', 'x'],
    ]);
    assert.throws(() => parseCsv('a,"open'), /quoted field/);
  });

  it("counts what a category's services declare, and the marks naming them, for the category", () => {
    const config = toPageConfig({
      widget: true,
      config: {
        categories: [
          { id: 'session', required: true },
          {
            id: 'analytics',
            services: [
              { id: 'statistics', cookies: [{ name: '_stat' }] },
              { id: 'heatmap', erase: ['hm_*'] },
            ],
          },
        ],
      },
      gated: [{ consent: 'heatmap', url: 'https://heat.example/h.js' }],
    })!;
    assert.equal(declaringCategory([config], '_stat')?.id, 'analytics');
    assert.equal(declaringCategory([config], 'hm_clicks')?.id, 'analytics');
    assert.equal(declaringCategory([config], 'other'), undefined);
    assert.deepEqual(config.categories[1]!.hosts, ['heat.example']);
  });

  it('classifies with the Open Cookie Database: exact names, wildcard prefixes, and our categories', () => {
    const database = loadCookieDatabase();
    assert.equal(database.size, 2264);
    assert.deepEqual([database.lookupName('_ga')?.platform, database.lookupName('_ga')?.category], ['Google Analytics', 'analytics']);
    const prefixed = database.lookupName('_ga_ABC123XYZ');
    assert.deepEqual([prefixed?.name, prefixed?.wildcard, prefixed?.category], ['_ga_', true, 'analytics']);
    assert.equal(database.lookupName('_fbp')?.category, 'promotional');
    assert.equal(database.lookupName('CookieConsent')?.category, 'session');
    assert.equal(database.lookupName('fx_made_up_for_this_test'), undefined);
    assert.equal(database.lookupHost('stats.g.doubleclick.net')?.category, 'promotional');
  });

  it('reads Set-Cookie headers and document.cookie writes, and knows a deletion', () => {
    const now = Date.UTC(2026, 0, 1);
    assert.deepEqual(parseCookieString('id=1; Domain=.Example.com; Path=/shop; Max-Age=60; Secure; HttpOnly; SameSite=None', 'www.example.com', now), {
      name: 'id',
      attributes: { domain: 'example.com', path: '/shop', expires: now / 1000 + 60, httpOnly: true, secure: true, sameSite: 'None' },
      deletes: false,
    });
    assert.equal(parseCookieString('id=; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'example.com', now)?.deletes, true);
    assert.equal(parseCookieString('id=1; Max-Age=0', 'example.com', now)?.deletes, true);
    assert.equal(parseCookieString('no-equals-sign', 'example.com', now), undefined);
  });

  it('names the nearest script of a stack', () => {
    const stack =
      'Error\n    at report (<anonymous>:3:17)\n    at set cookie [as cookie] (<anonymous>:9:9)\n    at track (https://cdn.example/t.js:1:20)\n    at https://shop.example/app.js:4:2';
    assert.equal(scriptFromStack(stack), 'https://cdn.example/t.js');
    assert.equal(scriptFromStack('Error\n    at <anonymous>:1:1'), undefined);
  });

  it('tells the site from third parties', () => {
    assert.ok(sameSite('cdn.shop.example', 'www.shop.example'));
    assert.ok(sameSite('static.shop.co.uk', 'shop.co.uk'));
    assert.ok(!sameSite('tracker.co.uk', 'shop.co.uk'));
    assert.ok(!sameSite('127.0.0.2', '127.0.0.1'));
  });

  it('queues each same-origin page once, without fragments or files, up to the bound', () => {
    const queue = new CrawlQueue('https://shop.example', 2);
    queue.add([
      'https://shop.example/a#x',
      'https://shop.example/a',
      'https://other.example/',
      'https://shop.example/price-list.pdf',
      'https://shop.example/b',
      'https://shop.example/c',
    ]);
    const first = queue.next()!;
    queue.visited(first);
    const second = queue.next()!;
    queue.visited(second);
    assert.deepEqual([first, second, queue.next()], ['https://shop.example/a', 'https://shop.example/b', undefined]);
  });

  it('says where it looked for Chromium and how to install it when there is none', () => {
    assert.throws(() => findChromium({}, '/nonexistent/chromium'), {
      name: 'ScanError',
      message: /^Chromium not found: CHROME_PATH is not set and \/nonexistent\/chromium does not exist\. Install it with `sudo apt-get install chromium`/,
    });
    assert.throws(
      () => findChromium({ CHROME_PATH: '/nowhere/chrome' }, '/nonexistent/chromium'),
      /CHROME_PATH \(\/nowhere\/chrome\) and \/nonexistent\/chromium do not exist/,
    );
    assert.equal(findChromium({ CHROME_PATH: process.execPath }, '/nonexistent/chromium'), process.execPath);
  });

  it('draws a progress bar in place on a terminal, and plain lines elsewhere', () => {
    const written = (isTTY: boolean) => {
      let output = '';
      const stream = { isTTY, columns: 80, write: (chunk: string) => ((output += chunk), true) } as unknown as NodeJS.WritableStream;
      const progress = createProgress(stream);
      progress.total(4);
      progress.step('before any choice: /');
      progress.step('before any choice: /about');
      progress.done();
      return output;
    };
    assert.equal(written(false), 'scan 1/4 before any choice: /\nscan 2/4 before any choice: /about\n');
    const bar = written(true);
    const clearLine = '\r\x1b[2K';
    assert.ok(bar.startsWith(`${clearLine}[${'#'.repeat(6)}${'.'.repeat(18)}] 1/4 before any choice: /`), bar);
    assert.ok(bar.includes(`${clearLine}[${'#'.repeat(12)}${'.'.repeat(12)}] 2/4 before any choice: /about`), bar);
    assert.ok(!bar.includes('\n'), 'redrawn in place');
  });

  it('refuses bad input with exit code 2 and a message naming it', async () => {
    const cases: [string[], RegExp][] = [
      [[], /give the URL to scan/],
      [['not a url'], /"not a url" is not a URL/],
      [['ftp://example.com/'], /only http and https/],
      [['https://example.com/', '--pages', '0'], /--pages must be a whole number from 1 to 1000, got "0"/],
      [['https://example.com/', '--pages', 'many'], /--pages must be a whole number/],
      [['https://example.com/', '--frobnicate'], /Unknown option '--frobnicate'/],
      [['https://a.example/', 'https://b.example/'], /give one URL to scan, got 2/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr, stdout } = await runScan(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
      assert.equal(stdout, '');
    }
  });

  it('exits with 2 when the start page cannot be loaded', async () => {
    // A port nobody listens on: port 9 (discard) on loopback refuses the connection.
    const { code, stderr } = await runScan(['http://127.0.0.1:9/', '--no-html']);
    assert.equal(code, 2);
    assert.match(stderr, /the start page http:\/\/127\.0\.0\.1:9\/ could not be loaded/);
  });
});
