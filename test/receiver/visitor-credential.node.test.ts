import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sampleRecord } from '../server/records.js';
import { postRecord, receiptFrom, recordFrom, SECRET, startReceiver, type RunningReceiver } from './helpers.js';

describe("compliance C30: access and erasure only by the visitor's own credential", () => {
  let running: RunningReceiver;
  before(async () => {
    running = await startReceiver({ rateLimit: { perAddress: false, perConsentId: false } });
  });
  after(() => running.close());

  const me = (cookie?: string, method = 'GET', headers: Record<string, string> = {}) =>
    fetch(`${running.url}/consent/me`, { method, headers: { ...(cookie ? { cookie } : {}), ...headers } });

  async function visitorWithRecords(count = 2): Promise<{ consentId: string; receipt: string }> {
    const consentId = sampleRecord().consentId;
    let receipt: string | null = null;
    for (let i = 0; i < count; i++) {
      const response = await postRecord(running.url, recordFrom(running.origin, { consentId }), receipt ? { cookie: receipt } : {});
      assert.equal(response.status, 201);
      receipt ??= receiptFrom(response);
    }
    assert.ok(receipt, 'the first record sets the credential');
    return { consentId, receipt };
  }

  it('sets the credential on the first record as an HttpOnly, SameSite=Strict cookie scoped to the consent routes', async () => {
    const response = await postRecord(running.url, recordFrom(running.origin));
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^consent_receipt=v1\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}; /);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.match(cookie, /; Path=\/consent;/);
    assert.doesNotMatch(cookie, /Secure/, 'plain http on loopback cannot keep a Secure cookie');
  });

  it("shows and erases the visitor's records with their credential, and only theirs", async () => {
    const visitor = await visitorWithRecords(2);
    const other = await visitorWithRecords(1);
    const shown = (await (await me(visitor.receipt)).json()) as { consentId: string; records: { consentId: string }[] };
    assert.equal(shown.consentId, visitor.consentId);
    assert.equal(shown.records.length, 2);
    assert.ok(shown.records.every((record) => record.consentId === visitor.consentId));
    assert.deepEqual(await (await me(visitor.receipt, 'DELETE')).json(), { consentId: visitor.consentId, erased: 2 });
    assert.deepEqual(((await (await me(visitor.receipt)).json()) as { records: unknown[] }).records, []);
    assert.equal((await running.store.findByConsentId(other.consentId)).length, 1);
  });

  it('refuses reading and erasing without a credential, with a forged one, or with one for another consentId', async () => {
    const victim = await visitorWithRecords(1);
    const attacker = await visitorWithRecords(1);
    const forgedMac = createHmac('sha256', 'not-the-secret-but-just-as-long-000000').update(`consent-receipt:v1:${victim.consentId}`).digest('base64url');
    const attempts = [
      undefined,
      `consent_receipt=${victim.consentId}`,
      `consent_receipt=v1.${victim.consentId}.${forgedMac}`,
      `consent_receipt=v1.${victim.consentId}.${attacker.receipt.split('.').at(-1)}`,
      // The consent cookie a third-party script can read names the consentId: it is not a credential.
      `cookie_consent=${victim.consentId}`,
    ];
    for (const cookie of attempts) {
      for (const method of ['GET', 'DELETE']) {
        const response = await me(cookie, method);
        assert.equal(response.status, 401, `${method} with ${cookie}`);
      }
    }
    // The attacker's valid credential only ever reaches the attacker's own records.
    const own = (await (await me(attacker.receipt)).json()) as { consentId: string };
    assert.equal(own.consentId, attacker.consentId);
    assert.equal((await running.store.findByConsentId(victim.consentId)).length, 1, "the victim's records are untouched");
  });

  it('a forged record naming a known consentId gets no credential for it', async () => {
    const victim = await visitorWithRecords(1);
    const forged = await postRecord(running.url, recordFrom(running.origin, { consentId: victim.consentId }));
    assert.equal(forged.status, 201, "the record is kept: it is the browser's claim");
    assert.equal(forged.headers.get('set-cookie'), null);
    // A retried delivery of the visitor's very first record still gets it (its answer may have been lost).
    const firstOnly = recordFrom(running.origin);
    assert.ok(receiptFrom(await postRecord(running.url, firstOnly)));
    const retried = await postRecord(running.url, firstOnly);
    assert.equal(retried.status, 200);
    assert.ok(receiptFrom(retried));
  });

  it('signs with the configured secret: a receiver with another secret refuses the credential', async () => {
    const visitor = await visitorWithRecords(1);
    const elsewhere = await startReceiver({ store: running.store, secret: `${SECRET}-rotated` });
    try {
      assert.equal((await fetch(`${elsewhere.url}/consent/me`, { headers: { cookie: visitor.receipt } })).status, 401);
    } finally {
      await elsewhere.close();
    }
  });
});
