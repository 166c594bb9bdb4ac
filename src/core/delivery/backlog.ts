import type { ConsentChangeDetail } from '../events.js';
import type { Presentation } from '../manager.js';
import { readPendingRecords, writePendingRecords } from './pending-records.js';

/** A decision made before delivery started, handed to it to record. */
export interface BacklogEntry {
  detail: ConsentChangeDetail;
  /** Fixed when the decision was made: a record handed on twice (two tabs) is still stored once. */
  eventId?: string;
  presentation?: Presentation;
  location?: Pick<Location, 'origin' | 'pathname'>;
}

/**
 * The decisions delivery records as it starts: those the loader hands over, then those kept in
 * localStorage (by this page or one that closed meanwhile), each eventId once. Entries come from
 * localStorage: whatever another version or a tampering script left there is skipped, and taken out.
 */
export function takeBacklog(storage: Storage | undefined, handedOver: unknown[] = []): BacklogEntry[] {
  const stored = readPendingRecords(storage);
  const storedValid = stored.filter((entry): entry is BacklogEntry => isBacklogEntry(entry) && entry.eventId !== undefined);
  if (storedValid.length !== stored.length) writePendingRecords(storage, storedValid);
  const seen = new Set<string>();
  return [...handedOver.filter(isBacklogEntry), ...storedValid].filter((earlier) => {
    if (earlier.eventId === undefined) return true;
    if (seen.has(earlier.eventId)) return false;
    seen.add(earlier.eventId);
    return true;
  });
}

export function isBacklogEntry(value: unknown): value is BacklogEntry {
  const entry = value as Partial<BacklogEntry> | null;
  const decision = entry?.detail?.decision as Partial<NonNullable<ConsentChangeDetail['decision']>> | null | undefined;
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
