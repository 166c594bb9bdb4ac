/**
 * Decisions whose consent record is not in the outbox yet, kept in localStorage while the
 * delivery chunk loads: writing there is synchronous, so a page that navigates or reloads right
 * after a decision (reloadOnWithdraw does) loses no record; the next page load hands them on.
 * Only what the record is made of: the decision (as in the consent cookie), the layer, the
 * language and strings shown, and the page's origin and path.
 */
const PENDING_KEY = 'cookie-consent-widget:pending-records';

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
    if (entries.length > 0) storage?.setItem(PENDING_KEY, JSON.stringify(entries));
    else storage?.removeItem(PENDING_KEY);
  } catch {
    // Storage refused (disabled, quota): the records wait in memory for this page only.
  }
}
