import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import type { ConsentRecord } from '../../src/core/delivery/record.js';
import type { QueryableConsentStore } from '../../src/server/index.js';

/** A record as the widget sends it, with fresh ids unless told otherwise. */
export function sampleRecord(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    schema: 1,
    eventId: randomUUID(),
    consentId: randomUUID(),
    timestamp: '2026-11-27T10:00:00.000Z',
    revision: 3,
    method: 'custom',
    layer: 'preferences',
    categories: { session: true, preferences: true, analytics: false, promotional: false },
    language: 'lv',
    textHash: 'a'.repeat(64),
    widgetVersion: '0.1.0',
    gpc: false,
    pageUrl: 'https://shop.example/products/lamp',
    ...overrides,
  };
}

/** A real server on 127.0.0.1, on a free port. */
export async function listen(handler: RequestListener): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** POSTs JSON (or raw bytes) and returns status and parsed answer. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ status: number; body: { reasons?: string[]; status?: string; error?: string } }> {
  const payload = typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
  const response = await fetch(url, { method: 'POST', headers, body: payload });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** Every record, page by page, in the given order. */
export async function walk(store: QueryableConsentStore, order: 'oldest' | 'newest', limit: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page = await store.listPage({ after, limit, order });
    assert.ok(page.records.length <= limit);
    seen.push(...page.records.map((record) => record.eventId));
    after = page.next;
  } while (after !== null);
  return seen;
}

/** POSTs every body from `clients` concurrent senders; the answers' statuses, in completion order. */
export async function postConcurrently(url: string, bodies: unknown[], clients: number): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < bodies.length) statuses.push((await post(url, bodies[next++])).status);
    }),
  );
  return statuses;
}
