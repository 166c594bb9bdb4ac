import type { ConsentRecord } from './record.js';

/** `retry`: worth trying again later (network, timeout, 5xx, 408, 429). `rejected`: never will be. */
export type SendOutcome = { kind: 'delivered'; status: number } | { kind: 'retry' | 'rejected'; error: string };

/** POSTs one record with `keepalive`, so the request survives the page being closed mid-send. */
export async function postRecord(win: Window, endpoint: string, record: ConsentRecord, timeoutMs: number): Promise<SendOutcome> {
  const controller = new AbortController();
  const timer = win.setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await win.fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(record),
      keepalive: true,
      // A same-origin receiver answers with the visitor's HttpOnly credential for their own records;
      // under 'omit' the browser would discard it. No cookie goes to another origin.
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.ok) return { kind: 'delivered', status: response.status };
    // A 403 is most often the receiver not knowing this site's origin (e.g. behind a proxy): say so.
    const error =
      response.status === 403
        ? "the endpoint answered 403: it refused this page's origin (check its allowedOrigin or publicOrigin)"
        : `the endpoint answered ${response.status}`;
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    return { kind: retryable ? 'retry' : 'rejected', error };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'retry', error: `no answer within ${timeoutMs} ms` };
    return { kind: 'retry', error: `network error: ${(error as Error)?.message ?? String(error)}` };
  } finally {
    win.clearTimeout(timer);
  }
}

/**
 * Last chance on `pagehide`: hands records to the browser to send after the page is gone. The
 * outbox keeps them (nobody will see an answer), so the next page load sends them again and the
 * backend's eventId makes that harmless. sendBeacon only for the same origin: across origins a
 * JSON beacon is not allowed its CORS preflight, while a keepalive fetch is.
 */
export function flushOnHide(win: Window, endpoint: string, records: ConsentRecord[]): void {
  const sameOrigin = new URL(endpoint, win.location.href).origin === win.location.origin;
  for (const record of records) {
    const body = JSON.stringify(record);
    try {
      if (sameOrigin && win.navigator.sendBeacon?.(endpoint, new Blob([body], { type: 'application/json' }))) continue;
    } catch {
      // A refused beacon falls back to fetch below.
    }
    win.fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: true, credentials: 'same-origin' }).catch(() => {
      // Unloading: the outbox still holds the record for the next page load.
    });
  }
}
