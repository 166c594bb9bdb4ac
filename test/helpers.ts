import type { ConsentChangeDetail } from '../src/core/events.js';
import type { ConsentManager } from '../src/core/manager.js';
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

export function waitFor(condition: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (condition()) return resolve();
      if (performance.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 20);
    };
    check();
  });
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
