import { readFileSync } from 'node:fs';
import { parseCsv } from './csv.js';
import type { KnownCookie } from './types.js';

/** Shipped with the package (data/open-cookie-database/), under its Apache 2.0 license. */
const DATABASE_FILE = new URL('../../data/open-cookie-database/open-cookie-database.csv', import.meta.url);

/** The database's categories in ours: what keeps the site working is "session". */
const CATEGORY_MAP: Record<string, string> = {
  Functional: 'session',
  Security: 'session',
  Necessary: 'session',
  Personalization: 'preferences',
  Analytics: 'analytics',
  Marketing: 'promotional',
};

const COLUMNS = {
  platform: 'Platform',
  category: 'Category',
  name: 'Cookie / Data Key name',
  domain: 'Domain',
  description: 'Description',
  retention: 'Retention period',
  controller: 'Data Controller',
  wildcard: 'Wildcard match',
} as const;

export interface CookieDatabase {
  /** The entry for a cookie or storage key name: exact first, then the longest matching prefix. */
  lookupName(name: string): KnownCookie | undefined;
  /** The entry whose domain is the host or one of its parents. */
  lookupHost(host: string): KnownCookie | undefined;
  size: number;
}

export function parseCookieDatabase(text: string): CookieDatabase {
  const [header, ...rows] = parseCsv(text);
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, title]) => {
      const column = header?.indexOf(title) ?? -1;
      if (column < 0) throw new Error(`the Open Cookie Database has no "${title}" column`);
      return [key, column];
    }),
  ) as Record<keyof typeof COLUMNS, number>;
  const exact = new Map<string, KnownCookie>();
  const prefixes: KnownCookie[] = [];
  const byDomain = new Map<string, KnownCookie[]>();
  for (const row of rows) {
    const name = row[index.name]?.trim();
    const category = CATEGORY_MAP[row[index.category]?.trim() ?? ''];
    if (!name || !category) continue;
    const entry: KnownCookie = {
      platform: row[index.platform]?.trim() ?? '',
      databaseCategory: row[index.category]!.trim(),
      category,
      name,
      description: row[index.description]?.trim() ?? '',
      retention: row[index.retention]?.trim() ?? '',
      controller: row[index.controller]?.trim() ?? '',
      wildcard: row[index.wildcard]?.trim() === '1',
    };
    if (entry.wildcard) prefixes.push(entry);
    else if (!exact.has(name)) exact.set(name, entry);
    const domain = hostOf(row[index.domain] ?? '');
    if (domain) byDomain.set(domain, [...(byDomain.get(domain) ?? []), entry]);
  }
  const hostEntries = new Map([...byDomain].map(([domain, entries]) => [domain, mostCommonCategory(entries)]));
  // The longest prefix is the most specific: "_ga_" before "_g".
  prefixes.sort((a, b) => b.name.length - a.name.length);
  return {
    size: rows.length,
    lookupName: (name) => exact.get(name) ?? prefixes.find((entry) => name.startsWith(entry.name)),
    lookupHost(host) {
      for (let candidate = host; candidate.includes('.'); candidate = candidate.slice(candidate.indexOf('.') + 1)) {
        const entry = hostEntries.get(candidate);
        if (entry) return entry;
      }
      return undefined;
    },
  };
}

/**
 * A host's rows can disagree (a consent platform's domain has a session cookie and a tracker):
 * the host gets the category most of its rows have, and a tie goes to the stricter category.
 */
function mostCommonCategory(entries: KnownCookie[]): KnownCookie {
  const strictness = ['session', 'preferences', 'analytics', 'promotional'];
  const count = (category: string) => entries.filter((entry) => entry.category === category).length;
  return entries.reduce((best, entry) =>
    count(entry.category) > count(best.category) ||
    (count(entry.category) === count(best.category) && strictness.indexOf(entry.category) > strictness.indexOf(best.category))
      ? entry
      : best,
  );
}

/** "facebook.com (3rd party)", ".google.com" and "www.googletagmanager.com" as bare host names. */
function hostOf(domain: string): string {
  const host = (
    domain
      .replace(/\(.*?\)/g, ' ')
      .trim()
      .split(/\s+/)[0] ?? ''
  )
    .replace(/^\*?\./, '')
    .toLowerCase();
  return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ? host : '';
}

let loaded: CookieDatabase | undefined;

export function loadCookieDatabase(): CookieDatabase {
  loaded ??= parseCookieDatabase(readFileSync(DATABASE_FILE, 'utf8'));
  return loaded;
}
