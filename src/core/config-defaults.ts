import { COOKIE_DOMAIN_PATTERN, COOKIE_NAME_PATTERN, COOKIE_PATH_PATTERN, isErasePattern, isSameSite, matches } from './config-patterns.js';
import { isSafeUrl } from './safe-url.js';
import type { CategoryConfig, ConsentConfig, ConsentCookieOptions, CookieDescription, GoogleConsentModeOptions, ResolvedCategory, ResolvedConfig } from './types.js';

export const DEFAULT_EXPIRES_DAYS = 182;
export const DEFAULT_COOKIE_NAME = 'cookie_consent';

export const DEFAULT_CATEGORIES: readonly CategoryConfig[] = [
  { id: 'session', required: true },
  { id: 'preferences' },
  { id: 'analytics' },
  { id: 'promotional' },
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
  const cookie = objectOr<ConsentCookieOptions>(config.cookie);
  const gcm = config.googleConsentMode;
  const resolved: ResolvedConfig = {
    revision: config.revision,
    policyUrl: config.policyUrl,
    translations: objectOr(config.translations) as ResolvedConfig['translations'],
    layout: config.layout ?? 'bar',
    theme: config.theme ?? 'auto',
    expiresDays: config.expiresDays ?? DEFAULT_EXPIRES_DAYS,
    cookie: {
      name: matches(COOKIE_NAME_PATTERN, cookie.name) ? cookie.name : DEFAULT_COOKIE_NAME,
      path: matches(COOKIE_PATH_PATTERN, cookie.path) ? cookie.path : '/',
      sameSite: isSameSite(cookie.sameSite) ? cookie.sameSite : 'Lax',
    },
    categories: arrayOr<CategoryConfig>(config.categories ?? DEFAULT_CATEGORIES).map(categoryWithDefaults),
    gpc: config.gpc ?? true,
    googleConsentMode: gcm === undefined || gcm === true ? {} : gcm === false ? false : pick(objectOr<GoogleConsentModeOptions>(gcm), ['waitForUpdate', 'region']),
    uet: config.uet ?? false,
    meta: config.meta ?? false,
    settingsButton: config.settingsButton ?? true,
    dnt: config.dnt ?? true,
    debug: config.debug ?? false,
  };
  if (matches(COOKIE_DOMAIN_PATTERN, cookie.domain)) resolved.cookie.domain = cookie.domain;
  if (typeof config.endpoint === 'string' && isSafeUrl(config.endpoint)) resolved.endpoint = config.endpoint;
  if (config.language !== undefined) resolved.language = config.language;
  if (config.reloadOnWithdraw !== undefined) resolved.reloadOnWithdraw = config.reloadOnWithdraw;
  return resolved;
}

function categoryWithDefaults(value: CategoryConfig): ResolvedCategory {
  const category = objectOr<CategoryConfig>(value);
  const cookies = arrayOr<CookieDescription>(category.cookies).map((cookie) => pick(objectOr<CookieDescription>(cookie), ['name', 'provider', 'duration', 'purpose']) as CookieDescription);
  return {
    id: category.id!,
    required: category.required ?? false,
    cookies,
    erase: [...arrayOr<string>(category.erase).filter(isErasePattern), ...cookies.map((cookie) => cookie.name)],
    ...pick(category, ['label', 'description']),
  };
}

/** The value when it is an object, else an empty one: unchecked input may be anything. */
function objectOr<T extends object>(value: T | undefined): Partial<T> {
  return typeof value === 'object' && value !== null ? value : {};
}

function arrayOr<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

function pick<T extends object, K extends keyof T>(object: T, keys: K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) if (object[key] !== undefined) picked[key] = object[key];
  return picked;
}
