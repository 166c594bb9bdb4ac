import type { Page } from 'playwright-core';

/**
 * Waits until a page has had no request in flight for `quietMs` (at most `maxMs`): what its
 * scripts set usually follows their last download. Playwright's "networkidle" waits 500 ms;
 * 300 ms keeps a 20-page scan's three phases within a minute.
 */
export function trackNetwork(page: Page): (quietMs?: number, maxMs?: number) => Promise<void> {
  const inFlight = new Set<unknown>();
  let lastChange = Date.now();
  const start = (request: unknown) => (inFlight.add(request), (lastChange = Date.now()));
  const end = (request: unknown) => (inFlight.delete(request), (lastChange = Date.now()));
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  return async (quietMs = 300, maxMs = 5000) => {
    const deadline = Date.now() + maxMs;
    lastChange = Math.max(lastChange, Date.now() - quietMs / 2);
    while (Date.now() < deadline && (inFlight.size > 0 || Date.now() - lastChange < quietMs)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
}
