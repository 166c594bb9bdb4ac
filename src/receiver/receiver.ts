import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsentRecord } from '../core/delivery/record.js';
import { createConsentHandler, type Refusal } from '../server/handler.js';
import { adminRefusal } from './admin/access.js';
import { ADMIN_ROUTES } from './admin/routes.js';
import { resolveOptions, type ReceiverOptions, type ResolvedOptions } from './options.js';
import { createTokenBuckets, type TokenBuckets } from './rate-limit.js';
import { isLoopbackHost, requestFacts, type RequestFacts } from './request-facts.js';
import { sendError, sendJson, setSecurityHeaders } from './respond.js';
import { startRetention } from './retention.js';
import { crossSiteRefusal, handleOwnRecords, issueReceipt } from './visitor.js';

/** A `node:http` request listener and Express middleware, with what a host process needs to run it. */
export interface ConsentReceiver {
  (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void>;
  /** Resolves when the purge at start has run. */
  ready: Promise<void>;
  /** Purges expired records now (it also happens hourly); resolves to how many went. */
  purgeExpired(): Promise<number>;
  /** Stops the hourly purge. The store is the caller's to close. */
  close(): void;
}

type ExpressRequest = IncomingMessage & { baseUrl?: string; originalUrl?: string };

/**
 * The consent-log receiver: records (POST /consent), the visitor's own records by their signed
 * HttpOnly credential (GET and DELETE /consent/me), an admin behind a bearer token with streamed
 * exports, /healthz, and retention. See docs/receiver.md.
 */
export function createReceiver(options: ReceiverOptions): ConsentReceiver {
  const config = resolveOptions(options);
  const { store, clock } = config;
  const perAddress = config.perAddress && createTokenBuckets(config.perAddress, clock.now);
  const perConsentId = config.perConsentId && createTokenBuckets(config.perConsentId, clock.now);
  const retention = startRetention(config);
  const factsOf = new WeakMap<IncomingMessage, { facts: RequestFacts; mount: string }>();

  const recordHandler = createConsentHandler({
    store,
    // Same-origin pages behind a proxy that rewrites Host look foreign to the handler's Host check: their origin is public.
    allowedOrigin: [...config.allowedOrigins, ...config.publicOrigins],
    onError: config.onError,
    async admit(record, req, res) {
      const { facts, mount } = factsOf.get(req)!;
      const refusal = limit(perConsentId, record.consentId, 'records for this consentId') ?? pageUrlRefusal(record, facts, config);
      if (refusal) return refusal;
      await issueReceipt(record, req, res, { store, secret: config.secret, path: `${mount}/consent`, secure: facts.secure });
      return null;
    },
  });

  async function route(req: IncomingMessage, res: ServerResponse, path: string, url: URL, facts: RequestFacts, mount: string): Promise<void> {
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (!hostAllowed(facts.host, config.publicOrigins)) {
      return sendError(res, 421, `this receiver does not answer for host ${JSON.stringify(facts.host)}; set publicOrigin`);
    }
    if (path === '/consent') {
      const refusal = req.method === 'POST' ? limit(perAddress, facts.clientAddress, 'requests from this address') : null;
      if (refusal) return refuse(res, refusal);
      factsOf.set(req, { facts, mount });
      return recordHandler(req, res);
    }
    if (path === '/consent/me') {
      const refusal = limit(perAddress, facts.clientAddress, 'requests from this address') ?? crossSiteRefusal(req, ownOrigins(facts, config));
      if (refusal) return refuse(res, refusal);
      return handleOwnRecords(req, res, store, config.secret);
    }
    if (path === '/admin') {
      res.writeHead(308, { location: `${mount}/admin/` });
      return void res.end();
    }
    if (path.startsWith('/admin/')) {
      const adminRoute = ADMIN_ROUTES.find((candidate) => `/admin/${candidate.path}` === path);
      const refusal = adminRefusal(req, facts, config.adminToken);
      if (refusal) return refuse(res, refusal);
      if (!adminRoute) return sendError(res, 404, 'no such admin page');
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'only GET', { allow: 'GET' });
      const adminPath = `${mount}/admin/`;
      const nav = ADMIN_ROUTES.filter((page) => page.title).map((page) => ({ href: `${adminPath}${page.path}`, title: page.title! }));
      return adminRoute.handle({ req, res, url, store, adminPath, nav, note: config.adminNote, now: clock.now, onError: config.onError });
    }
    sendError(res, 404, 'not found');
  }

  const receiver = async function consentReceiver(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const express = req as ExpressRequest;
    const mounted = typeof express.baseUrl === 'string' && typeof express.originalUrl === 'string';
    const mount = mounted ? express.baseUrl! : config.basePath;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://receiver.invalid');
    } catch {
      return sendError(res, 400, 'not a valid request URL');
    }
    const inside = mounted || url.pathname === mount || url.pathname.startsWith(`${mount}/`);
    if (!inside) return sendError(res, 404, 'not found');
    const path = mounted ? url.pathname : url.pathname.slice(mount.length) || '/';
    try {
      await route(req, res, path, url, requestFacts(req, config.trustProxy), mount);
    } catch (error) {
      config.onError(error);
      if (!res.headersSent) sendError(res, 500, 'internal error');
      else res.destroy();
    }
  } as ConsentReceiver;
  receiver.ready = retention.first.then(() => undefined);
  receiver.purgeExpired = retention.purge;
  receiver.close = retention.stop;
  return receiver;
}

function limit(buckets: TokenBuckets | false, key: string, what: string): Refusal | null {
  if (!buckets) return null;
  const wait = buckets.take(key);
  if (wait === 0) return null;
  return { status: 429, message: `too many ${what}; try again later`, headers: { 'retry-after': String(Math.ceil(wait)) } };
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  sendError(res, refusal.status, refusal.message, refusal.headers);
}

/** DNS rebinding sends the attacker's host name: answer only to the public names and to loopback ones. */
function hostAllowed(host: string, publicOrigins: string[]): boolean {
  return isLoopbackHost(host) || publicOrigins.some((origin) => new URL(origin).host === host);
}

/** The origins that count as the receiver's own: the configured public ones and the one this request addressed. */
function ownOrigins(facts: RequestFacts, config: ResolvedOptions): string[] {
  return [...config.publicOrigins, facts.origin];
}

/** A record names the page it was made on; a page of another site is a forgery or a misconfiguration. */
function pageUrlRefusal(record: ConsentRecord, facts: RequestFacts, config: ResolvedOptions): Refusal | null {
  const pageOrigin = new URL(record.pageUrl).origin;
  if (ownOrigins(facts, config).includes(pageOrigin) || config.allowedOrigins.includes(pageOrigin)) return null;
  return { status: 400, message: `pageUrl ${pageOrigin} is not a page of this site; add it to publicOrigin or allowedOrigin` };
}
