import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Refusal } from '../../server/handler.js';
import { header, isLoopbackHost, type RequestFacts } from '../request-facts.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Who may see the admin: with a token, whoever presents it as `Authorization: Bearer`; without
 * one, only a client on this machine that addressed it by a loopback name (so neither a proxy's
 * forwarded visitor nor a DNS-rebound page gets in).
 */
export function adminRefusal(req: IncomingMessage, facts: RequestFacts, adminToken: string | undefined): Refusal | null {
  if (adminToken === undefined) {
    if (facts.loopbackClient && isLoopbackHost(facts.host)) return null;
    return { status: 403, message: 'without CONSENT_ADMIN_TOKEN the admin answers only on a loopback address' };
  }
  const given = /^Bearer +(\S+)\s*$/i.exec(header(req, 'authorization') ?? '')?.[1];
  // Compared as digests: equal lengths for timingSafeEqual, and no early exit that times the token.
  if (given !== undefined && timingSafeEqual(digest(given), digest(adminToken))) return null;
  return {
    status: 401,
    message: 'the admin needs Authorization: Bearer <CONSENT_ADMIN_TOKEN>',
    headers: { 'www-authenticate': 'Bearer realm="consent records"' },
  };
}
