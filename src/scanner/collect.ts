import type { BrowserContext, CDPSession, Page, Request, Response } from 'playwright-core';
import { parseCookieString } from './cookie-string.js';
import { sameSite } from './crawl.js';
import { BINDING, instrumentWrites, scriptFromStack, type WriteEvent } from './instrument.js';
import type { Initiator, ItemKind, Observation, Phase, Step } from './types.js';

/** What the DevTools protocol says started a request (Network.requestWillBeSent's `initiator`). */
interface ProtocolInitiator {
  type: string;
  url?: string;
  stack?: ProtocolStack;
}
interface ProtocolStack {
  callFrames: { url: string }[];
  parent?: ProtocolStack;
}

function initiatorFromProtocol(raw: ProtocolInitiator | undefined): Initiator {
  if (!raw) return { kind: 'unknown' };
  if (raw.type === 'parser') return raw.url ? { kind: 'markup', url: raw.url } : { kind: 'unknown' };
  // An async call (a timer, a promise) keeps the script that scheduled it in the parent stacks.
  for (let stack = raw.stack; stack; stack = stack.parent) {
    const frame = stack.callFrames.find((call) => /^https?:/.test(call.url));
    if (frame) return { kind: 'script', url: frame.url };
  }
  return raw.url ? { kind: 'script', url: raw.url } : { kind: 'unknown' };
}

/** Runs in each frame: the frame's storage keys and IndexedDB databases. */
async function readStorage(): Promise<{ origin: string; localStorage: string[]; sessionStorage: string[]; indexedDB: string[] }> {
  const keys = (area: () => Storage) => {
    try {
      return Object.keys(area());
    } catch {
      return [];
    }
  };
  let databases: string[] = [];
  try {
    databases = (await indexedDB.databases()).flatMap((database) => (database.name ? [database.name] : []));
  } catch {
    // Opaque origins have no IndexedDB.
  }
  return { origin: location.origin, localStorage: keys(() => localStorage), sessionStorage: keys(() => sessionStorage), indexedDB: databases };
}

/**
 * Everything one phase's browser context sets and requests, as observations: each says where
 * (page), when (before or after the choice) and what set it. Writes are seen as they happen
 * (Set-Cookie headers, instrumented scripts, requests); snapshots after each page add what is
 * stored and complete the cookies' attributes.
 */
export class PhaseRecorder {
  readonly observations: Observation[] = [];
  page = '';
  step: Step = 'before-choice';
  siteHost = '';
  readonly #initiators = new Map<string, Initiator>();
  readonly #requestInitiators = new Map<string, Initiator>();
  readonly #scriptRequests = new Map<string, Initiator>();
  readonly #pending = new Set<Promise<unknown>>();

  constructor(readonly phase: Phase) {}

  async attach(context: BrowserContext): Promise<void> {
    // Run from TypeScript source (tsx, as the tests do), esbuild's keepNames wraps named
    // functions in __name(), which the page functions below would then call in the page.
    await context.addInitScript('globalThis.__name ??= (target) => target;');
    await context.exposeBinding(BINDING, (_source, event: WriteEvent) => this.#written(event));
    await context.addInitScript(instrumentWrites, BINDING);
  }

  async watch(page: Page): Promise<void> {
    const session: CDPSession = await page.context().newCDPSession(page);
    session.on('Network.requestWillBeSent', (event: { request: { url: string }; initiator?: ProtocolInitiator }) => {
      if (!this.#requestInitiators.has(event.request.url)) this.#requestInitiators.set(event.request.url, initiatorFromProtocol(event.initiator));
    });
    await session.send('Network.enable');
    page.on('request', (request) => this.#requested(request));
    page.on('response', (response) => this.#track(this.#responded(response)));
  }

  #observe(kind: ItemKind, name: string, scope: string, initiator: Initiator, extra: Partial<Observation> = {}): void {
    this.observations.push({ kind, name, scope, phase: this.phase, step: this.step, page: this.page, initiator, ...extra });
  }

  #remember(key: string, initiator: Initiator): void {
    if (!this.#initiators.has(key)) this.#initiators.set(key, initiator);
  }

  #written(event: WriteEvent): void {
    const script = scriptFromStack(event.stack);
    const initiator: Initiator = script ? { kind: 'script', url: script } : { kind: 'unknown' };
    if (event.kind === 'request') {
      if (script && !this.#scriptRequests.has(event.text)) this.#scriptRequests.set(event.text, initiator);
      return;
    }
    if (event.kind !== 'cookie') {
      this.#remember(`${event.kind} ${event.origin} ${event.text}`, initiator);
      this.#observe(event.kind, event.text, event.origin, initiator);
      return;
    }
    const cookie = parseCookieString(event.text, hostOf(event.origin));
    if (!cookie || cookie.deletes) return;
    this.#remember(`cookie ${cookie.name}`, initiator);
    this.#observe('cookie', cookie.name, cookie.attributes.domain, initiator, { cookie: cookie.attributes });
  }

  #requested(request: Request): void {
    const host = hostOf(request.url());
    if (!host || !this.siteHost || sameSite(host, this.siteHost)) return;
    // The initiator is filled in by settle(): the protocol's event may come after Playwright's.
    this.#observe('request', host, host, { kind: 'unknown' }, { url: request.url(), resourceType: request.resourceType() });
  }

  async #responded(response: Response): Promise<void> {
    const values = await response.headerValues('set-cookie').catch(() => []);
    const initiator: Initiator = { kind: 'response', url: response.url() };
    for (const value of values.flatMap((header) => header.split('\n'))) {
      const cookie = parseCookieString(value, hostOf(response.url()));
      if (!cookie || cookie.deletes) continue;
      this.#remember(`cookie ${cookie.name}`, initiator);
      this.#observe('cookie', cookie.name, cookie.attributes.domain, initiator, { cookie: cookie.attributes });
    }
  }

  #track(promise: Promise<unknown>): void {
    this.#pending.add(promise);
    void promise.finally(() => this.#pending.delete(promise));
  }

  /** Waits for the response headers still being read, and gives requests their initiators. */
  async settle(): Promise<void> {
    await Promise.all(this.#pending);
    for (const observation of this.observations) {
      if (observation.kind === 'request' && observation.initiator.kind === 'unknown') {
        const url = observation.url!;
        observation.initiator = this.#scriptRequests.get(url) ?? this.#requestInitiators.get(url) ?? observation.initiator;
      }
    }
  }

  /** What the context stores now: every cookie, and every frame's storage keys and databases. */
  async snapshot(page: Page): Promise<void> {
    await this.settle();
    for (const cookie of await page.context().cookies()) {
      const domain = cookie.domain.replace(/^\./, '');
      this.#observe('cookie', cookie.name, domain, this.#initiators.get(`cookie ${cookie.name}`) ?? { kind: 'unknown' }, {
        cookie: { domain, path: cookie.path, expires: cookie.expires, httpOnly: cookie.httpOnly, secure: cookie.secure, sameSite: cookie.sameSite },
      });
    }
    const frames = await Promise.all(page.frames().map((frame) => frame.evaluate(readStorage).catch(() => undefined)));
    for (const frame of frames) {
      if (!frame || !/^https?:/.test(frame.origin)) continue;
      for (const kind of ['localStorage', 'sessionStorage', 'indexedDB'] as const) {
        for (const name of frame[kind]) {
          this.#observe(kind, name, frame.origin, this.#initiators.get(`${kind} ${frame.origin} ${name}`) ?? { kind: 'unknown' });
        }
      }
    }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
