import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { resolveConfig } from '../../src/core/config.js';
import { createDecision, isDecisionCurrent } from '../../src/core/decision.js';
import { crc32Hex } from '../../src/core/storage/checksum.js';
import { decodeConsentCookie, encodeConsentCookie, longestConsentCookie, readConsentCookie } from '../../src/core/storage/consent-cookie.js';
import type { ConsentDecision } from '../../src/core/types.js';

const COOKIE_OCTETS = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/;
const config = resolveConfig({ revision: 4, policyUrl: '/privacy' });
const now = Date.parse('2026-11-27T12:00:00.000Z');
const decision = createDecision(config, { session: true, preferences: true, analytics: false, promotional: true }, 'custom', undefined, now);
const encoded = encodeConsentCookie(decision);

/** Re-signs a changed body, so a test reaches the check after the checksum. */
function resign(body: string): string {
  return `${body}.${crc32Hex(body)}`;
}
const body = encoded.slice(0, encoded.lastIndexOf('.'));
const servicesConfig = resolveConfig({
  revision: 4,
  policyUrl: '/privacy',
  categories: [
    { id: 'session', required: true },
    { id: 'analytics', services: [{ id: 'statistics' }, { id: 'heatmap' }] },
    { id: 'promotional', services: [{ id: 'pixel' }, { id: 'video' }] },
  ],
});
const servicesDecision = createDecision(servicesConfig, { analytics: true, heatmap: false }, 'custom', undefined, now);
const servicesBody = (() => {
  const value = encodeConsentCookie(servicesDecision);
  return value.slice(0, value.lastIndexOf('.'));
})();

