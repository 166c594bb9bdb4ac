import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { getConsentManager } from '../core/bundled-manager.js';
import type { ConsentManager } from '../core/manager.js';
import type { ConsentDecision } from '../core/types.js';

export interface ConsentState {
  /** The decision in force; null before one, on the server and while hydrating. */
  decision: ConsentDecision | null;
  /** Whether a category may run now, as `manager.granted(id)`; false for every id on the server and while hydrating. */
  granted(id: string): boolean;
  /** The manager the hook reads: for effects and event handlers (on the server it is never started). */
  manager: ConsentManager;
}

/** What granted() answers depends on: the decision, and whether start() made the required categories known. */
interface Snapshot {
  decision: ConsentDecision | null;
  started: boolean;
}

// The server has no visitor and no cookie to read: it renders "nothing decided", and so does the
// hydrating client, whose first render must match that HTML before it shows the real decision.
const SERVER_SNAPSHOT = null;
const EVENTS = ['consent-change', 'consent-ready'] as const;

// One cached snapshot per manager: useSyncExternalStore needs the same object back until
// something changed, or it renders forever.
const snapshots = new WeakMap<ConsentManager, Snapshot>();

function snapshotOf(manager: ConsentManager): Snapshot {
  const last = snapshots.get(manager);
  if (last && last.decision === manager.decision && last.started === manager.started) return last;
  const next = { decision: manager.decision, started: manager.started };
  snapshots.set(manager, next);
  return next;
}

/**
 * The visitor's consent for a React component, re-rendered on every `consent-change` (and once
 * the stored decision was read). Reads the page's manager unless given another; `<CookieConsent>`
 * or the script tag starts it.
 */
export function useConsent(manager: ConsentManager = getConsentManager()): ConsentState {
  const subscribe = useCallback(
    (onChange: () => void) => {
      for (const type of EVENTS) manager.addEventListener(type, onChange);
      return () => {
        for (const type of EVENTS) manager.removeEventListener(type, onChange);
      };
    },
    [manager],
  );
  const snapshot = useSyncExternalStore(
    subscribe,
    () => snapshotOf(manager),
    () => SERVER_SNAPSHOT,
  );
  return useMemo(
    () => ({
      decision: snapshot?.decision ?? null,
      granted: (id: string) => snapshot !== SERVER_SNAPSHOT && manager.granted(id),
      manager,
    }),
    [snapshot, manager],
  );
}
