import { COOKIE_DOMAIN_PATTERN, COOKIE_NAME_PATTERN, COOKIE_PATH_PATTERN, isErasePattern, matches, SAME_SITE_PATTERN } from './config-patterns.js';
import { isSafeUrl } from './safe-url.js';
import type {
  CategoryConfig,
  ConsentConfig,
  ConsentCookieOptions,
  CookieDescription,
  GoogleConsentModeOptions,
  ResolvedCategory,
  ResolvedConfig,
  ServiceConfig,
} from './types.js';

export const DEFAULT_EXPIRES_DAYS = 182;
export const DEFAULT_COOKIE_NAME = 'cookie_consent';
export const DEFAULT_COOKIE_PATH = '/';
export const DEFAULT_SAME_SITE = 'Lax';

export const DEFAULT_CATEGORIES: readonly CategoryConfig[] = [
  { id: 'session', required: true },
  { id: 'preferences' },
  { id: 'analytics' },
  { id: 'promotional' },
];

/** The options that need nothing but a default when absent; resolveConfig gives the same. */
export const OPTION_DEFAULTS = {
  layout: 'bar',
  theme: 'auto',
  expiresDays: DEFAULT_EXPIRES_DAYS,
  gpc: true,
  uet: false,
  meta: false,
  settingsButton: true,
  dnt: true,
  debug: false,
} as const;

/** Each cookie attribute is kept when it fits its pattern, else it gets its default (the domain has none). */
const COOKIE_ATTRIBUTES: readonly [keyof ConsentCookieOptions, RegExp, string?][] = [
  ['name', COOKIE_NAME_PATTERN, DEFAULT_COOKIE_NAME],
  ['path', COOKIE_PATH_PATTERN, DEFAULT_COOKIE_PATH],
  ['sameSite', SAME_SITE_PATTERN, DEFAULT_SAME_SITE],
  ['domain', COOKIE_DOMAIN_PATTERN],
];

/**
 * Fills in the defaults without checking anything. The script-tag build's main file runs this
 * on every page view and checks the configuration with resolveConfig in a chunk of its own,
 * before anything of it is shown (src/embed/lazy-ui.ts). For a valid configuration the result
 * equals resolveConfig's (test/core/config-defaults.test.ts); for an invalid one it never
 * throws, so that the check is the one to report what is wrong, and it drops what could do harm
 * unchecked: cookie attributes, erase patterns and an endpoint that the check would refuse.
 */
export function withDefaults(config: ConsentConfig): ResolvedConfig {
  const given = objectOr<ConsentCookieOptions>(config.cookie);
  const cookie: Record<string, string> = {};
  for (const [key, pattern, fallback] of COOKIE_ATTRIBUTES) {
    const value = matches(pattern, given[key]) ? given[key] : fallback;
    if (value !== undefined) cookie[key] = value;
  }
  const resolved = {
    revision: config.revision,
    policyUrl: config.policyUrl,
    translations: objectOr(config.translations),
    cookie,
    categories: arrayOr<CategoryConfig>(config.categories ?? DEFAULT_CATEGORIES).map(categoryWithDefaults),
    // true, absent or anything unchecked: on with no options.
    googleConsentMode:
      config.googleConsentMode === false ? false : pick(objectOr<GoogleConsentModeOptions>(config.googleConsentMode), ['waitForUpdate', 'region']),
    ...pick(config, ['language', 'reloadOnWithdraw'] as const),
  } as Record<string, unknown>;
  for (const key in OPTION_DEFAULTS) {
    resolved[key] = config[key as keyof typeof OPTION_DEFAULTS] ?? OPTION_DEFAULTS[key as keyof typeof OPTION_DEFAULTS];
  }
  if (typeof config.endpoint === 'string' && isSafeUrl(config.endpoint)) resolved['endpoint'] = config.endpoint;
  return resolved as unknown as ResolvedConfig;
}

/** The parts categories and services share, for either. */
function purposeWithDefaults(value: CategoryConfig | ServiceConfig) {
  const purpose = objectOr<CategoryConfig & ServiceConfig>(value);
  const cookies = arrayOr<CookieDescription>(purpose.cookies).map(
    (cookie) => pick(objectOr<CookieDescription>(cookie), ['name', 'provider', 'duration', 'purpose']) as CookieDescription,
  );
  return {
    purpose,
    resolved: {
      id: purpose.id!,
      cookies,
      erase: [...arrayOr<string>(purpose.erase).filter(isErasePattern), ...cookies.map((cookie) => cookie.name)],
      ...pick(purpose, ['label', 'description']),
    },
  };
}

function categoryWithDefaults(value: CategoryConfig): ResolvedCategory {
  const { purpose, resolved } = purposeWithDefaults(value);
  return {
    ...resolved,
    required: purpose.required ?? false,
    services: arrayOr<ServiceConfig>(purpose.services).map((service) => {
      const { purpose: given, resolved: own } = purposeWithDefaults(service);
      return {
        ...own,
        ...pick(given, ['provider']),
        ...(typeof given.policyUrl === 'string' && isSafeUrl(given.policyUrl) ? { policyUrl: given.policyUrl } : {}),
      };
    }),
  };
}

/** The value when it is an object, else an empty one: unchecked input may be anything. */
function objectOr<T extends object>(value: unknown): Partial<T> {
  return typeof value === 'object' && value !== null ? value : {};
}

function arrayOr<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** The keys of the object that are not undefined. */
function pick<T extends object, K extends keyof T>(object: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) if (object[key] !== undefined) picked[key] = object[key];
  return picked;
}
