/**
 * A synchronous hint that consent records may be waiting in the outbox. Reading IndexedDB costs
 * every page view a database open; the script-tag build reads this instead and loads delivery
 * only when there is something to resend. A hint, not the truth: the outbox in IndexedDB is.
 */
export const OUTBOX_HINT_KEY = 'cookie-consent-widget:outbox';

/** The page's localStorage, or undefined where reading it throws (disabled, sandboxed). */
export function pageStorage(scope: { localStorage?: Storage } = globalThis): Storage | undefined {
  try {
    return scope.localStorage;
  } catch {
    return undefined;
  }
}

export function setOutboxHint(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, waiting: boolean): void {
  try {
    if (waiting) storage?.setItem(OUTBOX_HINT_KEY, '1');
    else storage?.removeItem(OUTBOX_HINT_KEY);
  } catch {
    // Storage refused (disabled, quota): the reader then loads delivery to look for itself.
  }
}

/** True unless storage says for sure that nothing waits; unreadable storage counts as "maybe". */
export function outboxHinted(win: Window): boolean {
  try {
    return win.localStorage.getItem(OUTBOX_HINT_KEY) !== null;
  } catch {
    return true;
  }
}
