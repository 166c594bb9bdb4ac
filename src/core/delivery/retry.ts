import { warnOnce } from '../log.js';
import type { Timers } from '../timers.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';

export interface RetryScheduler {
  /**
   * A pass now, ignoring the backoff; during a pass, another right after it. Settles when the
   * pass (and the one asked for) has ended. Never rejects.
   */
  run(): Promise<void>;
  /** The network is back (`online`): the backoff starts over and a pass runs now. */
  networkBack(): void;
  /** Starts no pass and sets no timer any more; a try under way finishes. */
  stop(): void;
}

/**
 * Tries what is `waiting`, one item after another, in passes. A try that fails (`attempt`
 * resolves false: the backend seems unreachable) ends the pass, and the next one starts after
 * a backoff that grows with every failure in a row (src/core/delivery/backoff.ts); a success
 * starts the count over. A failure seen after `networkBack()` is not backed off: the network
 * came back while it was failing, so the pass starts again at once. `random` is the backoff's
 * jitter.
 */
export function createRetryScheduler<T>(
  waiting: () => Promise<T[]>,
  attempt: (item: T) => Promise<boolean>,
  backoff: BackoffOptions,
  timers: Timers = window,
  random?: () => number,
): RetryScheduler {
  let failures = 0;
  let timer: number | undefined;
  let pass: Promise<void> | null = null;
  let again = false;
  /** Set by networkBack(); a failure seen after it is retried at once rather than backed off. */
  let networkBack = false;
  let stopped = false;

  const passes = async (): Promise<void> => {
    do {
      again = false;
      networkBack = false;
      for (const item of await waiting()) {
        if (stopped) return;
        if (!(await attempt(item))) {
          failures++;
          // networkBack() only marked the running pass: go round again now instead of waiting out the backoff.
          if (networkBack) break;
          schedule(backoffDelay(failures, backoff, random));
          return;
        }
        failures = 0;
      }
    } while (again && !stopped);
  };

  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    timers.clearTimeout(timer);
    timer = undefined;
    if (pass) {
      again = true;
      return pass;
    }
    pass = passes()
      .catch((error: unknown) => warnOnce('delivery-round', 'delivering consent records failed; it is retried later.', error))
      .finally(() => (pass = null));
    return pass;
  };

  const schedule = (delay: number): void => {
    if (stopped) return;
    timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      void run();
    }, delay);
  };

  return {
    run,
    networkBack: () => {
      failures = 0;
      networkBack = true;
      void run();
    },
    stop: () => {
      stopped = true;
      timers.clearTimeout(timer);
    },
  };
}
