// Delivery's pure parts in Node: the backoff formula and the SHA-256 fallback. The waits as a page
// sees them, on a fake clock, are in retry.node.test.ts and delivery.node.test.ts beside this file.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { backoffDelay, DEFAULT_BACKOFF } from '../../src/core/delivery/backoff.js';
import { sha256HexSync } from '../../src/core/delivery/sha256.js';

describe('backoffDelay', () => {
  const options = { baseMs: 1000, maxMs: 60_000 };

  it('doubles with every failure, between half and all of base·2^(n−1)', () => {
    for (let failures = 1; failures <= 6; failures++) {
      const full = 1000 * 2 ** (failures - 1);
      assert.equal(
        backoffDelay(failures, options, () => 0),
        full / 2,
      );
      assert.equal(
        backoffDelay(failures, options, () => 1),
        full,
      );
    }
  });

  it('never exceeds the cap, however many failures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (failures, r) => {
        const delay = backoffDelay(failures, options, () => r);
        return delay >= 0 && delay <= options.maxMs;
      }),
    );
    assert.equal(
      backoffDelay(1e6, DEFAULT_BACKOFF, () => 1),
      DEFAULT_BACKOFF.maxMs,
    );
  });

  it('spreads clients out: jitter gives different waits for the same failure count', () => {
    const waits = new Set(Array.from({ length: 50 }, () => backoffDelay(5, options)));
    assert.ok(waits.size > 10);
  });
});

describe('the SHA-256 fallback for pages without WebCrypto (plain http)', () => {
  it('agrees with node:crypto on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        return sha256HexSync(bytes) === createHash('sha256').update(bytes).digest('hex');
      }),
      { numRuns: 500 },
    );
    for (const length of [0, 55, 56, 63, 64, 65, 1000]) {
      const bytes = new Uint8Array(length).fill(0x61);
      assert.equal(sha256HexSync(bytes), createHash('sha256').update(bytes).digest('hex'), `length ${length}`);
    }
  });
});
