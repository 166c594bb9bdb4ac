import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleRecord } from '../server/records.js';
import { fakeClock, postRecord, rawRequest, recordFrom, startReceiver } from './helpers.js';

describe('floods get 429 (per client address and per consentId)', () => {
  it('one address sending forged records as fast as it can gets 429 with Retry-After after its burst', async () => {
    const running = await startReceiver();
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 200; i++) {
        const response = await postRecord(running.url, recordFrom(running.origin));
        statuses.push(response.status);
        if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
      }
      const stored = statuses.filter((status) => status === 201).length;
      assert.ok(stored >= 60 && stored < 70, `${stored} stored: the burst of 60 and the refill while sending`);
      assert.equal(statuses.filter((status) => status === 429).length, 200 - stored);
      assert.ok(Number(retryAfter) >= 1);
      assert.equal(await running.store.count(), stored);
    } finally {
      await running.close();
    }
  });

  it('one consentId gets 10 records at once, then one a minute, from any number of addresses', async () => {
    const clock = fakeClock(Date.now());
    const running = await startReceiver({ clock, trustProxy: true, rateLimit: { perAddress: false } });
    try {
      const consentId = sampleRecord().consentId;
      const send = (address: string) => postRecord(running.url, recordFrom(running.origin, { consentId }), { 'x-forwarded-for': address });
      for (let i = 0; i < 10; i++) assert.equal((await send(`198.51.100.${i}`)).status, 201);
      assert.equal((await send('198.51.100.99')).status, 429);
      assert.equal((await postRecord(running.url, recordFrom(running.origin))).status, 201, 'another visitor is not held up');
      clock.advance(60_000);
      assert.equal((await send('198.51.100.100')).status, 201);
      assert.equal((await send('198.51.100.101')).status, 429);
    } finally {
      await running.close();
    }
  });
});

describe('behind a proxy (trustProxy, publicOrigin)', () => {
  it('without trustProxy, X-Forwarded-For is ignored: a flood cannot spread itself over invented addresses', async () => {
    const running = await startReceiver({ rateLimit: { perAddress: { burst: 5, perSecond: 0.001 }, perConsentId: false } });
    try {
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await postRecord(running.url, recordFrom(running.origin), { 'x-forwarded-for': `203.0.113.${i}` })).status);
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429, 429]);
    } finally {
      await running.close();
    }
  });

  it('with trustProxy, each visitor address the proxy forwards has its own bucket (the last X-Forwarded-For entry counts)', async () => {
    const running = await startReceiver({ trustProxy: true, rateLimit: { perAddress: { burst: 5, perSecond: 0.001 }, perConsentId: false } });
    try {
      for (let i = 0; i < 8; i++) {
        assert.equal((await postRecord(running.url, recordFrom(running.origin), { 'x-forwarded-for': `203.0.113.${i}` })).status, 201);
      }
      // A client-written first entry does not make a new address: the proxy appended the real one.
      const spoofed = [];
      for (let i = 0; i < 7; i++)
        spoofed.push((await postRecord(running.url, recordFrom(running.origin), { 'x-forwarded-for': `10.9.9.${i}, 203.0.113.200` })).status);
      assert.deepEqual(spoofed, [201, 201, 201, 201, 201, 429, 429]);
    } finally {
      await running.close();
    }
  });

  it('a proxy that rewrites Host: the public origin is accepted as same-origin, sets a Secure credential over https, and other sites are refused', async () => {
    const headers = { origin: 'https://shop.example', 'x-forwarded-host': 'shop.example', 'x-forwarded-proto': 'https' };
    const bare = await startReceiver();
    try {
      // What the review saw: every record 403 behind the proxy.
      assert.equal((await postRecord(bare.url, recordFrom('https://shop.example'), headers)).status, 403);
    } finally {
      await bare.close();
    }
    const running = await startReceiver({ trustProxy: true, publicOrigin: 'https://shop.example' });
    try {
      const accepted = await postRecord(running.url, recordFrom('https://shop.example'), headers);
      assert.equal(accepted.status, 201);
      assert.match(accepted.headers.get('set-cookie') ?? '', /; Secure/);
      assert.equal((await postRecord(running.url, recordFrom('https://shop.example'), { ...headers, origin: 'https://evil.example' })).status, 403);
      const foreignPage = await postRecord(running.url, recordFrom('https://evil.example'), headers);
      assert.equal(foreignPage.status, 400, 'a record claiming a page of another site');
      assert.match(((await foreignPage.json()) as { error: string }).error, /pageUrl https:\/\/evil\.example is not a page of this site/);
      const rebound = await rawRequest(`${running.url}/consent/me`, { headers: { 'x-forwarded-host': 'attacker.example' } });
      assert.equal(rebound.status, 421);
    } finally {
      await running.close();
    }
  });
});
