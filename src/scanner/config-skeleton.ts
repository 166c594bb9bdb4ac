import { DEFAULT_CATEGORIES } from '../core/config.js';
import { isErasePattern } from '../core/config-patterns.js';
import type { CategoryConfig, ConsentConfig, CookieDescription } from '../core/types.js';
import { describeExpiry } from './describe.js';
import type { DeclaredCategory, ScannedItem, ScanReport } from './types.js';

/** Where an item nobody knows goes: the strictest category, so it waits for the most explicit consent. */
const UNKNOWN_CATEGORY = 'promotional';
const UNKNOWN_PURPOSE = 'Not described yet: found by the cookie scanner, not in the Open Cookie Database. Describe it, or move it to the right category.';
const STORAGE_DURATION = { localStorage: 'Until deleted', sessionStorage: 'Until the tab is closed', indexedDB: 'Until deleted' } as const;

function describedItem(item: ScannedItem, siteName: string): CookieDescription {
  const duration =
    item.kind === 'cookie'
      ? item.cookie && item.cookie.expires >= 0
        ? describeExpiry(item.cookie)
        : 'Until the browser closes'
      : STORAGE_DURATION[item.kind as keyof typeof STORAGE_DURATION];
  return {
    name: item.name,
    provider: item.known?.controller || item.known?.platform || (item.kind === 'cookie' && !siteName.endsWith(item.scope) ? item.scope : siteName),
    duration,
    purpose: item.known?.description || UNKNOWN_PURPOSE,
  };
}

/** The page's categories (or the widget's defaults), with what a table entry leaves out filled in. */
function startingCategories(declared: DeclaredCategory[] | undefined, siteName: string): CategoryConfig[] {
  const categories: readonly (CategoryConfig | DeclaredCategory)[] = declared && declared.length > 0 ? declared : DEFAULT_CATEGORIES;
  return categories.map((category) => ({
    id: category.id,
    ...(category.required ? { required: true } : {}),
    cookies: (category.cookies ?? []).map((cookie) => ({
      name: cookie.name,
      provider: cookie.provider || siteName,
      duration: cookie.duration || 'Not stated yet',
      purpose: cookie.purpose || UNKNOWN_PURPOSE,
    })),
    erase: (category.erase ?? []).filter(isErasePattern),
  }));
}

/**
 * A configuration for the site: its current one, if a page had one, with everything the scan
 * found added to the cookie tables of its category (the Open Cookie Database's, or the strictest
 * when unknown) and the database's wildcard names added as `prefix*` erase patterns.
 */
export function configSkeleton(report: ScanReport): ConsentConfig {
  const current = report.configs[0];
  const siteName = new URL(report.origin).hostname;
  const categories = startingCategories(current?.categories, siteName);
  const categoryFor = (id: string): CategoryConfig => {
    let category = categories.find((candidate) => candidate.id === id);
    if (!category) categories.push((category = { id, ...(id === 'session' ? { required: true } : {}), cookies: [], erase: [] }));
    return category;
  };
  for (const item of report.items) {
    if (item.kind === 'request' || item.widget || item.declared) continue;
    const category = categoryFor(item.category ?? UNKNOWN_CATEGORY);
    if (!category.cookies!.some((cookie) => cookie.name === item.name)) category.cookies!.push(describedItem(item, siteName));
    const prefix = item.known?.wildcard ? `${item.known.name}*` : undefined;
    if (prefix && isErasePattern(prefix) && !category.erase!.includes(prefix)) category.erase!.push(prefix);
  }
  return {
    revision: current?.revision ?? 1,
    policyUrl: current?.policyUrl ?? '/privacy',
    ...(current?.endpoint ? { endpoint: current.endpoint } : {}),
    categories: categories.map(({ erase, ...category }) => (erase && erase.length > 0 ? { ...category, erase } : category)),
  };
}
