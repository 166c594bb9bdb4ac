import { request, type IncomingHttpHeaders } from 'node:http';
import { createMemoryStore, type QueryableConsentStore } from '../../src/server/index.js';
import { createReceiver, type Clock, type ConsentReceiver, type ReceiverOptions } from '../../src/receiver/index.js';
import { listen, sampleRecord } from '../server/records.js';
import type { ConsentRecord } from '../../src/core/delivery/record.js';

export const SECRET = 'test-secret-0123456789abcdef-0123456789';
export const ADMIN_TOKEN = 'admin-token-0123456789';

export interface RunningReceiver {
  url: string;
  origin: string;
  receiver: ConsentReceiver;
  store: QueryableConsentStore;
  close(): Promise<void>;
}

/** The packaged receiver on 127.0.0.1 at a free port, over a memory store unless told otherwise. */
export async function startReceiver(options: Partial<ReceiverOptions> = {}): Promise<RunningReceiver> {
  const store = options.store ?? createMemoryStore();
  const receiver = createReceiver({ store, secret: SECRET, retentionDays: 365, ...options });
  const http = await listen((req, res) => void receiver(req, res));
  await receiver.ready;
  return {
    url: http.url,
    origin: http.url,
    receiver,
    store,
    close: async () => {
      receiver.close();
      await http.close();
    },
  };
}

/** A record made on a page of `origin`, as the widget there would send it. */
export function recordFrom(origin: string, overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return sampleRecord({ pageUrl: `${origin}/en/`, ...overrides });
}

export function postRecord(url: string, record: ConsentRecord, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/consent`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(record) });
}

/** The `name=value` part of the credential cookie a response set. */
export function receiptFrom(response: Response): string | null {
  const cookie = response.headers.get('set-cookie');
  return cookie ? cookie.split(';')[0]! : null;
}

/** A clock the test moves by hand: `advance` runs the hourly tasks that fall due, in order. */
export function fakeClock(start: number): Clock & { advance(ms: number): void; tasks(): number } {
  let time = start;
  let tasks: { every: number; due: number; task: () => void }[] = [];
  return {
    now: () => time,
    every(every, task) {
      const entry = { every, due: time + every, task };
      tasks.push(entry);
      return () => {
        tasks = tasks.filter((other) => other !== entry);
      };
    },
    advance(ms) {
      const end = time + ms;
      for (;;) {
        const next = tasks.filter((entry) => entry.due <= end).sort((a, b) => a.due - b.due)[0];
        if (!next) break;
        time = next.due;
        next.due += next.every;
        next.task();
      }
      time = end;
    },
    tasks: () => tasks.length,
  };
}

/** A request with headers fetch will not send as given (Host), over node:http. */
export function rawRequest(
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: an answer sent before a body was read may close the socket under a reused one.
    const req = request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
