import { checkedCookieName } from '../config-fingerprint.js';
import { erasePatternsRefusedBy } from '../decision.js';
import { pageStorage } from '../delivery/outbox-hint.js';
import { warnOnce } from '../log.js';
import type { ConsentManager } from '../manager.js';
import type { PartLoader } from './part-modules.js';

/**
 * Set in localStorage from an erase request until the erasing is done: a page that navigates
 * right after a withdrawal (a site's own link) is gone before the erasing code arrives, and the
 * next page load finishes the job. A flag, not the patterns: what to erase is worked out again
 * from the decision and the configuration then, so a value left in storage decides nothing.
 */
const ERASE_PENDING_KEY = 'cookie-consent-widget:erase-pending';

/**
 * The manager's erasing of refused categories: it comes with the receipts (the store part),
 * which every decision loads anyway, and runs before the decision's promise resolves, since
 * that waits for the receipt written after it.
 */
export function lazyErase(load: PartLoader) {
  return (win: Window, patterns: string[], protectedNames: string[] = []): string[] => {
    if (patterns.length === 0) return [];
    const storage = pageStorage(win);
    // Another request made meanwhile (a second decision) keeps the flag for itself.
    const request = `${Date.now()}-${Math.random()}`;
    try {
      storage?.setItem(ERASE_PENDING_KEY, request);
    } catch {
      // Storage refused: the erasing still runs on this page, if it stays long enough.
    }
    load('store', win)
      .then((part) => {
        part.eraseMatching(win, patterns, protectedNames);
        clearFlag(storage, request);
      })
      .catch((error: unknown) => warnOnce('failed-erase', "the refused categories' cookies could not be erased.", error));
    return [];
  };
}

/**
 * Finishes the erasing an earlier page left undone, for the decision in force now. Storage is
 * read only when the decision refuses a category with something to erase: a first read of
 * localStorage costs a page view a few milliseconds.
 */
export function resumeErasing(win: Window, manager: ConsentManager): void {
  const config = manager.config;
  if (!config) return;
  const patterns = erasePatternsRefusedBy(config, manager.decision);
  if (patterns.length === 0) return;
  try {
    if (pageStorage(win)?.getItem(ERASE_PENDING_KEY) == null) return;
  } catch {
    return;
  }
  manager.parts.eraseMatching(win, patterns, [config.cookie.name, checkedCookieName(config)]);
}

/** Takes the flag down, unless a later request set it again meanwhile. */
function clearFlag(storage: Storage | undefined, request: string): void {
  try {
    if (storage?.getItem(ERASE_PENDING_KEY) === request) storage.removeItem(ERASE_PENDING_KEY);
  } catch {
    // Storage refused: there is no flag to take down.
  }
}
