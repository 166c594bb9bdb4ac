import type { BacklogEntry } from '../core/delivery/delivery.js';

/**
 * Decisions whose consent record is not in the outbox yet, kept in localStorage while the
 * delivery chunk loads: writing there is synchronous, so a page that navigates or reloads right
 * after a decision (reloadOnWithdraw does) loses no record; the next page load hands them on.
 * Only what the record is made of: the decision (as in the consent cookie), the layer, the
 * language and strings shown, and the page's origin and path.
 */
const PENDING_KEY = 'cookie-consent-widget:pending-records';

export function readPendingRecords(storage: Storage | undefined): BacklogEntry[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(PENDING_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter(isBacklogEntry) : [];
  } catch {
    return [];
  }
}

export function writePendingRecords(storage: Storage | undefined, entries: BacklogEntry[]): void {
  try {
    if (entries.length > 0) storage?.setItem(PENDING_KEY, JSON.stringify(entries));
    else storage?.removeItem(PENDING_KEY);
  } catch {
    // Storage refused (disabled, quota): the records wait in memory for this page only.
  }
}

/** Whatever another version or a tampering script left there is skipped, never trusted. */
function isBacklogEntry(value: unknown): value is BacklogEntry {
  const entry = value as Partial<BacklogEntry> | null;
  const decision = entry?.detail?.decision as Partial<NonNullable<BacklogEntry['detail']['decision']>> | null | undefined;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.detail?.origin === 'this-tab' &&
    (entry.eventId === undefined || (typeof entry.eventId === 'string' && /^[0-9a-f-]{36}$/.test(entry.eventId))) &&
    typeof decision?.consentId === 'string' &&
    typeof decision.timestamp === 'string' &&
    typeof decision.revision === 'number' &&
    typeof decision.method === 'string' &&
    typeof decision.categories === 'object' &&
    decision.categories !== null &&
    (entry.presentation === undefined || (typeof entry.presentation.language === 'string' && Array.isArray(entry.presentation.strings))) &&
    (entry.location === undefined || (typeof entry.location.origin === 'string' && typeof entry.location.pathname === 'string'))
  );
}
