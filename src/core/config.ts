import type {
  ConsentConfig,
  CookieDescription,
  ResolvedCategory,
  ResolvedConfig,
} from './types.js';
import { DEFAULT_CATEGORIES, DEFAULT_COOKIE_NAME, DEFAULT_EXPIRES_DAYS } from './config-defaults.js';
import { COOKIE_DOMAIN_PATTERN, COOKIE_NAME_PATTERN, COOKIE_PATH_PATTERN, isErasePattern, isSameSite, matches } from './config-patterns.js';
import { isSafeUrl } from './safe-url.js';

export { DEFAULT_CATEGORIES, DEFAULT_COOKIE_NAME, DEFAULT_EXPIRES_DAYS } from './config-defaults.js';
export { isSafeUrl } from './safe-url.js';

/** Thrown once, at start, for a configuration that cannot work; names the key at fault. */
export class ConsentConfigError extends Error {
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly received: unknown,
  ) {
    super(`cookie-consent: config.${key} must be ${expected}, got ${describe(received)}`);
    this.name = 'ConsentConfigError';
  }
}

const MAX_CATEGORIES = 24;
export const CATEGORY_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

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

function rejectUnknownKeys(object: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw new ConsentConfigError(
        path ? `${path}.${key}` : key,
        `one of the known keys (${allowed.join(', ')})`,
        `an unknown key`,
      );
    }
  }
}

function optionalString(object: Record<string, unknown>, key: string, path: string): string | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new ConsentConfigError(`${path}${key}`, 'a non-empty string', value);
  return value;
}

function optionalBoolean(object: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const value = object[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new ConsentConfigError(key, 'true or false', value);
  return value;
}

function oneOf<T extends string>(object: Record<string, unknown>, key: string, choices: readonly T[], fallback: T): T {
  const value = object[key];
  if (value === undefined) return fallback;
  if (!choices.includes(value as T)) {
    throw new ConsentConfigError(key, `one of ${choices.map((c) => `"${c}"`).join(', ')}`, value);
  }
  return value as T;
}

function url(object: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const value = object[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || !isSafeUrl(value)) {
    throw new ConsentConfigError(key, 'an http(s) or relative URL', value);
  }
  return value;
}

function resolveCookieDescriptions(value: unknown, path: string): CookieDescription[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ConsentConfigError(path, 'an array of { name, provider, duration, purpose }', value);
  return value.map((entry: unknown, index) => {
    const entryPath = `${path}[${index}]`;
    if (!isPlainObject(entry)) throw new ConsentConfigError(entryPath, 'an object { name, provider, duration, purpose }', entry);
    rejectUnknownKeys(entry, ['name', 'provider', 'duration', 'purpose'], entryPath);
    const described = {} as CookieDescription;
    for (const key of ['name', 'provider', 'duration', 'purpose'] as const) {
      const text = entry[key];
      if (typeof text !== 'string' || text === '') throw new ConsentConfigError(`${entryPath}.${key}`, 'a non-empty string', text);
      described[key] = text;
    }
    return described;
  });
}

function resolveCategory(value: unknown, index: number): ResolvedCategory {
  const path = `categories[${index}]`;
  if (!isPlainObject(value)) throw new ConsentConfigError(path, 'an object with an id', value);
  rejectUnknownKeys(value, ['id', 'label', 'description', 'required', 'cookies', 'erase'], path);
  const id = value['id'];
  if (typeof id !== 'string' || !CATEGORY_ID_PATTERN.test(id)) {
    throw new ConsentConfigError(
      `${path}.id`,
      'lower-case letters, digits, "_" or "-", starting with a letter, at most 32 characters',
      id,
    );
  }
  const required = value['required'];
  if (required !== undefined && typeof required !== 'boolean') {
    throw new ConsentConfigError(`${path}.required`, 'true or false', required);
  }
  const erase = value['erase'];
  if (erase !== undefined && (!Array.isArray(erase) || erase.some((name) => !isErasePattern(name)))) {
    throw new ConsentConfigError(`${path}.erase`, 'an array of cookie names or "prefix*" patterns', erase);
  }
  const cookies = resolveCookieDescriptions(value['cookies'], `${path}.cookies`);
  const category: ResolvedCategory = {
    id,
    required: required ?? false,
    cookies,
    erase: [...((erase as string[] | undefined) ?? []), ...cookies.map((cookie) => cookie.name)],
  };
  const label = optionalString(value, 'label', `${path}.`);
  const description = optionalString(value, 'description', `${path}.`);
  if (label !== undefined) category.label = label;
  if (description !== undefined) category.description = description;
  return category;
}

function resolveCategories(value: unknown): ResolvedCategory[] {
  const list = value === undefined ? DEFAULT_CATEGORIES : value;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_CATEGORIES) {
    throw new ConsentConfigError('categories', `an array of 1 to ${MAX_CATEGORIES} categories`, list);
  }
  const categories = list.map(resolveCategory);
  const seen = new Set<string>();
  categories.forEach((category, index) => {
    if (seen.has(category.id)) {
      throw new ConsentConfigError(`categories[${index}].id`, 'an id not used by another category', category.id);
    }
    seen.add(category.id);
  });
  return categories;
}

