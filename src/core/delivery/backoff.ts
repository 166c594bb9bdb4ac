export interface BackoffOptions {
  /** Delay after the first failure. */
  baseMs: number;
  /** No wait grows beyond this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * Exponential backoff with "equal jitter": between half and all of base·2^(failures−1), capped.
 * The jitter spreads the retries of many visitors whose backend came back at the same moment.
 */
export function backoffDelay(failures: number, { baseMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
