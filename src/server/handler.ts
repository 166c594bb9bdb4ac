import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsentRecord } from '../core/delivery/record.js';
import type { ConsentStore } from './stores/store.js';
import { validateConsentRecord } from './validate-record.js';

export interface ConsentHandlerOptions {
  store: ConsentStore;
  /** Origin(s) allowed to POST from another origin, e.g. `https://shop.example`. Same-origin needs none. */
  allowedOrigin?: string | string[];
  /** Largest body accepted; larger ones get 413. Default 16 KiB (a record with 24 categories is under 2 KiB). */
  maxBodyBytes?: number;
  /** Told about store failures (answered 503, so the browser retries). Default: console.error. */
  onError?: (error: unknown) => void;
  /**
   * Runs after validation and before the store: answer with a refusal (e.g. 429) to keep the
   * record out, or null to store it. May set response headers, which go out with the answer.
   */
  admit?: (record: ConsentRecord, req: IncomingMessage, res: ServerResponse) => Promise<Refusal | null> | Refusal | null;
}

/** Why a record was not admitted; `headers` go out with the answer (e.g. `retry-after`). */
export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

/** Request and response as node:http and Express (which extends them) pass them. */
type Request = IncomingMessage & { body?: unknown };
type Next = (error?: unknown) => void;

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
/** What is read and thrown away after a 413, so the client gets to read the answer; then the socket is cut. */
const DRAIN_LIMIT_BYTES = 2 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reasons: string[] = [message],
  ) {
    super(message);
  }
}

/**
 * A request handler that receives ConsentRecords: `http.createServer(handler)`,
 * `app.post('/consent', handler)` or `app.use('/consent', handler)`. Answers 201 for a new
 * record, 200 for one already stored (same eventId), 400 with reasons, 413, 415, 403 for a
 * foreign origin, 405, and 503 when the store fails (the browser retries).
 */
export function createConsentHandler(options: ConsentHandlerOptions) {
  const { store, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, onError = (error) => console.error('consent handler:', error) } = options;
  const allowed = new Set(options.allowedOrigin === undefined ? [] : [options.allowedOrigin].flat());

  return async function consentHandler(req: Request, res: ServerResponse, next?: Next): Promise<void> {
    const origin = headerValue(req, 'origin');
    const corsOrigin = origin && allowed.has(origin) ? origin : undefined;
    if (corsOrigin) {
      res.setHeader('access-control-allow-origin', corsOrigin);
      res.setHeader('vary', 'Origin');
    }
    try {
      if (origin && !corsOrigin && !isSameOrigin(origin, req)) throw new HttpError(403, `origin ${origin} is not allowed`);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '86400',
        });
        res.end();
        return;
      }
      if (req.method !== 'POST') {
        if (next) return next();
        res.setHeader('allow', 'POST, OPTIONS');
        throw new HttpError(405, 'only POST is accepted');
      }
      const type = (headerValue(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') throw new HttpError(415, 'the content type must be application/json');
      const body = await readJson(req, maxBodyBytes);
      const result = validateConsentRecord(body);
      if (!result.ok) throw new HttpError(400, 'not a valid consent record', result.reasons);
      const refusal = await options.admit?.(result.record, req, res);
      if (refusal) {
        for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
        throw new HttpError(refusal.status, refusal.message);
      }
      let outcome;
      try {
        outcome = await store.insert(result.record);
      } catch (error) {
        onError(error);
        res.setHeader('retry-after', '5');
        throw new HttpError(503, 'the record could not be stored; try again later');
      }
      send(res, outcome === 'inserted' ? 201 : 200, { eventId: result.record.eventId, status: outcome === 'inserted' ? 'stored' : 'duplicate' });
    } catch (thrown) {
      // The client went away mid-body: nobody is left to answer, and it is not the server's fault.
      if (isClientAbort(thrown, req)) return;
      if (!(thrown instanceof HttpError)) onError(thrown);
      const { status, message, reasons } = thrown instanceof HttpError ? thrown : new HttpError(500, 'internal error');
      if (status === 413) res.setHeader('connection', 'close');
      send(res, status, { error: message, reasons });
      if (status === 413) drainThenClose(req);
    }
  };
}

function isClientAbort(thrown: unknown, req: IncomingMessage): boolean {
  if (thrown instanceof HttpError) return false;
  const code = (thrown as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (req.destroyed && !req.complete);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isSameOrigin(origin: string, req: IncomingMessage): boolean {
  try {
    return new URL(origin).host === headerValue(req, 'host');
  } catch {
    return false;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** The parsed JSON body: Express's own parsing when it already ran, else read here within the limit. */
async function readJson(req: Request, limit: number): Promise<unknown> {
  if (req.body !== undefined && (req.readableEnded || req.complete)) {
    if (Buffer.isBuffer(req.body) || typeof req.body === 'string') return parseJson(Buffer.from(req.body));
    return req.body;
  }
  const declared = Number(headerValue(req, 'content-length'));
  if (declared > limit) throw new HttpError(413, `the body is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `the body is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return parseJson(Buffer.concat(chunks));
}

function parseJson(bytes: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'the body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

/** Reads what the client is still sending so it sees the 413 instead of a reset, within a bound. */
function drainThenClose(req: IncomingMessage): void {
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.socket.destroy();
  });
  req.on('error', () => {});
  req.resume();
}