describe('consent cookie format (compliance C25, C26)', () => {
  it('round-trips a decision exactly', () => {
    expect(decodeConsentCookie(encoded, now)).to.deep.equal(decision);
  });

  it('is made of cookie-octets only and well under 400 bytes with the four default categories', () => {
    expect(encoded).to.match(COOKIE_OCTETS);
    const size = new TextEncoder().encode(`cookie_consent=${encoded}`).length;
    console.log(`consent cookie with the default categories: ${size} bytes`);
    expect(size).to.be.below(400);
  });

  it('stays well under 4096 bytes with 24 categories of 32-character ids', () => {
    const ids = Array.from({ length: 24 }, (_, i) => `category-${String(i).padStart(2, '0')}-${'x'.repeat(19)}`);
    const big = resolveConfig({ revision: 999_999_999, policyUrl: '/p', categories: ids.map((id) => ({ id })) });
    const all = createDecision(big, Object.fromEntries(ids.map((id) => [id, true])), 'accept-all', undefined, now);
    const value = encodeConsentCookie(all);
    expect(value).to.match(COOKIE_OCTETS);
    expect(value.length).to.be.below(1100);
    expect(decodeConsentCookie(value, now)).to.deep.equal(all);
  });

  it('knows the longest value its ids can make without encoding one: the length the configuration check refuses by', () => {
    const longest = (categories: string[], services: string[]) =>
      encodeConsentCookie({
        consentId: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
        revision: 999_999_999,
        // The last instants a Date can hold: 11 base-36 digits, the most the format allows.
        timestamp: new Date(8.64e15 - 1).toISOString(),
        expiresAt: new Date(8.64e15).toISOString(),
        method: 'custom',
        categories: Object.fromEntries(categories.map((id) => [id, true])),
        ...(services.length > 0 ? { services: Object.fromEntries(services.map((id) => [id, true])) } : {}),
      }).length;
    for (const [categories, services] of [
      [['session', 'analytics'], []],
      [
        ['session', 'analytics', 'promotional'],
        ['statistics', 'heatmap', 'video'],
      ],
      [['a'], ['b'.repeat(32)]],
    ] as [string[], string[]][]) {
      expect(longestConsentCookie(categories, services), JSON.stringify([categories, services])).to.equal(longest(categories, services));
    }
  });

  it('checksums with standard CRC-32 (IEEE), so any implementation can verify a cookie', () => {
    expect(crc32Hex('123456789'), 'the CRC-32 check value').to.equal('cbf43926');
    expect(crc32Hex('')).to.equal('00000000');
    expect(crc32Hex('The quick brown fox jumps over the lazy dog')).to.equal('414fa339');
  });

  it('documents its layout: version, id, revision, base-36 times, method, categories, services, crc32', () => {
    const fields = encoded.split('.');
    expect(fields[0]).to.equal('2');
    expect(fields[1]).to.equal(decision.consentId);
    expect(fields[2]).to.equal('4');
    expect(parseInt(fields[3]!, 36)).to.equal(now);
    expect(fields[5]).to.equal('c');
    expect(fields[6]).to.equal('session:1~preferences:1~analytics:0~promotional:1');
    expect(fields[7], 'no services configured').to.equal('');
    expect(fields[8]).to.match(/^[0-9a-f]{8}$/);
    const withServices = encodeConsentCookie(servicesDecision).split('.');
    expect(withServices[6]).to.equal('session:1~analytics:1~promotional:0');
    expect(withServices[7]).to.equal('statistics:1~heatmap:0~pixel:0~video:0');
  });

  it('round-trips a decision with services exactly', () => {
    expect(decodeConsentCookie(encodeConsentCookie(servicesDecision), now)).to.deep.equal(servicesDecision);
    expect(isDecisionCurrent(servicesDecision, servicesConfig, now)).to.equal(true);
  });

  it('still reads a version 1 value, written before services existed', () => {
    const v1Body = body.replace(/^2\./, '1.').replace(/\.$/, '');
    expect(v1Body.split('.')).to.have.length(7);
    expect(decodeConsentCookie(resign(v1Body), now)).to.deep.equal(decision);
  });

  it('stays well under 4096 bytes with 24 categories of 4 services each, ids of up to 20 characters', () => {
    const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(3, '0')}`.padEnd(20, 'x');
    const categories = Array.from({ length: 24 }, (_, c) => ({
      id: id('category-', c),
      services: Array.from({ length: 4 }, (_, s) => ({ id: id('service-', c * 4 + s) })),
    }));
    const big = resolveConfig({ revision: 999_999_999, policyUrl: '/p', categories });
    const all = createDecision(big, Object.fromEntries(categories.map(({ id }) => [id, true])), 'accept-all', undefined, now);
    expect(Object.values(all.services!).filter(Boolean)).to.have.length(96);
    const header = `cookie_consent=${encodeConsentCookie(all)}`;
    console.log(`consent cookie with 24 categories of 4 services: ${header.length} bytes`);
    expect(header).to.match(/^cookie_consent=[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/);
    expect(header.length).to.be.below(3100);
    expect(decodeConsentCookie(encodeConsentCookie(all), now)).to.deep.equal(all);
  });

  const tampered: [string, string][] = [
    ['truncated', encoded.slice(0, encoded.length - 3)],
    ['truncated to half', encoded.slice(0, encoded.length / 2)],
    ['one byte changed', encoded.replace('preferences:1', 'preferences:0')],
    ['unknown version', resign(body.replace(/^2\./, '3.'))],
    ['version 1 with a services field', resign(servicesBody.replace(/^2\./, '1.'))],
    ['version 2 without its services field', resign(body.replace(/\.$/, ''))],
    ['timestamp in the future', resign(body.replace(`.${now.toString(36)}.`, `.${(now + 86_400_000).toString(36)}.`))],
    ['unknown method', resign(body.replace('.c.session', '.x.session'))],
    ['duplicated category key', resign(body.replace('promotional:1', 'promotional:1~analytics:1'))],
    ['duplicated service key', resign(`${servicesBody}~heatmap:1`)],
    ['service value not 0/1', resign(servicesBody.replace('heatmap:0', 'heatmap:2'))],
    ['service list with an empty entry', resign(servicesBody.replace('heatmap:0~', 'heatmap:0~~'))],
    ['category value not 0/1', resign(body.replace('analytics:0', 'analytics:2'))],
    ['category id upper case', resign(body.replace('analytics', 'Analytics'))],
    ['consent id not a uuid', resign(body.replace(decision.consentId, 'not-a-uuid'))],
    ['revision with a sign', resign(body.replace('.4.', '.+4.'))],
    ['expiry before issue', resign(body.replace(/\.([0-9a-z]+)\.([0-9a-z]+)\.c\./, '.$2.$1.c.'))],
    ['a comma', resign(body.replace('~', ','))],
    ['JSON instead', JSON.stringify(decision)],
    ['oversized', resign(`${servicesBody}${'~x:1'.repeat(800)}`)],
    ['empty', ''],
  ];
  for (const [name, value] of tampered) {
    it(`grants nothing for a ${name} value`, () => {
      expect(decodeConsentCookie(value, now)).to.equal(null);
    });
  }

  it('grants nothing for a method code every object inherits (constructor, __proto__, toString)', () => {
    for (const code of ['constructor', '__proto__', 'toString']) {
      const decoded = decodeConsentCookie(resign(body.replace('.c.session', `.${code}.session`)), now);
      expect(decoded === null, `method code "${code}" decoded to a decision with method ${String(decoded?.method)}`).to.equal(true);
    }
  });

  it('grants nothing for a value whose own expiry has passed', () => {
    expect(decodeConsentCookie(encoded, Date.parse(decision.expiresAt))).to.equal(null);
  });

  it('reads the newest valid value when the cookie exists twice (two paths or domains)', () => {
    const later = createDecision(config, { analytics: true }, 'custom', decision.consentId, now + 1000);
    const header = `a=1; cookie_consent=${encoded}; cookie_consent=garbage; cookie_consent=${encodeConsentCookie(later)}`;
    expect(readConsentCookie(header, 'cookie_consent', now + 2000)).to.deep.equal(later);
  });

  it('never throws and never grants for 1000 random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600, unit: 'binary' }), (value) => decodeConsentCookie(value, now) === null),
      { numRuns: 1000 },
    );
  });

  it('never throws and never grants for 1000 random cookie-octet strings shaped like the format', () => {
    const octet = fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz.~:-!'.split(''));
    fc.assert(
      fc.property(fc.array(octet, { maxLength: 300 }), (chars) => decodeConsentCookie(chars.join(''), now) === null),
      { numRuns: 1000 },
    );
  });

  it('detects every one of 2000 random mutations of a valid value (change, insert, delete bytes)', () => {
    const mutation = fc.array(
      fc.record({
        kind: fc.constantFrom('change', 'insert', 'delete'),
        at: fc.nat(),
        char: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(mutation, (steps) => {
        let value = encoded;
        for (const { kind, at, char } of steps) {
          const i = at % (value.length + 1);
          if (kind === 'insert') value = value.slice(0, i) + char + value.slice(i);
          else if (kind === 'delete') value = value.slice(0, i) + value.slice(i + 1);
          else value = value.slice(0, i) + char + value.slice(i + 1);
        }
        fc.pre(value !== encoded);
        const decoded = decodeConsentCookie(value, now);
        // A mutation either is caught, or (for CRC-32's 1 in 4 billion) decodes to a value that
        // still has to pass every structural check; it must never decode to our decision.
        return decoded === null || JSON.stringify(decoded) !== JSON.stringify(decision);
      }),
      { numRuns: 2000 },
    );
  });

  it('never grants for 1000 decoded-valid values that do not fit the configuration', () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    fc.assert(
      fc.property(fc.dictionary(id, fc.boolean(), { minKeys: 1, maxKeys: 6 }), fc.integer({ min: 0, max: 9 }), (categories, revision) => {
        fc.pre(!(revision === 4 && JSON.stringify(Object.keys(categories).sort()) === JSON.stringify(['analytics', 'preferences', 'promotional', 'session'])));
        const other: ConsentDecision = { ...decision, revision, categories };
        const decoded = decodeConsentCookie(encodeConsentCookie(other), now);
        return decoded !== null && !isDecisionCurrent(decoded, config, now);
      }),
      { numRuns: 1000 },
    );
  });
});
