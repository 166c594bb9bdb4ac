import { readDocumentCookies } from '../storage/cookie-jar.js';

/** `_ga*` matches `_ga` and `_ga_XYZ`; any other name matches itself only. */
export function matchesPattern(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/**
 * Every domain a cookie visible here may have been set for: host-only (no Domain attribute),
 * the host with a leading dot, and each parent domain (which covers the host without `www.`).
 * A browser ignores a Domain it would not have accepted, so trying too many is harmless.
 */
export function domainVariants(hostname: string): (string | undefined)[] {
  if (!hostname) return [undefined];
  // An IP address can only be its own Domain: it has no parents and no leading-dot form.
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':')) return [undefined, hostname];
  const variants: (string | undefined)[] = [undefined];
  const labels = hostname.split('.');
  for (let i = 0; i < Math.max(1, labels.length - 1); i++) {
    const domain = labels.slice(i).join('.');
    variants.push(domain, `.${domain}`);
  }
  return variants;
}

/** `/`, and the current path and each of its parents, with and without a trailing slash. */
export function pathVariants(pathname: string): string[] {
  const paths = new Set(['/']);
  const segments = pathname.split('/').filter(Boolean);
  for (let i = 1; i <= segments.length; i++) {
    const path = `/${segments.slice(0, i).join('/')}`;
    paths.add(path);
    paths.add(`${path}/`);
  }
  return [...paths];
}

function cookieNames(doc: Document): string[] {
  return readDocumentCookies(doc)
    .split(';')
    .map((pair) => pair.split('=')[0]!.trim())
    .filter(Boolean);
}

function eraseStorageKeys(storage: Storage | undefined, patterns: string[]): void {
  if (!storage) return;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && patterns.some((pattern) => matchesPattern(key, pattern))) keys.push(key);
  }
  keys.forEach((key) => storage.removeItem(key));
}

function storageOf(win: Window, kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return win[kind];
  } catch {
    return undefined;
  }
}

/**
 * Erases the cookies and Web Storage keys that match the patterns, under every path and domain
 * they may have been set with. Returns the names of the cookies that matched.
 */
export function eraseMatching(win: Window, patterns: string[], protectedNames: string[] = []): string[] {
  if (patterns.length === 0) return [];
  const doc = win.document;
  const names = [...new Set(cookieNames(doc))].filter((name) => !protectedNames.includes(name) && patterns.some((pattern) => matchesPattern(name, pattern)));
  const expired = 'Thu, 01 Jan 1970 00:00:00 GMT';
  for (const name of names) {
    for (const domain of domainVariants(doc.location.hostname)) {
      for (const path of pathVariants(doc.location.pathname)) {
        doc.cookie = `${name}=; Expires=${expired}; Max-Age=0; Path=${path}${domain ? `; Domain=${domain}` : ''}`;
      }
    }
  }
  try {
    eraseStorageKeys(storageOf(win, 'localStorage'), patterns);
    eraseStorageKeys(storageOf(win, 'sessionStorage'), patterns);
  } catch {
    // Storage that throws on access holds nothing this page can erase.
  }
  return names;
}
