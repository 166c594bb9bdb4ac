import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WIDGET_VERSION } from '../../src/core/delivery/version.js';
import { OPTIONAL_RECORD_FIELDS, RECORD_FIELDS, validateConsentRecord } from '../../src/server/index.js';

const REQUIRED_FIELDS = RECORD_FIELDS.filter((field) => !OPTIONAL_RECORD_FIELDS.includes(field));
import { sampleRecord } from './records.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/consent-record.schema.json', import.meta.url), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

function rejects(body: unknown, reasonPattern: RegExp): void {
  const result = validateConsentRecord(body);
  assert.equal(result.ok, false, `accepted ${JSON.stringify(body)?.slice(0, 200)}`);
  if (!result.ok)
    assert.ok(
      result.reasons.some((reason) => reasonPattern.test(reason)),
      `reasons: ${result.reasons.join('; ')}`,
    );
}

describe('validateConsentRecord (compliance C12: the proof of consent, strictly)', () => {
  it('accepts a record as the widget sends it and returns a copy without anything extra', () => {
    const record = sampleRecord();
    const result = validateConsentRecord(JSON.parse(JSON.stringify(record)));
    assert.deepEqual(result, { ok: true, record });
  });

  it('accepts every method, layer and a GPC record', () => {
    for (const method of ['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc'] as const) {
      for (const layer of ['banner', 'preferences', 'api', 'placeholder'] as const) {
        assert.equal(validateConsentRecord(sampleRecord({ method, layer, gpc: true })).ok, true, `${method} ${layer}`);
      }
    }
  });

  it('rejects non-objects', () => {
    for (const body of [null, undefined, 1, 'record', true, [], [sampleRecord()]]) rejects(body, /JSON object/);
  });

  it('rejects extra fields, including personal data and prototype keys', () => {
    rejects({ ...sampleRecord(), ip: '203.0.113.7' }, /unexpected field "ip"/);
    rejects({ ...sampleRecord(), userAgent: 'Mozilla/5.0' }, /unexpected field "userAgent"/);
    rejects(JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(sampleRecord()).slice(1)}`), /unexpected field "__proto__"/);
  });

  it('accepts a record with per-service choices, and keeps them in its copy (compliance C27)', () => {
    const record = { ...sampleRecord(), services: { statistics: true, heatmap: false } };
    const result = validateConsentRecord(JSON.parse(JSON.stringify(record)));
    assert.deepEqual(result, { ok: true, record });
    assert.deepEqual(OPTIONAL_RECORD_FIELDS, ['services'], 'only services may be left out');
  });

  it('names every missing field', () => {
    for (const field of REQUIRED_FIELDS) {
      const record: Record<string, unknown> = { ...sampleRecord() };
      delete record[field];
      rejects(record, new RegExp(`^${field} is missing$`));
    }
  });

  it('rejects wrong types and shapes, field by field', () => {
    const bad: [string, unknown, RegExp][] = [
      ['schema', 2, /schema must be 1/],
      ['schema', '1', /schema must be 1/],
      ['eventId', 'not-a-uuid', /eventId must be a lower-case UUID/],
      ['eventId', '3B241101-E2BB-4255-8CAF-4136C566A962', /eventId/],
      ['consentId', 42, /consentId/],
      ['timestamp', '2026-11-27T10:00:00Z', /timestamp/],
      ['timestamp', '2026-11-27T12:00:00.000+02:00', /timestamp/],
      ['timestamp', '2026-02-30T10:00:00.000Z', /timestamp/],
      ['timestamp', 1764237600000, /timestamp/],
      // Outside a plausible window: PostgreSQL has no year 0000, and a 503 for it was retried for ever.
      ['timestamp', '0000-01-01T00:00:00.000Z', /timestamp .* from 2000 up to before 2100/],
      ['timestamp', '1999-12-31T23:59:59.999Z', /timestamp/],
      ['timestamp', '2100-01-01T00:00:00.000Z', /timestamp/],
      ['revision', -1, /revision/],
      ['revision', 1.5, /revision/],
      ['revision', '3', /revision/],
      ['revision', 2 ** 53, /revision/],
      ['method', 'accept', /method must be one of/],
      ['layer', 'footer', /layer must be one of/],
      ['categories', [], /categories must be an object/],
      ['categories', {}, /1 to 24/],
      ['categories', { analytics: 'yes' }, /\.analytics must be true or false/],
      ['categories', { Analytics: true }, /invalid category id/],
      ['categories', Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`c${i}`, true])), /1 to 24/],
      ['services', [], /services must be an object/],
      ['services', {}, /1 to 96 services/],
      ['services', { pixel: 'yes' }, /\.pixel must be true or false/],
      ['services', { Pixel: true }, /invalid service id/],
      ['services', Object.fromEntries(Array.from({ length: 97 }, (_, i) => [`s${i}`, true])), /1 to 96 services/],
      ['language', 'english language', /language/],
      ['language', 'x'.repeat(36), /language/],
      ['textHash', 'A'.repeat(64), /textHash/],
      ['textHash', 'a'.repeat(63), /textHash/],
      ['widgetVersion', 'latest', /widgetVersion/],
      ['gpc', 'false', /gpc must be true or false/],
      ['gpc', 0, /gpc/],
      ['pageUrl', 'https://shop.example/p?email=a@b.example', /pageUrl/],
      ['pageUrl', 'https://shop.example/p#x', /pageUrl/],
      ['pageUrl', 'javascript:alert(1)', /pageUrl/],
      ['pageUrl', 'https://user:pw@shop.example/', /pageUrl/],
      ['pageUrl', `https://shop.example/${'a'.repeat(2048)}`, /pageUrl/],
    ];
    for (const [field, value, reason] of bad) rejects({ ...sampleRecord(), [field]: value }, reason);
  });

  it('rejects SQL-like and unicode edge-case strings in every string field', () => {
    const hostile = ["'; DROP TABLE consent_records; --", '1 OR 1=1', '\u0000', '\ud800', '\u202e', 'e\u0301', '😀', '\ufeffen', 'ｅｎ', 'en\n'];
    for (const field of RECORD_FIELDS.filter((f) => typeof sampleRecord()[f] === 'string')) {
      for (const value of hostile) rejects({ ...sampleRecord(), [field]: value }, new RegExp(field));
    }
    for (const id of ["x'; DROP TABLE t; --", '😀', 'a\u0000', '__proto__', 'ａ']) {
      rejects({ ...sampleRecord(), categories: { session: true, [id]: true } }, /invalid category id/);
    }
  });

  it('never throws, whatever JSON it gets', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateConsentRecord(value);
        return result.ok === false && result.reasons.length > 0;
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every well-formed record', () => {
    const id = fc.uuid({ version: 4 });
    const record = fc.record({
      eventId: id,
      consentId: id,
      revision: fc.integer({ min: 0, max: 2_147_483_647 }),
      timestamp: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      categories: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_-]{0,31}$/), fc.boolean(), { minKeys: 1, maxKeys: 24 }),
      gpc: fc.boolean(),
      path: fc.webPath(),
    });
    fc.assert(
      fc.property(record, ({ path, ...fields }) => {
        const pageUrl = new URL(`https://shop.example${path.startsWith('/') ? path : `/${path}`}`);
        const canonical = `${pageUrl.origin}${pageUrl.pathname}`;
        const result = validateConsentRecord(sampleRecord({ ...fields, pageUrl: canonical }));
        assert.equal(result.ok, true, result.ok ? '' : result.reasons.join('; '));
      }),
    );
  });
});

describe('the JSON Schema shipped in schema/consent-record.schema.json', () => {
  it('lists exactly the validator fields, all but the optional ones required, nothing else allowed', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...RECORD_FIELDS].sort());
    assert.deepEqual([...schema.required].sort(), [...REQUIRED_FIELDS].sort());
    assert.equal(schema.additionalProperties, false);
  });

  it('uses the same patterns as the validator for what the sample record carries', () => {
    const record = sampleRecord();
    for (const [field, rule] of Object.entries(schema.properties as Record<string, { pattern?: string }>)) {
      if (!rule.pattern) continue;
      assert.match(String(record[field as keyof typeof record]), new RegExp(rule.pattern), field);
      const broken = validateConsentRecord({ ...record, [field]: 'not valid ☃' });
      assert.equal(new RegExp(rule.pattern).test('not valid ☃'), false, `schema pattern of ${field} accepts junk`);
      assert.equal(broken.ok, false, field);
    }
  });

  it('the widget reports the package version', () => {
    assert.equal(WIDGET_VERSION, pkg.version);
  });
});
