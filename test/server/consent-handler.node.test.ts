import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createConsentHandler, createMemoryStore, type QueryableConsentStore } from '../../src/server/index.js';
import { listen, post, sampleRecord } from './records.js';

describe('createConsentHandler on node:http (a real server on 127.0.0.1)', () => {
  let store: QueryableConsentStore;
  let server: Awaited<ReturnType<typeof listen>>;
  let failNext = false;
  const errors: unknown[] = [];
  /** Told of each request the server receives, with the handler's promise for it (in an object: a promise resolved with a promise would wait for it). */
  let onRequest: ((request: { handling: Promise<void> }) => void) | undefined;

  before(async () => {
    const handler = createConsentHandler({
      store: {
        insert: (record) => {
          if (failNext) return Promise.reject(new Error('disk full'));
          return store.insert(record);
        },
      },
      allowedOrigin: 'https://shop.example',
      maxBodyBytes: 4096,
      onError: (error) => errors.push(error),
    });
    server = await listen((req, res) => {
      const handling = handler(req, res);
      onRequest?.({ handling });
    });
  });
  after(() => server.close());
  beforeEach(() => {
    store = createMemoryStore();
    failNext = false;
    errors.length = 0;
  });

  it('stores a record once: 201, then 200 for the same eventId (idempotent)', async () => {
    const record = sampleRecord();
    const first = await post(server.url, record);
    const again = await post(server.url, record);
    assert.deepEqual([first.status, first.body.status], [201, 'stored']);
    assert.deepEqual([again.status, again.body.status], [200, 'duplicate']);
    assert.equal(await store.count(), 1);
    const [stored] = await store.findByConsentId(record.consentId);
    const { receivedAt, ...rest } = stored!;
    assert.deepEqual(rest, record);
    assert.match(receivedAt, /Z$/);
  });

  it('answers hostile bodies with a 4xx and stores nothing', async () => {
    const record = sampleRecord();
    const json = { 'content-type': 'application/json' };
    const cases: [string, unknown, Record<string, string>, number][] = [
      ['bad JSON', '{"schema": 1,', json, 400],
      ['JSON with a trailing comma', `${JSON.stringify(record).slice(0, -1)},}`, json, 400],
      ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), json, 400],
      ['1 MB', JSON.stringify({ ...record, pad: 'x'.repeat(1024 * 1024) }), json, 413],
      ['wrong types', { ...record, revision: '3', gpc: 'no' }, json, 400],
      ['extra fields', { ...record, email: 'visitor@example.com' }, json, 400],
      ['SQL-like strings', { ...record, consentId: "x' OR '1'='1", language: "en'); DROP TABLE consent_records;--" }, json, 400],
      ['unicode edge cases', { ...record, language: 'e\u0301n', pageUrl: 'https://shop.example/\u202e', categories: { séssion: true } }, json, 400],
      ['a lone surrogate', `{"schema":1,"language":"\\ud800"}`, json, 400],
      ['an array of records', [record], json, 400],
      ['null', 'null', json, 400],
      ['empty body', '', json, 400],
      ['text/plain', JSON.stringify(record), { 'content-type': 'text/plain' }, 415],
      ['form encoded', 'schema=1', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ];
    for (const [what, body, headers, status] of cases) {
      const answer = await post(server.url, body, headers);
      assert.equal(answer.status, status, what);
      assert.ok(answer.body.reasons?.length, `${what}: says why`);
    }
    assert.equal(await store.count(), 0);
  });

  it('says exactly what is wrong in a 400', async () => {
    const answer = await post(server.url, { ...sampleRecord(), method: 'accept', ip: '203.0.113.7' });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body.reasons, ['unexpected field "ip"', 'method must be one of accept-all, reject-all, custom, withdraw, gpc']);
  });

  it('refuses a body whose declared length is too large before reading it', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...sampleRecord(), pad: 'x'.repeat(5000) }),
    });
    assert.equal(response.status, 413);
    assert.equal(response.headers.get('connection'), 'close');
  });

  it('CORS: answers the preflight of the configured origin, refuses others', async () => {
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /content-type/);

    const allowed = await post(server.url, sampleRecord(), { 'content-type': 'application/json', origin: 'https://shop.example' });
    assert.equal(allowed.status, 201);

    const foreign = await fetch(server.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const foreignPost = await post(server.url, sampleRecord(), { 'content-type': 'application/json', origin: 'https://evil.example' });
    assert.equal(foreignPost.status, 403);

    const sameOrigin = await post(server.url, sampleRecord(), { 'content-type': 'application/json', origin: server.url });
    assert.equal(sameOrigin.status, 201, 'a same-origin POST needs no configuration');
    assert.equal(await store.count(), 2);
  });

  it('405 for other methods', async () => {
    const response = await fetch(server.url, { method: 'GET' });
    assert.equal(response.status, 405);
    assert.match(response.headers.get('allow') ?? '', /POST/);
  });

  it('a client that goes away mid-body is not an error: nothing is stored and onError hears nothing', async () => {
    const { request } = await import('node:http');
    const req = request(`${server.url}/`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '3000' } });
    req.on('error', () => {});
    const received = new Promise<{ handling: Promise<void> }>((resolve) => (onRequest = resolve));
    req.write('{"schema":1,');
    const { handling } = await received;
    onRequest = undefined;
    req.destroy();
    await handling;
    assert.deepEqual(errors, []);
    assert.equal(await store.count(), 0);
  });

  it('503 with Retry-After when the store fails, so the browser retries; the error goes to onError', async () => {
    failNext = true;
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sampleRecord()) });
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '5');
    assert.equal((errors[0] as Error).message, 'disk full');
  });
});

describe('createConsentHandler in an Express-style app (req, res, next)', () => {
  it('uses a body that express.json() already parsed, and passes other methods to next()', async () => {
    const store = createMemoryStore();
    const handler = createConsentHandler({ store });
    const passedOn: string[] = [];
    // What Express does: its JSON parser consumed the stream and left req.body.
    const server = await listen(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString();
      if (text) (req as typeof req & { body: unknown }).body = JSON.parse(text);
      await handler(req, res, () => {
        passedOn.push(req.method ?? '');
        res.writeHead(404).end();
      });
    });
    try {
      const record = sampleRecord();
      assert.equal((await post(server.url, record)).status, 201);
      assert.equal((await post(server.url, record)).status, 200);
      assert.equal((await post(server.url, { ...record, extra: 1 })).status, 400);
      assert.equal((await fetch(server.url)).status, 404);
      assert.deepEqual(passedOn, ['GET']);
      assert.equal(await store.count(), 1);
    } finally {
      await server.close();
    }
  });
});
