import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeConsentCookie } from '../../src/core/storage/consent-cookie.js';
import { parseConsentCookie } from '../../src/server/index.js';
import type { ConsentDecision } from '../../src/core/types.js';

const now = Date.parse('2026-11-27T10:00:00.000Z');
const decision: ConsentDecision = {
  consentId: '3b241101-e2bb-4255-8caf-4136c566a962',
  revision: 3,
  timestamp: '2026-11-01T08:30:00.000Z',
  expiresAt: '2027-05-02T08:30:00.000Z',
  method: 'custom',
  categories: { session: true, preferences: true, analytics: false, promotional: false },
};

describe('parseConsentCookie (the server shares the browser parser)', () => {
  const value = encodeConsentCookie(decision);

  it('reads the decision from a whole Cookie header', () => {
    assert.deepEqual(parseConsentCookie(`theme=dark; cookie_consent=${value}; other=1`, { now }), decision);
  });

  it('reads the bare cookie value and a quoted one', () => {
    assert.deepEqual(parseConsentCookie(value, { now }), decision);
    assert.deepEqual(parseConsentCookie(`cookie_consent="${value}"`, { now }), decision);
  });

  it('reads a cookie of another name when told', () => {
    assert.deepEqual(parseConsentCookie(`site_consent=${value}`, { name: 'site_consent', now }), decision);
    assert.equal(parseConsentCookie(`site_consent=${value}`, { now }), null);
  });

  it('gives null for absent, tampered, expired and garbage input, never throwing', () => {
    const tampered = value.replace('analytics:0', 'analytics:1');
    const inputs: unknown[] = [undefined, null, '', 'cookie_consent=', tampered, `cookie_consent=${tampered}`, '%%%', 'a=b; c'];
    for (const input of inputs) assert.equal(parseConsentCookie(input as string, { now }), null, String(input));
    assert.equal(parseConsentCookie(value, { now: Date.parse(decision.expiresAt) }), null, 'expired');
  });
});
