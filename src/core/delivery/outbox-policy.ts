/**
 * What the outbox keeps, as pure functions of its entries: src/core/delivery/outbox.ts applies
 * them inside IndexedDB transactions, and test/delivery/outbox.node.test.ts checks them in Node.
 * The outbox is bounded by count only: a record waits however old it is, since its decision
 * still needs its proof (docs/compliance.md, C12).
 */
import type { ConsentRecord } from './record.js';

/** A record waiting for the backend to acknowledge it, with how often it was tried. */
export interface OutboxEntry {
  record: ConsentRecord;
  attempts: number;
}

/**
 * A visitor does not decide 100 times while the backend is unreachable; a bound keeps a broken
 * endpoint from filling the visitor's disk. At the bound the oldest record gives way, reported.
 */
export const MAX_OUTBOX = 100;

/** Whatever another version of the widget (or a tampering extension) left there is skipped, not trusted. */
export function validEntries(value: unknown): OutboxEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is OutboxEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as OutboxEntry).attempts === 'number' &&
      typeof (entry as OutboxEntry).record?.eventId === 'string',
  );
}

/**
 * The outbox with a new record last, as `[kept, evicted]`: `kept` is the outbox's next value,
 * `evicted` the oldest entries pushed out at the bound, which the caller must report. A record
 * handed on by two tabs (the same eventId) is kept once, with its tries counted from zero again.
 */
export function withRecord(entries: unknown, record: ConsentRecord, bound: number): [kept: OutboxEntry[], evicted: OutboxEntry[]] {
  const next = [...withoutRecord(entries, record.eventId), { record, attempts: 0 }];
  const evicted = next.slice(0, Math.max(0, next.length - bound));
  return [next.slice(evicted.length), evicted];
}

/** The outbox without a record: delivered, or refused for good. */
export function withoutRecord(entries: unknown, eventId: string): OutboxEntry[] {
  return validEntries(entries).filter((entry) => entry.record.eventId !== eventId);
}

/** The outbox with a record's tries counted; another tab's higher count is not lowered. */
export function withAttempts(entries: unknown, eventId: string, attempts: number): OutboxEntry[] {
  return validEntries(entries).map((entry) => (entry.record.eventId === eventId ? { ...entry, attempts: Math.max(entry.attempts, attempts) } : entry));
}

/** Everything waiting: the stored entries, then those kept only in memory (IndexedDB refused them), each record once. */
export function allWaiting(stored: OutboxEntry[], inMemory: Iterable<OutboxEntry>): OutboxEntry[] {
  const ids = new Set(stored.map((entry) => entry.record.eventId));
  return [...stored, ...[...inMemory].filter((entry) => !ids.has(entry.record.eventId))];
}
