/** A bucket refills at `perSecond` up to `burst`; each request takes one token. */
export interface BucketOptions {
  burst: number;
  perSecond: number;
}

export interface TokenBuckets {
  /** Takes a token for `key`: 0 when there was one, else the seconds until there will be. */
  take(key: string): number;
}

/** Keys kept at most; past it the least recently seen go first, so a flood of addresses cannot grow memory. */
export const MAX_TRACKED_KEYS = 100_000;

/**
 * Token buckets in this process's memory: a first line against floods from one address or for
 * one consentId. Each process counts on its own, so N instances let N times as much through; at
 * scale the limit belongs at the proxy or load balancer in front.
 */
export function createTokenBuckets({ burst, perSecond }: BucketOptions, now: () => number, maxKeys = MAX_TRACKED_KEYS): TokenBuckets {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: time };
      buckets.delete(key);
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
      bucket.at = time;
      const wait = bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) / perSecond;
      if (wait === 0) bucket.tokens -= 1;
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      return wait;
    },
  };
}
