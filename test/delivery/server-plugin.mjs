/**
 * The fault server of the delivery tests: the packaged receiver (SQLite, in memory) behind a
 * switchboard of faults, mounted in the test runner's own server on 127.0.0.1. Every test uses a
 * lane of its own (a random id in the path), since Chromium and Firefox run side by side.
 *
 *   POST /test-receiver/<lane>/consent      records, through the lane's faults
 *   POST /test-receiver/<lane>/control      { faults?: Fault[], sticky?: Fault | null }
 *   GET  /test-receiver/<lane>/state        { rows, requests }
 *   POST /test-receiver/<lane>/standalone   { action: 'reserve' | 'up' | 'down' }: a server on a port
 *                                           of its own, to be really down (connection refused)
 *
 * A Fault: { kind: 'drop' } cuts the connection; { kind: 'status', status } answers without
 * storing; { kind: 'stall' } never answers; { kind: 'delay', ms } waits, then handles;
 * { kind: 'ack-delay', ms } stores at once but answers late (the tab may be gone by then).
 * `faults` apply to the next requests, one each; `sticky` to every request after them.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import { tsImport } from 'tsx/esm/api';

const server = await tsImport('../../src/server/index.ts', import.meta.url);
const { createReceiver } = await tsImport('../../src/receiver/index.ts', import.meta.url);
const lanes = new Map();
const PREFIX = '/test-receiver/';

function lane(id) {
  let found = lanes.get(id);
  if (!found) {
    const db = new Database(':memory:');
    const store = server.createSqliteStore(db);
    // Flood limits off: one test browser sends every lane's records from one address.
    const receiver = createReceiver({
      store,
      secret: 'delivery-tests-secret-0123456789abcdef',
      retentionDays: 30,
      basePath: '/api',
      rateLimit: { perAddress: false, perConsentId: false },
    });
    found = { receiver, store, db, faults: [], sticky: null, requests: [], standalone: null };
    lanes.set(id, found);
  }
  return found;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function eventIdOf(body) {
  try {
    return JSON.parse(body.toString()).eventId ?? null;
  } catch {
    return null;
  }
}

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Takes a record request through the lane's next fault, then (unless the fault ends it) the receiver. */
async function receive(state, req, res) {
  const fault = state.faults.shift() ?? state.sticky;
  const body = req.method === 'POST' ? await readBody(req) : Buffer.alloc(0);
  const entry = { eventId: eventIdOf(body), method: req.method, fault: fault?.kind ?? null, status: null, at: Date.now() };
  if (req.method === 'POST') state.requests.push(entry);
  if (fault?.kind === 'drop') return req.socket.destroy();
  if (fault?.kind === 'stall') return;
  if (fault?.kind === 'status') {
    entry.status = fault.status;
    return json(res, fault.status, { error: 'injected fault' });
  }
  if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
  if (fault?.kind === 'ack-delay') {
    const end = res.end.bind(res);
    res.end = (...args) => setTimeout(() => end(...args), fault.ms);
  }
  // The receiver reads an already-read body the way it takes one from Express's parser.
  req.body = body;
  req.url = '/api/consent';
  const writeHead = res.writeHead.bind(res);
  res.writeHead = (status, ...rest) => {
    entry.status = status;
    return writeHead(status, ...rest);
  };
  await state.receiver(req, res);
}

async function standalone(state, action, origin) {
  state.standalone ??= { port: 0, http: null };
  const box = state.standalone;
  if (action === 'reserve' || !box.port) {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    box.port = probe.address().port;
    await new Promise((resolve) => probe.close(resolve));
  }
  if (action === 'up' && !box.http) {
    // Shares the lane's database, so rows count the same whichever way a record came in.
    const corsHandler = server.createConsentHandler({ store: state.store, allowedOrigin: origin });
    box.http = createServer(async (req, res) => {
      const body = await readBody(req);
      if (req.method === 'POST') state.requests.push({ eventId: eventIdOf(body), method: req.method, standalone: true, at: Date.now() });
      req.body = body.length > 0 ? body : undefined;
      await corsHandler(req, res);
    });
    box.http.listen(box.port, '127.0.0.1');
    await once(box.http, 'listening');
  }
  if (action === 'down' && box.http) {
    box.http.closeAllConnections();
    await new Promise((resolve) => box.http.close(resolve));
    box.http = null;
  }
  return { url: `http://127.0.0.1:${box.port}/consent` };
}

async function route(req, res, path) {
  const [id, action] = path.slice(PREFIX.length).split('/');
  if (!id || !/^[\w-]{1,64}$/.test(id)) return json(res, 400, { error: 'lane id' });
  const state = lane(id);
  if (action === 'consent') return receive(state, req, res);
  if (action === 'control') {
    const command = JSON.parse((await readBody(req)).toString() || '{}');
    if (command.faults) state.faults = [...command.faults];
    if ('sticky' in command) state.sticky = command.sticky;
    return json(res, 200, { ok: true });
  }
  if (action === 'state') {
    const rows = state.db.prepare('SELECT event_id AS eventId, consent_id AS consentId, method, layer FROM consent_records ORDER BY rowid').all();
    return json(res, 200, { rows, requests: state.requests });
  }
  if (action === 'standalone') {
    const command = JSON.parse((await readBody(req)).toString() || '{}');
    return json(res, 200, await standalone(state, command.action, req.headers.origin ?? `http://${req.headers.host}`));
  }
  return json(res, 404, { error: 'unknown action' });
}

/** Koa middleware for web-test-runner.config.mjs: answers /test-receiver/… itself, the rest goes on. */
export async function deliveryTestServer(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  ctx.respond = false;
  try {
    await route(ctx.req, ctx.res, ctx.path);
  } catch (error) {
    if (!ctx.res.headersSent) json(ctx.res, 500, { error: String(error) });
  }
}
