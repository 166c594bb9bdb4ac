import type { ConsentConfig, ConsentLayout, ConsentTheme, CookieDescription, ResolvedCategory, ResolvedConfig, ResolvedService } from './types.js';
import { DEFAULT_CATEGORIES, DEFAULT_COOKIE_NAME, DEFAULT_COOKIE_PATH, DEFAULT_SAME_SITE, OPTION_DEFAULTS } from './config-defaults.js';
import { COOKIE_DOMAIN_PATTERN, COOKIE_NAME_PATTERN, COOKIE_PATH_PATTERN, isErasePattern, isSameSite, matches } from './config-patterns.js';
import { closestKey } from './closest-key.js';
import { isSafeUrl } from './safe-url.js';
import { longestConsentCookie, MAX_CATEGORIES, MAX_CONSENT_COOKIE_LENGTH, MAX_SERVICES } from './storage/consent-cookie.js';
import { unsafeLinkUrl } from './text-links.js';

export { DEFAULT_CATEGORIES, DEFAULT_COOKIE_NAME, DEFAULT_EXPIRES_DAYS } from './config-defaults.js';
export { isSafeUrl } from './safe-url.js';

/** Thrown once, at start, for a configuration that cannot work; names the key at fault. */
export class ConsentConfigError extends Error {
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly received: unknown,
    /** For an unknown key, the known key it looks like a slip of. */
    readonly suggestion?: string,
  ) {
    super(`cookie-consent: config.${key} must be ${expected}, got ${describe(received)}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`);
    this.name = 'ConsentConfigError';
  }
}

export const CATEGORY_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
const LANGUAGE_TAG_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const REGION_CODE_PATTERN = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/** In the order the message for an unknown key lists them. */
const TOP_LEVEL_KEYS = [
  'revision',
  'policyUrl',
  'endpoint',
  'language',
  'translations',
  'layout',
  'theme',
  'expiresDays',
  'cookie',
  'categories',
  'gpc',
  'googleConsentMode',
  'uet',
  'meta',
  'reloadOnWithdraw',
  'settingsButton',
  'dnt',
  'debug',
] as const;
const CATEGORY_KEYS = ['id', 'label', 'description', 'required', 'cookies', 'erase', 'services'];
const SERVICE_KEYS = ['id', 'label', 'description', 'provider', 'policyUrl', 'cookies', 'erase'];
const ID_RULE = 'lower-case letters, digits, "_" or "-", starting with a letter, at most 32 characters';
const ERASE_RULE = 'an array of cookie names or "prefix*" patterns';
const COOKIE_DESCRIPTION_KEYS = ['name', 'provider', 'duration', 'purpose'] as const;

/** What several keys expect, written once so their messages cannot drift apart. */
const TRUE_OR_FALSE = 'true or false';
const NON_EMPTY_STRING = 'a non-empty string';
const HTTP_OR_RELATIVE_URL = 'an http(s) or relative URL';

type Test = (value: unknown) => boolean;

const isBoolean: Test = (value) => typeof value === 'boolean';
const isNonEmptyString: Test = (value) => typeof value === 'string' && value !== '';
const isUrl: Test = (value) => typeof value === 'string' && isSafeUrl(value);
const matching =
  (pattern: RegExp): Test =>
  (value) =>
    matches(pattern, value);
// Number.isInteger and Number.isFinite are false for anything but a number, so no typeof is needed.
const isIntegerUpTo =
  (max: number): Test =>
  (value) =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
/** `every` skips the holes of a sparse array, as the check always has. */
const isArrayOf =
  (test: Test): Test =>
  (value) =>
    Array.isArray(value) && value.every((item) => test(item));

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it passes the test; otherwise the error naming `key`. Every check ends here or in objectWith. */
function checked<T>(value: unknown, key: string, expected: string, test: Test): T {
  if (!test(value)) throw new ConsentConfigError(key, expected, value);
  return value as T;
}

/** The same for a key that may be left out (undefined): it then gets the fallback. */
function optional<T>(value: unknown, key: string, expected: string, test: Test, fallback?: T): T {
  return value === undefined ? (fallback as T) : checked<T>(value, key, expected, test);
}

/** An object with none but the allowed keys; `path` is where it sits, '' for the configuration itself. */
function objectWith(value: unknown, allowed: readonly string[], path: string, expected: string): Record<string, unknown> {
  const object = checked<Record<string, unknown>>(value, path, expected, isPlainObject);
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw new ConsentConfigError(path ? `${path}.${key}` : key, `one of the known keys (${allowed.join(', ')})`, `an unknown key`, closestKey(key, allowed));
    }
  }
  return object;
}

/**
 * A text that is shown: its `[label](url)` links may only have the URLs `policyUrl` may (compliance
 * C22). The error names the URL, which a long text's excerpt could cut off.
 */
function withSafeLinks<T extends string | undefined>(text: T, key: string): T {
  const url = text && unsafeLinkUrl(text);
  if (url) throw new ConsentConfigError(key, `text whose [label](url) links have ${HTTP_OR_RELATIVE_URL}`, url);
  return text;
}

