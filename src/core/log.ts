// One set per page, not per copy of this module: the script tag's chunks each carry a copy.
const WARNED_KEY = Symbol.for('cookie-consent-widget.warned');
const warned: Set<string> = ((globalThis as Record<symbol, Set<string> | undefined>)[WARNED_KEY] ??= new Set());

/**
 * Warns about a degraded feature once per page: a site with cookies blocked would otherwise
 * get the same warning on every decision.
 */
export function warnOnce(key: string, message: string, error?: unknown): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`cookie-consent: ${message}`, ...(error === undefined ? [] : [error]));
}
