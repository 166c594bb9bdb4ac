import { DEFAULT_CATEGORIES, DEFAULT_COOKIE_NAME } from '../core/config.js';
import type { DeclaredCategory, DeclaredCookie, PageConfig } from './types.js';

export interface RawPageConfig {
  /** The page has the widget: its API, its configuration block or its element. */
  widget: boolean;
  config: unknown;
  /** Scripts and iframes marked data-consent: the categories they wait for, and their URL. */
  gated: { consent: string; url: string }[];
}

/**
 * Runs in the page: the `#cookie-consent-config` block as the site wrote it, else what the
 * widget's API holds (`window.cookieConsent.config`), and the page's gated scripts and iframes.
 */
export function readPageConfig(): RawPageConfig {
  const api = (window as unknown as { cookieConsent?: { config?: unknown } }).cookieConsent;
  const block = document.getElementById('cookie-consent-config');
  let config: unknown = api?.config;
  try {
    if (block?.textContent?.trim()) config = JSON.parse(block.textContent);
  } catch {
    // The widget itself reports a block that is not JSON; the API's copy is all there is.
  }
  const gated = [...document.querySelectorAll('script[data-consent], iframe[data-consent]')].flatMap((element) => {
    const source = element.getAttribute('src') ?? element.getAttribute('data-src');
    return source ? [{ consent: element.getAttribute('data-consent') ?? '', url: new URL(source, document.baseURI).href }] : [];
  });
  return { widget: Boolean(api || block || document.querySelector('cookie-consent')), config, gated };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function declaredCookies(value: unknown): DeclaredCookie[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).flatMap((cookie) => {
    const name = text(cookie['name']);
    return name ? [{ name, provider: text(cookie['provider']), duration: text(cookie['duration']), purpose: text(cookie['purpose']) }] : [];
  });
}

/**
 * What the scanner needs of a page's configuration, read leniently: a configuration the widget
 * would refuse still declares what it names, and the widget's own check reports the rest.
 */
export function toPageConfig(raw: RawPageConfig): PageConfig | undefined {
  if (!raw.widget) return undefined;
  const config = isObject(raw.config) ? raw.config : {};
  const categoryList = Array.isArray(config['categories']) && config['categories'].length > 0 ? config['categories'] : [...DEFAULT_CATEGORIES];
  const categories: DeclaredCategory[] = categoryList.filter(isObject).flatMap((category) => {
    const id = text(category['id']);
    if (!id) return [];
    // What a category's services declare, and the marks naming them, count for the category.
    const services = Array.isArray(category['services']) ? category['services'].filter(isObject) : [];
    const purposes = [category, ...services];
    const ids = new Set(purposes.map((purpose) => text(purpose['id'])).filter(Boolean));
    const erase = purposes.flatMap((purpose) =>
      Array.isArray(purpose['erase']) ? purpose['erase'].filter((pattern): pattern is string => typeof pattern === 'string') : [],
    );
    const hosts = raw.gated.filter((element) => element.consent.split(/\s+/).some((token) => ids.has(token))).map((element) => new URL(element.url).hostname);
    const cookies = purposes.flatMap((purpose) => declaredCookies(purpose['cookies']));
    return [{ id, required: category['required'] === true, cookies, erase, hosts: [...new Set(hosts)] }];
  });
  const cookie = isObject(config['cookie']) ? config['cookie'] : {};
  return {
    categories,
    cookieName: text(cookie['name']) ?? DEFAULT_COOKIE_NAME,
    revision: typeof config['revision'] === 'number' ? config['revision'] : undefined,
    policyUrl: text(config['policyUrl']),
    endpoint: text(config['endpoint']),
  };
}

/** A name or a `prefix*` pattern, as the widget's erase list matches them. */
export function matchesPattern(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

/** The category that declares a name, by its cookie table or its erase patterns. */
export function declaringCategory(configs: PageConfig[], name: string): DeclaredCategory | undefined {
  for (const config of configs) {
    const found = config.categories.find(
      (category) => category.cookies.some((cookie) => cookie.name === name) || category.erase.some((pattern) => matchesPattern(pattern, name)),
    );
    if (found) return found;
  }
  return undefined;
}