/** A category's (or a service's) label or description: left out, or a non-empty text. */
function optionalText(value: unknown, key: string): string | undefined {
  return withSafeLinks(optional<string | undefined>(value, key, NON_EMPTY_STRING, isNonEmptyString), key);
}

/** Optional keys left out of the configuration stay out of the result instead of being undefined. */
function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

function resolveCookieDescriptions(value: unknown, path: string): CookieDescription[] {
  const list = optional<unknown[]>(value, path, 'an array of { name, provider, duration, purpose }', Array.isArray, []);
  return list.map((entry, index) => {
    const entryPath = `${path}[${index}]`;
    const described = objectWith(entry, COOKIE_DESCRIPTION_KEYS, entryPath, 'an object { name, provider, duration, purpose }');
    return Object.fromEntries(
      COOKIE_DESCRIPTION_KEYS.map((key) => [key, checked(described[key], `${entryPath}.${key}`, NON_EMPTY_STRING, isNonEmptyString)]),
    ) as unknown as CookieDescription;
  });
}

/** What categories and services share: an id, texts, described cookies and what to erase. */
function resolvePurpose(object: Record<string, unknown>, path: string) {
  const id = checked<string>(object['id'], `${path}.id`, ID_RULE, matching(CATEGORY_ID_PATTERN));
  const erase = optional<string[]>(object['erase'], `${path}.erase`, ERASE_RULE, isArrayOf(isErasePattern), []);
  const cookies = resolveCookieDescriptions(object['cookies'], `${path}.cookies`);
  return {
    id,
    cookies,
    // The cookies a category or service describes are erased with it too.
    erase: [...erase, ...cookies.map((cookie) => cookie.name)],
    label: optionalText(object['label'], `${path}.label`),
    description: optionalText(object['description'], `${path}.description`),
  };
}

function resolveService(value: unknown, path: string): ResolvedService {
  const service = objectWith(value, SERVICE_KEYS, path, 'an object with an id');
  return withoutUndefined({
    ...resolvePurpose(service, path),
    provider: optional<string | undefined>(service['provider'], `${path}.provider`, NON_EMPTY_STRING, isNonEmptyString),
    policyUrl: optional<string | undefined>(service['policyUrl'], `${path}.policyUrl`, HTTP_OR_RELATIVE_URL, isUrl),
  });
}

function resolveCategory(value: unknown, index: number): ResolvedCategory {
  const path = `categories[${index}]`;
  const category = objectWith(value, CATEGORY_KEYS, path, 'an object with an id');
  const services = optional<unknown[]>(category['services'], `${path}.services`, 'an array of services { id, ... }', Array.isArray, []);
  return withoutUndefined({
    ...resolvePurpose(category, path),
    required: optional(category['required'], `${path}.required`, TRUE_OR_FALSE, isBoolean, false),
    services: services.map((service, serviceIndex) => resolveService(service, `${path}.services[${serviceIndex}]`)),
  });
}

function resolveCategories(value: unknown): ResolvedCategory[] {
  const list = optional<unknown[]>(
    value,
    'categories',
    `an array of 1 to ${MAX_CATEGORIES} categories`,
    (given) => Array.isArray(given) && given.length > 0 && given.length <= MAX_CATEGORIES,
    DEFAULT_CATEGORIES as unknown[],
  );
  const categories = list.map(resolveCategory);
  // Only once every category is known to be well formed: the first repeated id is reported,
  // in the one namespace that categories and services share.
  const places = categories.flatMap((category, index) => [
    [category.id, `categories[${index}].id`],
    ...category.services.map((service, serviceIndex) => [service.id, `categories[${index}].services[${serviceIndex}].id`]),
  ]);
  const ids = places.map(([id]) => id);
  places.forEach(([id, key], index) => checked(id, key!, 'an id not used by another category or service', () => ids.indexOf(id) === index));
  checked(ids.length - categories.length, 'categories', `at most ${MAX_SERVICES} services in all`, (count) => (count as number) <= MAX_SERVICES);
  checkCookieRoom(categories);
  return categories;
}

/**
 * The consent cookie names every id, so long ids can make it too big for a browser to keep
 * (RFC 6265 § 6.1 asks browsers for 4096 bytes at least, name and attributes included). The
 * longest it can get is known now, so a configuration that cannot fit is refused here rather
 * than losing the visitor's choice later.
 */
function checkCookieRoom(categories: ResolvedCategory[]): void {
  const services = categories.flatMap((category) => category.services.map((service) => service.id));
  const longest = longestConsentCookie(
    categories.map((category) => category.id),
    services,
  );
  checked(
    longest,
    'categories',
    `ids short enough for the consent cookie (at most ${MAX_CONSENT_COOKIE_LENGTH} characters with every category and service; these ids need ${longest})`,
    () => longest <= MAX_CONSENT_COOKIE_LENGTH,
  );
}

