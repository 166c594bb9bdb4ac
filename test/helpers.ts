import type { ConsentChangeDetail } from '../src/core/events.js';
import type { ConsentManager } from '../src/core/manager.js';
import type { ConsentConfig, ConsentMethod } from '../src/core/types.js';
import { DATABASE_NAME } from '../src/core/storage/history.js';

/** Every cookie this page can see, by name. */
export function cookieJar(doc: Document = document): Map<string, string> {
  return new Map(
    doc.cookie
      .split(';')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as [string, string]),
  );
}

export function deleteAllCookies(doc: Document = document): void {
  for (const name of cookieJar(doc).keys()) {
    for (const domain of ['', `; Domain=${doc.location.hostname}`]) {
      doc.cookie = `${name}=; Max-Age=0; Path=/${domain}`;
    }
  }
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

/** A fresh visitor on this origin: no cookies, no storage, no consent database. */
export async function resetBrowserState(): Promise<void> {
  deleteAllCookies();
  localStorage.clear();
  sessionStorage.clear();
  await deleteDatabase(DATABASE_NAME);
}

export async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((database) => database.name ?? '');
}

/** How often the pollers below look again: a condition with no event to wait on is polled. */
const POLL_MS = 20;

/** The pause between two looks of a poller (waitFor, or one that has to ask another page or the server). */
export function pollInterval(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

export function waitFor(condition: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (condition()) return resolve();
      if (performance.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, POLL_MS);
    };
    check();
  });
}

/** Two animation frames of the test page: the tasks, microtasks, mutation observers and rendering an event just queued have run. */
export function twoFrames(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** How long pageSettled() keeps watching after its positive signs: the one fixed wait the tests allow. */
const QUIET_MS = 100;

/**
 * For a test that asserts something did NOT happen: no gated script ran, nothing more was sent.
 * A correct page gives no event to wait for, so call this after awaiting the positive sign of the
 * action under test (the decision's promise, the page's load, the scripts that should run), and
 * it waits for signs that the page got past the point where it would have misbehaved: two
 * animation frames (everything the action queued has run), then an answer from the test server
 * to a request sent now (requests the page started before have reached it), then a quiet window
 * of QUIET_MS for what a faulty page might do even later. That window is the only fixed wait:
 * on a slow machine it can make a test miss a late fault, never fail a correct page.
 */
export async function pageSettled(): Promise<void> {
  await twoFrames();
  await fetch('/test/fixtures/gating/empty.html', { cache: 'no-store' });
  await twoFrames();
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
}

/** Loads a page in an iframe and resolves once it has loaded; `reload()` reloads it for real. */
export async function openFrame(url: string): Promise<{ frame: HTMLIFrameElement; reload: () => Promise<void> }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  const loaded = (): Promise<void> => new Promise((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  const first = loaded();
  frame.src = url;
  document.body.append(frame);
  await first;
  return {
    frame,
    reload: async () => {
      const next = loaded();
      frame.contentWindow!.location.reload();
      await next;
    },
  };
}

/** The visible element in a shadow root, or null when hidden or absent. */
export function visibleIn(root: ParentNode | null | undefined, selector: string): HTMLElement | null {
  const element = root?.querySelector<HTMLElement>(selector);
  if (!element) return null;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 ? element : null;
}

export interface CorePageWindow extends Window {
  manager: ConsentManager;
  changes: ConsentChangeDetail[];
  errors: string[];
  warnings: string[];
  started: boolean;
}

/** test/fixtures/core-page.html in an iframe: the core started from source, the environment optionally broken. */
export async function openCorePage(options: { config?: object; break?: string[] } = {}) {
  const params = new URLSearchParams();
  if (options.config) params.set('config', JSON.stringify(options.config));
  if (options.break) params.set('break', options.break.join(','));
  const opened = await openFrame(`/test/fixtures/core-page.html?${params}`);
  const page = () => opened.frame.contentWindow as CorePageWindow;
  await waitFor(() => page().started === true, 'the core page to start');
  await page().manager.ready;
  return { ...opened, page };
}

export interface GatingPageWindow extends CorePageWindow {
  /** Ids of the fixture scripts that ran, in the order they ran. */
  runs: string[];
  runInfo: Record<string, { readyState: string; nonce?: string; async?: boolean; defer?: boolean; type?: string; consent?: string | null }>;
  violations: string[];
  runsBeforeDOMContentLoaded?: string[];
  dataLayer?: ArrayLike<unknown>[];
  uetq?: unknown[];
  fbqCalls?: unknown[][];
}

/**
 * A page of test/fixtures/gating/ in an iframe, once its manager is ready. `gpc`/`dnt` make the
 * browser send those signals before the widget starts.
 */
export async function openGatingPage(file: string, options: { config?: object; gpc?: boolean; dnt?: boolean } = {}) {
  const params = new URLSearchParams();
  if (options.config) params.set('config', JSON.stringify(options.config));
  if (options.gpc) params.set('gpc', '1');
  if (options.dnt) params.set('dnt', '1');
  const opened = await openFrame(`/test/fixtures/gating/${file}?${params}`);
  const page = () => opened.frame.contentWindow as GatingPageWindow;
  await waitFor(() => page().manager !== undefined, `the manager of ${file}`);
  await page().manager.ready;
  return { ...opened, page };
}

/** Paths of the fixture files the page has requested so far (resource timing entries). */
export function requestedFixtures(win: Window, folder = '/test/fixtures/gating/'): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname + new URL(entry.name).search)
    .filter((path) => path.startsWith(folder) && !/\/(harness|boot-source)\.js$/.test(path));
}

/** Stores a decision in the consent cookie, as a visitor's earlier page load would have. */
export async function storeDecision(
  categories: Record<string, boolean>,
  method: ConsentMethod = 'custom',
  config: ConsentConfig = { revision: 1, policyUrl: '/privacy' },
): Promise<void> {
  const { resolveConfig } = await import('../src/core/config.js');
  const { createDecision } = await import('../src/core/decision.js');
  const { encodeConsentCookie } = await import('../src/core/storage/consent-cookie.js');
  const { configFingerprint } = await import('../src/core/config-fingerprint.js');
  const decision = createDecision(resolveConfig(config), categories, method);
  document.cookie = `cookie_consent=${encodeConsentCookie(decision)}; Path=/; Max-Age=3600`;
  // As a visitor who decided under this configuration has it: the script tag then skips the check.
  document.cookie = `cookie_consent_checked=${configFingerprint(config)}; Path=/; Max-Age=3600`;
}

/**
 * Jumps the element's entry animations to their end, so axe measures colours at rest rather
 * than halfway through a fade-in.
 */
export async function finishAnimations(element: Element): Promise<void> {
  await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  element.shadowRoot?.getAnimations().forEach((animation) => animation.finish());
}
