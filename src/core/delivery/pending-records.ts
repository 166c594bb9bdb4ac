/**
 * Decisions whose consent record is not in the outbox yet, kept in localStorage: writing there is
 * synchronous, and building a record (its text hash) and storing it in IndexedDB are not. So a
 * page that navigates or reloads right after a decision (a site's own link, reloadOnWithdraw)
 * loses no record: the next page load hands it on. The script-tag build also keeps here the
 * decisions made while its delivery chunk loads.
 * Only what the record is made of: the decision (as in the consent cookie), the layer, the
 * language and strings shown, and the page's origin and path; each with its eventId, fixed when
 * the decision was made, so a record handed on by two tabs is still stored once.
 */
import { randomId } from '../decision.js';
import type { ConsentChangeDetail } from '../events.js';
import type { Presentation } from '../manager.js';

const PENDING_KEY = 'cookie-consent-widget:pending-records';
/** Like the outbox's bound: a backend that never answers cannot make this grow without end. */
const MAX_PENDING = 100;

/** As stored: delivery checks each entry before it trusts it (isBacklogEntry). */
export function readPendingRecords(storage: Storage | undefined): unknown[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(PENDING_KEY) ?? '[]');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

export function writePendingRecords(storage: Storage | undefined, entries: unknown[]): void {
  try {
    if (entries.length > 0) storage?.setItem(PENDING_KEY, JSON.stringify(entries.slice(-MAX_PENDING)));
    else storage?.removeItem(PENDING_KEY);
  } catch {
    // Storage refused (disabled, quota): the records wait in memory for this page only.
  }
}

/** A decision on its way to the outbox, with all its record is made of but the text hash. */
export interface PendingDecision {
  detail: ConsentChangeDetail;
  eventId: string;
  presentation: Presentation;
  location: Pick<Location, 'origin' | 'pathname'>;
}

/**
 * Keeps a decision this tab has just made, with the eventId its record will carry, added to
 * what other tabs may have kept meanwhile. Called before anything asynchronous.
 */
export function keepDecision(
  storage: Storage | undefined,
  detail: ConsentChangeDetail,
  presentation: Presentation,
  location: Pick<Location, 'origin' | 'pathname'>,
): PendingDecision {
  const kept: PendingDecision = { detail, eventId: randomId(), presentation, location: { origin: location.origin, pathname: location.pathname } };
  writePendingRecords(storage, [...readPendingRecords(storage), kept]);
  return kept;
}

/** Takes the entry out once its record is safe in the outbox, or delivered. */
export function dropPendingRecord(storage: Storage | undefined, eventId: string): void {
  const entries = readPendingRecords(storage);
  const left = entries.filter((entry) => (entry as { eventId?: unknown } | null)?.eventId !== eventId);
  if (left.length !== entries.length) writePendingRecords(storage, left);
}
