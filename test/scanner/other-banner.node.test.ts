import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { respond, serveFixture, type Fixture } from './fixture-server.js';
import { requireChromiumAndWidget, runScan, type JsonScan } from './scan-helpers.js';

// Another vendor's banner, without window.cookieConsent: the scanner makes the choice by
// clicking the buttons named "Accept all" and "Reject all". Analytics starts only on accept.
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Other banner</title></head><body>
<div role="dialog" aria-label="Cookies"><button type="button" id="yes">Accept all</button> <button type="button" id="no">Reject all</button></div>
<script>
  document.getElementById('yes').addEventListener('click', () => {
    document.cookie = '_ga=GA1.1.1.1; Max-Age=63072000; Path=/; SameSite=Lax';
  });
  document.getElementById('no').addEventListener('click', () => document.querySelector('[role=dialog]').remove());
</script></body></html>`;

describe('a site with another consent banner', { timeout: 300_000 }, () => {
  let site: Fixture;
  before(async () => {
    requireChromiumAndWidget();
    site = await serveFixture({ routes: { '/': respond(200, { 'content-type': 'text/html' }, page) } });
  });
  after(() => site?.close());

  it('chooses through buttons found by their accessible names, and sees analytics only after "Accept all"', async () => {
    const { code, stdout, stderr } = await runScan([`${site.origin}/`, '--json', '--no-html']);
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout) as JsonScan;
    assert.equal(json.widgetFound, false);
    assert.deepEqual(json.choices, { accept: 'button', reject: 'button' });
    const ga = json.items.find((item) => item.name === '_ga')!;
    assert.deepEqual(ga.seen, { beforeChoice: false, afterAccept: true, afterReject: false });
    assert.equal(ga.category, 'analytics');
    assert.deepEqual(json.leaks, []);
  });
});
