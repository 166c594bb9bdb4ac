import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsentRecord } from '../core/delivery/record.js';
import type { Refusal } from '../server/handler.js';
import type { QueryableConsentStore } from '../server/stores/store.js';
import { receiptCookie, verifiedConsentId } from './credential.js';
import { header } from './request-facts.js';
import { sendError, sendJson } from './respond.js';

/**
 * Sets the visitor's credential on the answer to their record: when the request already proves
 * this consentId (renewal), or when this is the consentId's first record. A consentId that has
 * records already gets no credential from a request that cannot prove it, so whoever read the
 * consentId from the page's cookie cannot mint one with a forged record.
 */
export async function issueReceipt(
  record: ConsentRecord,
  req: IncomingMessage,
  res: ServerResponse,
  { store, secret, path, secure }: { store: QueryableConsentStore; secret: string; path: string; secure: boolean },
): Promise<void> {
  const proven = verifiedConsentId(header(req, 'cookie'), secret) === record.consentId;
  // The same record again (a retried delivery whose answer was lost) still counts as the first.
  const firstRecord = proven || (await store.findByConsentId(record.consentId)).every((stored) => stored.eventId === record.eventId);
  if (firstRecord) res.setHeader('set-cookie', receiptCookie(record.consentId, secret, { path, secure }));
}

/**
 * A browser names the page that sent a request: refuse access and erasure asked for by any page
 * but the receiver's own origin (Origin, and Sec-Fetch-Site where the browser sends it).
 */
export function crossSiteRefusal(req: IncomingMessage, ownOrigins: string[]): Refusal | null {
  const origin = header(req, 'origin');
  if (origin !== undefined && !ownOrigins.includes(origin)) return { status: 403, message: `requests from ${origin} may not read or erase records` };
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, message: `a ${site} request may not read or erase records` };
  return null;
}

/** GET and DELETE /consent/me: the visitor's own records, found by their credential and nothing else. */
export async function handleOwnRecords(req: IncomingMessage, res: ServerResponse, store: QueryableConsentStore, secret: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'DELETE') return sendError(res, 405, 'only GET and DELETE', { allow: 'GET, DELETE' });
  const consentId = verifiedConsentId(header(req, 'cookie'), secret);
  if (consentId === null) {
    return sendError(res, 401, 'no valid consent receipt: this browser has sent no record here, or its receipt expired');
  }
  if (req.method === 'GET') return sendJson(res, 200, { consentId, records: await store.findByConsentId(consentId) });
  sendJson(res, 200, { consentId, erased: await store.eraseByConsentId(consentId) });
}