function resolveCookie(value: unknown): ResolvedConfig['cookie'] {
  const cookie = objectWith(value === undefined ? {} : value, ['name', 'domain', 'path', 'sameSite'], 'cookie', 'an object { name, domain, path, sameSite }');
  // A null attribute gets its default too, as in withDefaults; the domain has none.
  return withoutUndefined({
    name: checked<string>(
      cookie['name'] ?? DEFAULT_COOKIE_NAME,
      'cookie.name',
      'a cookie name of token characters (RFC 6265), at most 64',
      matching(COOKIE_NAME_PATTERN),
    ),
    path: checked<string>(cookie['path'] ?? DEFAULT_COOKIE_PATH, 'cookie.path', 'a path starting with "/"', matching(COOKIE_PATH_PATTERN)),
    sameSite: checked<ResolvedConfig['cookie']['sameSite']>(
      cookie['sameSite'] ?? DEFAULT_SAME_SITE,
      'cookie.sameSite',
      '"Lax", "Strict" or "None"',
      isSameSite,
    ),
    domain: optional<string | undefined>(cookie['domain'], 'cookie.domain', 'a host name such as "example.com"', matching(COOKIE_DOMAIN_PATTERN)),
  });
}

function resolveTranslations(value: unknown): ResolvedConfig['translations'] {
  const translations = optional<Record<string, unknown>>(value, 'translations', 'an object of language → { key: string }', isPlainObject, {});
  for (const [language, strings] of Object.entries(translations)) {
    const path = `translations.${language}`;
    checked(language, path, 'keyed by a language tag such as "lv" or "en-GB"', matching(LANGUAGE_TAG_PATTERN));
    for (const [key, text] of Object.entries(checked<object>(strings, path, 'an object of strings', isPlainObject))) {
      withSafeLinks(
        checked<string>(text, `${path}.${key}`, 'a string', (given) => typeof given === 'string'),
        `${path}.${key}`,
      );
    }
  }
  return translations as ResolvedConfig['translations'];
}

function resolveGoogleConsentMode(value: unknown): ResolvedConfig['googleConsentMode'] {
  if (value === undefined || value === true) return {};
  if (value === false) return false;
  const options = objectWith(value, ['waitForUpdate', 'region'], 'googleConsentMode', 'true, false or { waitForUpdate, region }');
  return withoutUndefined({
    waitForUpdate: optional<number | undefined>(
      options['waitForUpdate'],
      'googleConsentMode.waitForUpdate',
      'an integer of milliseconds from 0 to 60000',
      isIntegerUpTo(60_000),
    ),
    region: optional<string[] | undefined>(
      options['region'],
      'googleConsentMode.region',
      'an array of ISO 3166 codes such as "LV" or "US-CA"',
      isArrayOf(matching(REGION_CODE_PATTERN)),
    ),
  });
}

/**
 * Checks a configuration once, at start, and fills in the defaults.
 * @throws ConsentConfigError naming the first key that is wrong, what was expected and what was given.
 */
export function resolveConfig(input: ConsentConfig | unknown): ResolvedConfig {
  const config = objectWith(input, TOP_LEVEL_KEYS, '', 'an object { revision, policyUrl, ... }');
  // These three are checked first, before the keys in the order of the result below.
  const revision = checked<number>(config['revision'], 'revision', 'an integer from 0 to 999999999', isIntegerUpTo(999_999_999));
  const expiresDays = checked<number>(
    config['expiresDays'] ?? OPTION_DEFAULTS.expiresDays,
    'expiresDays',
    'a number of days greater than 0 and at most 3650',
    (days) => Number.isFinite(days) && (days as number) > 0 && (days as number) <= 3650,
  );
  const flag = (key: 'gpc' | 'uet' | 'meta' | 'settingsButton' | 'dnt' | 'debug') =>
    optional<boolean>(config[key], key, TRUE_OR_FALSE, isBoolean, OPTION_DEFAULTS[key]);
  const language = optional<string | undefined>(config['language'], 'language', 'a language tag such as "lv" or "en-GB"', matching(LANGUAGE_TAG_PATTERN));
  return withoutUndefined({
    revision,
    policyUrl: checked<string>(config['policyUrl'], 'policyUrl', HTTP_OR_RELATIVE_URL, isUrl),
    translations: resolveTranslations(config['translations']),
    layout: optional<ConsentLayout>(config['layout'], 'layout', 'one of "bar", "box", "modal"', matching(/^(bar|box|modal)$/), OPTION_DEFAULTS.layout),
    theme: optional<ConsentTheme>(config['theme'], 'theme', 'one of "light", "dark", "auto"', matching(/^(light|dark|auto)$/), OPTION_DEFAULTS.theme),
    expiresDays,
    cookie: resolveCookie(config['cookie']),
    categories: resolveCategories(config['categories']),
    gpc: flag('gpc'),
    googleConsentMode: resolveGoogleConsentMode(config['googleConsentMode']),
    uet: flag('uet'),
    meta: flag('meta'),
    settingsButton: flag('settingsButton'),
    dnt: flag('dnt'),
    debug: flag('debug'),
    endpoint: optional<string | undefined>(config['endpoint'], 'endpoint', HTTP_OR_RELATIVE_URL, isUrl),
    language,
    reloadOnWithdraw: optional<boolean | undefined>(config['reloadOnWithdraw'], 'reloadOnWithdraw', TRUE_OR_FALSE, isBoolean),
  });
}
