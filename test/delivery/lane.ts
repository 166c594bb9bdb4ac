import type { ConsentDeliveredDetail, ConsentDeliveryFailedDetail } from '../../src/core/events.js';
import type { ConsentManager } from '../../src/core/manager.js';
import type { ConsentDelivery } from '../../src/core/delivery/delivery.js';
import { readPendingRecords } from '../../src/core/delivery/pending-records.js';
import { openFrame, pollInterval, waitFor } from '../helpers.js';

export type Fault =
  { kind: 'drop' } | { kind: 'stall' } | { kind: 'status'; status: number } | { kind: 'delay'; ms: number } | { kind: 'ack-delay'; ms: number };

export interface ServerState {
  rows: { eventId: string; consentId: string; method: string; layer: string }[];
  requests: { eventId: string | null; fault: string | null; status: number | null; standalone?: boolean }[];
}

export interface DeliveryPageWindow extends Window {
  manager: ConsentManager;
  delivery?: ConsentDelivery;
  delivered: ConsentDeliveredDetail[];
  failed: ConsentDeliveryFailedDetail[];
  onManager: { type: string; eventId: string }[];
  errors: string[];
  started: boolean;
}

/** A lane of the fault server (test/delivery/server-plugin.mjs) that no other test shares. */
export function newLane() {
  const id = `lane-${crypto.randomUUID()}`;
  const base = `/test-receiver/${id}`;
  const control = (body: object): Promise<Response> => fetch(`${base}/control`, { method: 'POST', body: JSON.stringify(body) });
  return {
    endpoint: `${base}/consent`,
    faults: (faults: Fault[], sticky: Fault | null = null) => control({ faults, sticky }),
    heal: () => control({ faults: [], sticky: null }),
    state: async (): Promise<ServerState> => (await fetch(`${base}/state`)).json(),
    standalone: async (action: 'reserve' | 'up' | 'down'): Promise<string> =>
      ((await (await fetch(`${base}/standalone`, { method: 'POST', body: JSON.stringify({ action }) })).json()) as { url: string }).url,
  };
}

export type Lane = ReturnType<typeof newLane>;

/** test/delivery/fixtures/delivery-page.html in an iframe, started. */
export async function openDeliveryPage(endpoint: string, options: Record<string, string | number> = {}) {
  const params = new URLSearchParams({ endpoint, ...Object.fromEntries(Object.entries(options).map(([k, v]) => [k, String(v)])) });
  const opened = await openFrame(`/test/delivery/fixtures/delivery-page.html?${params}`);
  const page = () => opened.frame.contentWindow as DeliveryPageWindow;
  await waitFor(() => page().started === true, 'the delivery page to start');
  await page().manager.ready;
  return { ...opened, page };
}

/** Polls the fault server until the condition holds. */
export async function waitForServer(lane: Lane, condition: (state: ServerState) => boolean, what: string, timeoutMs = 8000): Promise<ServerState> {
  const started = performance.now();
  for (;;) {
    const state = await lane.state();
    if (condition(state)) return state;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(state).slice(0, 500)}`);
    await pollInterval();
  }
}

export function removeFrames(): void {
  document.querySelectorAll('iframe').forEach((frame) => frame.remove());
}

/**
 * Before asserting that the server got nothing more, on conditions rather than a quiet window:
 * every decision's record is built and in the outbox (none is left among the pending records in
 * localStorage), then each page's delivery sends whatever still waits (flush ignores the backoff,
 * and joins a pass under way) and hears back. A record wrongly kept for a retry is sent now, so
 * the server sees it at once instead of after a backoff no wait could match.
 */
export async function deliveriesSettled(...pages: { page: () => DeliveryPageWindow }[]): Promise<void> {
  await waitFor(() => pages.every(({ page }) => readPendingRecords(page().localStorage).length === 0), 'the records to be queued');
  await Promise.all(pages.map(({ page }) => page().delivery?.flush()));
}
