import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, postRecord, rawRequest, receiptFrom, recordFrom, startReceiver, type RunningReceiver } from './helpers.js';

describe('compliance C30: the admin needs the bearer token, or without one a loopback client on a loopback host', () => {
  let withToken: RunningReceiver;
  let withoutToken: RunningReceiver;
  before(async () => {
    withToken = await startReceiver({ adminToken: ADMIN_TOKEN });
    withoutToken = await startReceiver({ trustProxy: true, publicOrigin: 'https://shop.example' });
  });
  after(async () => {
    await withToken.close();
    await withoutToken.close();
  });

  it('with a token configured: no token or a wrong one gets 401, the right one the page and the exports', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${ADMIN_TOKEN}`, ADMIN_TOKEN]) {
      const response = await fetch(`${withToken.url}/admin/`, { headers: authorization ? { authorization } : {} });
      assert.equal(response.status, 401, String(authorization));
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    const authorized = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const page = await fetch(`${withToken.url}/admin/`, { headers: authorized });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<h1>Consent records<\/h1>/);
    assert.equal((await fetch(`${withToken.url}/admin/records.csv`, { headers: authorized })).status, 200);
    assert.equal((await fetch(`${withToken.url}/admin/records.ndjson`)).status, 401);
  });

  it('the insights page, its CSV and the stylesheet are behind the same login', async () => {
    for (const path of ['insights', 'insights.csv?chart=methods', 'admin.css']) {
      assert.equal((await fetch(`${withToken.url}/admin/${path}`)).status, 401, path);
      assert.equal((await fetch(`${withToken.url}/admin/${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).status, 200, path);
    }
    assert.equal((await fetch(`${withToken.url}/admin/nowhere`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).status, 404);
  });

  it('without a token: answers a loopback client on a loopback host, and no one else', async () => {
    assert.equal((await fetch(`${withoutToken.url}/admin/`)).status, 200);
    // Through the trusted proxy, a visitor from outside: the socket is loopback, the client is not.
    const forwarded = await rawRequest(`${withoutToken.url}/admin/records.csv`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(forwarded.status, 403);
    // A loopback client that addressed the public name came through the proxy too.
    const publicName = await rawRequest(`${withoutToken.url}/admin/`, { headers: { host: 'shop.example' } });
    assert.equal(publicName.status, 403);
  });
});

describe('compliance C30: a request for a foreign Host is refused (DNS rebinding)', () => {
  let running: RunningReceiver;
  before(async () => {
    running = await startReceiver({ publicOrigin: 'https://shop.example' });
  });
  after(() => running.close());

  it('answers 421 on every route but /healthz for a host that is neither public nor loopback', async () => {
    for (const [method, path] of [
      ['GET', '/admin/'],
      ['GET', '/admin/records.csv'],
      ['GET', '/consent/me'],
      ['DELETE', '/consent/me'],
      ['POST', '/consent'],
    ] as const) {
      const response = await rawRequest(`${running.url}${path}`, {
        method,
        headers: { host: 'attacker.example', 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(response.status, 421, `${method} ${path}`);
    }
    assert.equal((await rawRequest(`${running.url}/healthz`, { headers: { host: 'attacker.example' } })).status, 200);
    assert.equal(
      (await rawRequest(`${running.url}/admin/`, { headers: { host: 'shop.example' } })).status,
      403,
      'the public name passes the Host check; the admin rule still applies',
    );
    assert.equal((await rawRequest(`${running.url}/admin/`, { headers: { host: `localhost:${new URL(running.url).port}` } })).status, 200);
  });
});

describe('compliance C30: erasure asked for by another site is refused, and nothing is framed', () => {
  let running: RunningReceiver;
  let receipt: string;
  before(async () => {
    running = await startReceiver();
    receipt = receiptFrom(await postRecord(running.url, recordFrom(running.origin)))!;
  });
  after(() => running.close());

  it('refuses DELETE and GET /consent/me from a foreign Origin or a cross-site or same-site fetch', async () => {
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of attempts) {
      for (const method of ['DELETE', 'GET']) {
        const response = await fetch(`${running.url}/consent/me`, { method, headers: { cookie: receipt, ...headers } });
        assert.equal(response.status, 403, `${method} ${JSON.stringify(headers)}`);
      }
    }
    assert.equal(await running.store.count(), 1, 'nothing was erased');
    const own = await fetch(`${running.url}/consent/me`, {
      method: 'DELETE',
      headers: { cookie: receipt, origin: running.origin, 'sec-fetch-site': 'same-origin' },
    });
    assert.equal(own.status, 200);
    assert.equal(await running.store.count(), 0);
  });

  it("sends frame-ancestors 'none' and X-Frame-Options DENY on pages, data and errors", async () => {
    for (const path of ['/admin/', '/consent/me', '/nowhere']) {
      const response = await fetch(`${running.url}${path}`);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
    }
  });
});
