const warned = new Set<string>();

/**
 * Warns about a degraded feature once per page: a site with cookies blocked would otherwise
 * get the same warning on every decision.
 */
export function warnOnce(key: string, message: string, error?: unknown): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`cookie-consent: ${message}`, ...(error === undefined ? [] : [error]));
}
