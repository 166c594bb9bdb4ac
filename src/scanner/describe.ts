import type { CookieAttributes, Initiator, Leak, ScannedItem, ScanReport } from './types.js';

/** Words shared by the terminal and the HTML report, so the two always say the same. */

export function describeInitiator(initiator: Initiator): string {
  switch (initiator.kind) {
    case 'response':
      return `Set-Cookie of ${initiator.url}`;
    case 'script':
      return `script ${initiator.url}`;
    case 'markup':
      return `the markup of ${initiator.url}`;
    default:
      return 'not seen (no script or response set it while watched)';
  }
}

const KIND_NAMES = {
  cookie: 'cookie',
  localStorage: 'localStorage key',
  sessionStorage: 'sessionStorage key',
  indexedDB: 'IndexedDB database',
  request: 'request to',
} as const;

export function describeItem(item: ScannedItem): string {
  if (item.kind === 'request') return `request to ${item.name} (${item.resourceType})`;
  return `${KIND_NAMES[item.kind]} ${item.name} (${item.scope})`;
}

export const SECTION_TITLES = {
  cookie: 'Cookies',
  localStorage: 'localStorage',
  sessionStorage: 'sessionStorage',
  indexedDB: 'IndexedDB',
  request: 'Third-party requests',
} as const;

export function describeExpiry(cookie: CookieAttributes | undefined, now = Date.now()): string {
  if (!cookie || cookie.expires < 0) return 'session';
  const days = Math.max(0, Math.round((cookie.expires * 1000 - now) / 86_400_000));
  const count = (number: number, unit: string) => `${number} ${unit}${number === 1 ? '' : 's'}`;
  if (days >= 365) return count(Math.round(days / 36.5) / 10, 'year');
  if (days >= 60) return count(Math.round(days / 30), 'month');
  return count(days, 'day');
}

export function describeFlags(cookie: CookieAttributes | undefined): string {
  if (!cookie) return '';
  return [cookie.httpOnly && 'HttpOnly', cookie.secure && 'Secure', cookie.sameSite && `SameSite=${cookie.sameSite}`].filter(Boolean).join(' ');
}

/** Where the item's category comes from. */
export function describeCategory(item: ScannedItem): string {
  if (item.widget) return "the widget's own (required)";
  if (item.declared) return `${item.declared} (declared${item.required ? ', required' : ''})`;
  if (item.known) return `${item.known.category} (Open Cookie Database: ${item.known.platform}, ${item.known.databaseCategory}; not declared)`;
  return 'unknown (not declared, not in the Open Cookie Database)';
}

/** When the item was there: before the choice, after "Accept all", after "Reject all". */
export function describeSeen(item: ScannedItem): string {
  const { beforeChoice, afterAccept, afterReject } = item.seen;
  return [beforeChoice ? 'before' : '-', afterAccept ? 'accept' : '-', afterReject ? 'reject' : '-'].join(' ');
}

export function describeLeak(leak: Leak): string {
  const again = leak.alsoAfterReject ? ' (and again after "Reject all")' : '';
  const verb = leak.item.kind === 'request' ? 'sent' : 'set';
  return `${describeItem(leak.item)}: ${verb} ${leak.when}${again} on ${leak.page}, by ${describeInitiator(leak.initiator)}; category ${describeCategory(leak.item)}`;
}

export function describeChoices(report: ScanReport): string {
  const how = (method: string | undefined) => (method === 'api' ? 'the widget API' : method === 'button' ? 'a button of that name' : 'nothing found to click');
  const choices = `"Accept all" through ${how(report.choices.accept)}, "Reject all" through ${how(report.choices.reject)}`;
  if (report.widgetFound) return choices;
  return report.choices.accept === 'none' && report.choices.reject === 'none'
    ? 'not found on the pages, and no button to accept or reject'
    : `not found; ${choices}`;
}

export function undeclared(report: ScanReport): ScannedItem[] {
  return report.items.filter((item) => item.kind !== 'request' && !item.widget && !item.declared);
}
