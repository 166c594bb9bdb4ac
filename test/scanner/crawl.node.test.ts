import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { respond, serveFixture, type Fixture } from './fixture-server.js';
import { requireChromiumAndWidget, runScan, type JsonScan } from './scan-helpers.js';

const html = (body: string) =>
  respond(
    200,
    { 'content-type': 'text/html; charset=utf-8' },
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title></head><body>${body}</body></html>`,
  );

const LINKED_PAGES = 4;

/**
 * A site of five linked pages, plus one that only its sitemap lists; / redirects to /home. Home
 * has another vendor's banner buttons: the scanner finds them at once, instead of looking for
 * three seconds in each choice phase as on a page with no way to choose (the first test's site).
 */
function manyPagesRoutes(): Record<string, ReturnType<typeof respond>> {
  const links = Array.from({ length: LINKED_PAGES }, (_, index) => `<a href="/page-${index + 1}.html">Page ${index + 1}</a>`).join(' ');
  const banner = '<div role="dialog" aria-label="Cookies"><button type="button">Accept all</button> <button type="button">Reject all</button></div>';
  const routes: Record<string, ReturnType<typeof respond>> = {
    '/': respond(302, { location: '/home' }),
    '/home': html(`${banner}<h1>Home</h1>${links} <a href="/file.pdf">A PDF</a> <a href="/home#top">Top</a>`),
    '/only-in-sitemap.html': html('<h1>Listed in the sitemap only</h1>'),
  };
  for (let index = 1; index <= LINKED_PAGES; index++) routes[`/page-${index}.html`] = html(`<h1>Page ${index}</h1><a href="/home">Home</a>`);
  return routes;
}

const pageRequests = (fixture: Fixture) => new Set(fixture.requested.filter((path) => path.endsWith('.html') || path === '/home'));

describe('what the scanner visits', { timeout: 600_000 }, () => {
  let noWidget: Fixture;
  let many: Fixture;
  before(async () => {
    requireChromiumAndWidget();
    noWidget = await serveFixture({ site: 'no-widget' });
    const routes = manyPagesRoutes();
    many = await serveFixture({ routes });
    // The sitemap names absolute URLs: the port is known only now.
    routes['/sitemap.xml'] = respond(
      200,
      { 'content-type': 'application/xml' },
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${many.origin}/only-in-sitemap.html</loc></url></urlset>`,
    );
  });
  after(async () => {
    await noWidget?.close();
    await many?.close();
  });

  it('scans a site without the widget: says so, and names its analytics cookie, set before any choice, as a leak', async () => {
    const { code, stdout, stderr } = await runScan([`${noWidget.origin}/`, '--json', '--no-html']);
    assert.equal(code, 1, stderr);
    const json = JSON.parse(stdout) as JsonScan;
    assert.equal(json.widgetFound, false);
    assert.deepEqual(json.choices, { accept: 'none', reject: 'none' });
    assert.deepEqual(json.pages, [`${noWidget.origin}/`, `${noWidget.origin}/contact.html`]);
    assert.deepEqual(
      json.leaks.map((leak) => [leak.name, leak.when, leak.category, leak.initiator]),
      // An inline script: the stack names the page itself.
      [['_ga', 'before consent', 'analytics', { kind: 'script', url: `${noWidget.origin}/` }]],
    );
    const ga = json.items.find((item) => item.name === '_ga')!;
    assert.equal(ga.known?.platform, 'Google Analytics');
  });

  it('follows a redirecting start page, and scans the page it leads to', async () => {
    const { code, stdout, stderr } = await runScan([`${many.origin}/`, '--json', '--no-html', '--pages', '1']);
    assert.equal(code, 0, stderr);
    assert.deepEqual((JSON.parse(stdout) as JsonScan).pages, [`${many.origin}/home`]);
  });

  it('visits no more than --pages pages', async () => {
    many.requested.length = 0;
    const { code, stdout, stderr } = await runScan([`${many.origin}/home`, '--json', '--no-html', '--pages', '3']);
    assert.equal(code, 0, stderr);
    const pages = (JSON.parse(stdout) as JsonScan).pages;
    assert.deepEqual(pages, [`${many.origin}/home`, `${many.origin}/page-1.html`, `${many.origin}/page-2.html`]);
    assert.deepEqual([...pageRequests(many)].sort(), ['/home', '/page-1.html', '/page-2.html']);
  });

  it('finds pages from links and from sitemap.xml, each once, and skips files that are not pages', async () => {
    many.requested.length = 0;
    const { stdout } = await runScan([`${many.origin}/home`, '--json', '--no-html', '--pages', '50']);
    const pages = (JSON.parse(stdout) as JsonScan).pages.map((page) => new URL(page).pathname);
    assert.equal(pages.length, LINKED_PAGES + 2);
    assert.ok(pages.includes('/only-in-sitemap.html'));
    assert.equal(new Set(pages).size, pages.length);
    assert.ok(!many.requested.includes('/file.pdf'));
  });
});