function resolveCookie(value: unknown): ResolvedConfig['cookie'] {
  if (value === undefined) value = {};
  if (!isPlainObject(value)) throw new ConsentConfigError('cookie', 'an object { name, domain, path, sameSite }', value);
  rejectUnknownKeys(value, ['name', 'domain', 'path', 'sameSite'], 'cookie');
  const name = value['name'] ?? DEFAULT_COOKIE_NAME;
  if (!matches(COOKIE_NAME_PATTERN, name)) {
    throw new ConsentConfigError('cookie.name', 'a cookie name of token characters (RFC 6265), at most 64', name);
  }
  const path = value['path'] ?? '/';
  if (!matches(COOKIE_PATH_PATTERN, path)) {
    throw new ConsentConfigError('cookie.path', 'a path starting with "/"', path);
  }
  const sameSite = value['sameSite'] ?? 'Lax';
  if (!isSameSite(sameSite)) {
    throw new ConsentConfigError('cookie.sameSite', '"Lax", "Strict" or "None"', sameSite);
  }
  const cookie: ResolvedConfig['cookie'] = { name, path, sameSite };
  const domain = value['domain'];
  if (domain !== undefined) {
    if (!matches(COOKIE_DOMAIN_PATTERN, domain)) {
      throw new ConsentConfigError('cookie.domain', 'a host name such as "example.com"', domain);
    }
    cookie.domain = domain;
  }
  return cookie;
}

function resolveTranslations(value: unknown): ResolvedConfig['translations'] {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new ConsentConfigError('translations', 'an object of language → { key: string }', value);
  for (const [language, strings] of Object.entries(value)) {
    if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(language)) {
      throw new ConsentConfigError(`translations.${language}`, 'keyed by a language tag such as "lv" or "en-GB"', language);
    }
    if (!isPlainObject(strings)) throw new ConsentConfigError(`translations.${language}`, 'an object of strings', strings);
    for (const [key, text] of Object.entries(strings)) {
      if (typeof text !== 'string') throw new ConsentConfigError(`translations.${language}.${key}`, 'a string', text);
    }
  }
  return value as ResolvedConfig['translations'];
}

function resolveGoogleConsentMode(value: unknown): ResolvedConfig['googleConsentMode'] {
  if (value === undefined || value === true) return {};
  if (value === false) return false;
  if (!isPlainObject(value)) throw new ConsentConfigError('googleConsentMode', 'true, false or { waitForUpdate, region }', value);
  rejectUnknownKeys(value, ['waitForUpdate', 'region'], 'googleConsentMode');
  const options: ResolvedConfig['googleConsentMode'] = {};
  const wait = value['waitForUpdate'];
  if (wait !== undefined) {
    if (typeof wait !== 'number' || !Number.isInteger(wait) || wait < 0 || wait > 60_000) {
      throw new ConsentConfigError('googleConsentMode.waitForUpdate', 'an integer of milliseconds from 0 to 60000', wait);
    }
    options.waitForUpdate = wait;
  }
  const region = value['region'];
  if (region !== undefined) {
    if (!Array.isArray(region) || region.some((code) => typeof code !== 'string' || !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(code))) {
      throw new ConsentConfigError('googleConsentMode.region', 'an array of ISO 3166 codes such as "LV" or "US-CA"', region);
    }
    options.region = region as string[];
  }
  return options;
}

/**
 * Checks a configuration once, at start, and fills in the defaults.
 * @throws ConsentConfigError naming the first key that is wrong, what was expected and what was given.
 */
export function resolveConfig(input: ConsentConfig | unknown): ResolvedConfig {
  if (!isPlainObject(input)) {
    throw new ConsentConfigError('', 'an object { revision, policyUrl, ... }', input);
  }
  rejectUnknownKeys(input, TOP_LEVEL_KEYS, '');
  const revision = input['revision'];
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 0 || revision > 999_999_999) {
    throw new ConsentConfigError('revision', 'an integer from 0 to 999999999', revision);
  }
  const expiresDays = input['expiresDays'] ?? DEFAULT_EXPIRES_DAYS;
  if (typeof expiresDays !== 'number' || !Number.isFinite(expiresDays) || expiresDays <= 0 || expiresDays > 3650) {
    throw new ConsentConfigError('expiresDays', 'a number of days greater than 0 and at most 3650', expiresDays);
  }
  const language = input['language'];
  if (language !== undefined && (typeof language !== 'string' || !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(language))) {
    throw new ConsentConfigError('language', 'a language tag such as "lv" or "en-GB"', language);
  }
  const resolved: ResolvedConfig = {
    revision,
    policyUrl: url(input, 'policyUrl', true)!,
    translations: resolveTranslations(input['translations']),
    layout: oneOf(input, 'layout', ['bar', 'box', 'modal'] as const, 'bar'),
    theme: oneOf(input, 'theme', ['light', 'dark', 'auto'] as const, 'auto'),
    expiresDays,
    cookie: resolveCookie(input['cookie']),
    categories: resolveCategories(input['categories']),
    gpc: optionalBoolean(input, 'gpc', true),
    googleConsentMode: resolveGoogleConsentMode(input['googleConsentMode']),
    uet: optionalBoolean(input, 'uet', false),
    meta: optionalBoolean(input, 'meta', false),
    settingsButton: optionalBoolean(input, 'settingsButton', true),
    dnt: optionalBoolean(input, 'dnt', true),
    debug: optionalBoolean(input, 'debug', false),
  };
  const endpoint = url(input, 'endpoint', false);
  if (endpoint !== undefined) resolved.endpoint = endpoint;
  if (language !== undefined) resolved.language = language as string;
  if (input['reloadOnWithdraw'] !== undefined) {
    resolved.reloadOnWithdraw = optionalBoolean(input, 'reloadOnWithdraw', false);
  }
  return resolved;
}
