import type { QueryableConsentStore } from '../server/stores/store.js';
import type { Clock } from './clock.js';

export const PURGE_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Retention {
  /** Purges what is older than the retention period now; resolves to how many records went. */
  purge(): Promise<number>;
  /** The purge run at start. */
  first: Promise<number>;
  stop(): void;
}

interface RetentionOptions {
  store: QueryableConsentStore;
  retentionDays: number;
  clock: Clock;
  onError: (error: unknown) => void;
  onPurge: (purged: number, cutoff: Date) => void;
}

/** Storage limitation: records are kept for the retention period and no longer, checked at start and hourly. */
export function startRetention({ store, retentionDays, clock, onError, onPurge }: RetentionOptions): Retention {
  let running: Promise<number> | null = null;
  const purge = (): Promise<number> => {
    // An hourly tick that finds the previous purge still going joins it instead of starting a second.
    running ??= (async () => {
      const cutoff = new Date(clock.now() - retentionDays * DAY_MS);
      const purged = await store.purgeOlderThan(cutoff);
      onPurge(purged, cutoff);
      return purged;
    })().finally(() => (running = null));
    return running;
  };
  const quietly = (): Promise<number> =>
    purge().catch((error: unknown) => {
      onError(error);
      return 0;
    });
  const first = quietly();
  const stop = clock.every(PURGE_INTERVAL_MS, () => void quietly());
  return { purge, first, stop };
}
