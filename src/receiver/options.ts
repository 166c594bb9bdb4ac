import type { QueryableConsentStore } from '../server/stores/store.js';
import { systemClock, type Clock } from './clock.js';
import type { BucketOptions } from './rate-limit.js';

export interface ReceiverOptions {
  /** Any `/server` store: createSqliteStore (one process), createPostgresStore (several), createMemoryStore (tests). */
  store: QueryableConsentStore;
  /** Signs the visitors' credentials (HMAC-SHA256); at least 32 characters, the same in every instance. */
  secret: string;
  /** Records received longer ago than this are purged: at start, then every hour. */
  retentionDays: number;
  /** Bearer token for the admin routes. Without one they answer only to loopback clients on a loopback host. */
  adminToken?: string;
  /** A line at the top of every admin page, e.g. which environment this is, or that its records are demo data. */
  adminNote?: string;
  /** Other origins whose pages POST records here (CORS), e.g. `https://shop.example`. */
  allowedOrigin?: string | string[];
  /** The origin(s) visitors reach this receiver under, e.g. `https://shop.example` behind a proxy; also the Host allow-list. */
  publicOrigin?: string | string[];
  /** Believe X-Forwarded-For, -Host and -Proto: only when a proxy you run sets them and nothing else reaches the port. */
  trustProxy?: boolean;
  /** The path the handler is mounted at when it sees whole URLs (node:http), e.g. `/api`. Express's `app.use` tells it itself. */
  basePath?: string;
  /** Per-process token buckets; `false` turns one off (a proxy in front limits instead). */
  rateLimit?: { perAddress?: BucketOptions | false; perConsentId?: BucketOptions | false };
  /** Told about store failures and failed purges. Default console.error. */
  onError?: (error: unknown) => void;
  /** Told how many records each purge erased. */
  onPurge?: (purged: number, cutoff: Date) => void;
  /** Tests pass a fake clock. */
  clock?: Clock;
}

/** One flood source gets a burst of 60 requests, then one a second: far above what a visitor does. */
export const DEFAULT_PER_ADDRESS: BucketOptions = { burst: 60, perSecond: 1 };
/** A visitor decides a handful of times; more records than this for one consentId are a forgery or a loop. */
export const DEFAULT_PER_CONSENT_ID: BucketOptions = { burst: 10, perSecond: 1 / 60 };
export const MIN_SECRET_LENGTH = 32;
export const MIN_ADMIN_TOKEN_LENGTH = 16;

export interface ResolvedOptions {
  store: QueryableConsentStore;
  secret: string;
  retentionDays: number;
  adminToken: string | undefined;
  adminNote: string | undefined;
  allowedOrigins: string[];
  publicOrigins: string[];
  trustProxy: boolean;
  basePath: string;
  perAddress: BucketOptions | false;
  perConsentId: BucketOptions | false;
  onError: (error: unknown) => void;
  onPurge: (purged: number, cutoff: Date) => void;
  clock: Clock;
}

export class ReceiverConfigError extends TypeError {
  override name = 'ReceiverConfigError';
}

const STORE_METHODS = ['insert', 'findByConsentId', 'eraseByConsentId', 'listPage', 'count', 'purgeOlderThan'] as const;

/** Checks everything at configuration time, so a mistake stops the start instead of surfacing on some request. */
export function resolveOptions(options: ReceiverOptions): ResolvedOptions {
  const fail = (message: string): never => {
    throw new ReceiverConfigError(`createReceiver: ${message}`);
  };
  if (typeof options !== 'object' || options === null) fail('options must be an object');
  const { store } = options;
  const missing = STORE_METHODS.filter((method) => typeof (store as unknown as Record<string, unknown> | undefined)?.[method] !== 'function');
  if (missing.length > 0) fail(`store must be a /server store (createSqliteStore, createPostgresStore, createMemoryStore); it lacks ${missing.join(', ')}`);
  if (typeof options.secret !== 'string' || options.secret.length < MIN_SECRET_LENGTH) {
    fail(`secret must be a string of at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`);
  }
  if (!Number.isFinite(options.retentionDays) || options.retentionDays <= 0)
    fail(`retentionDays must be a positive number of days, not ${String(options.retentionDays)}`);
  if (options.adminToken !== undefined && (typeof options.adminToken !== 'string' || options.adminToken.length < MIN_ADMIN_TOKEN_LENGTH)) {
    fail(`adminToken must be a string of at least ${MIN_ADMIN_TOKEN_LENGTH} characters, or left out`);
  }
  if (options.adminNote !== undefined && typeof options.adminNote !== 'string') fail('adminNote must be a string, or left out');
  if (options.trustProxy !== undefined && typeof options.trustProxy !== 'boolean') fail('trustProxy must be true or false');
  const basePath = options.basePath ?? '';
  if (typeof basePath !== 'string' || (basePath !== '' && !/^\/[^?#]*[^/?#]$/.test(basePath))) {
    fail(`basePath must start with "/" and not end with one, like "/api", not ${JSON.stringify(basePath)}`);
  }
  const rateLimit = options.rateLimit ?? {};
  return {
    store,
    secret: options.secret,
    retentionDays: options.retentionDays,
    adminToken: options.adminToken,
    adminNote: options.adminNote,
    allowedOrigins: origins('allowedOrigin', options.allowedOrigin, fail),
    publicOrigins: origins('publicOrigin', options.publicOrigin, fail),
    trustProxy: options.trustProxy ?? false,
    basePath,
    perAddress: bucket('rateLimit.perAddress', rateLimit.perAddress, DEFAULT_PER_ADDRESS, fail),
    perConsentId: bucket('rateLimit.perConsentId', rateLimit.perConsentId, DEFAULT_PER_CONSENT_ID, fail),
    onError: options.onError ?? ((error) => console.error('consent receiver:', error)),
    onPurge: options.onPurge ?? (() => {}),
    clock: options.clock ?? systemClock,
  };
}

function origins(name: string, value: string | string[] | undefined, fail: (message: string) => never): string[] {
  if (value === undefined) return [];
  return [value].flat().map((origin) => {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      // Reported below with the value.
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) {
      fail(`${name} must be origins like "https://shop.example" (scheme and host, no path or trailing slash), not ${JSON.stringify(origin)}`);
    }
    return origin;
  });
}

function bucket(name: string, value: BucketOptions | false | undefined, fallback: BucketOptions, fail: (message: string) => never): BucketOptions | false {
  if (value === undefined) return fallback;
  if (value === false) return false;
  if (!(value.burst >= 1) || !(value.perSecond > 0)) fail(`${name} must be false or { burst >= 1, perSecond > 0 }`);
  return value;
}
