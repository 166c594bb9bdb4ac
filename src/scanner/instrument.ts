/**
 * What runs in every frame before the page's own scripts: it wraps the ways a script stores
 * something (document.cookie, cookieStore.set, Storage#setItem, indexedDB.open) to tell the
 * scanner which script did it: the call stack at the time of the write names it. The DevTools
 * protocol names the initiator of requests, but a script that runs while the page is parsed
 * and sets an image's src (a tracking pixel) is reported as the parser; so the ways a script
 * starts a third-party request are wrapped too.
 */
export const BINDING = '__cookieConsentScan';

export interface WriteEvent {
  kind: 'cookie' | 'localStorage' | 'sessionStorage' | 'indexedDB' | 'request';
  /** For a cookie, the whole string written ("name=value; Path=/"); for a request, its URL; otherwise the key or database name. */
  text: string;
  /** The stack at the time of the write, read in Node by scriptFromStack. */
  stack: string;
  origin: string;
}

/** Runs in the page (serialized by Playwright): it may use nothing from this module's scope. */
export function instrumentWrites(binding: string): void {
  const report = (kind: string, text: string) => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 30;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    const send = (window as unknown as Record<string, ((event: object) => void) | undefined>)[binding];
    try {
      send?.({ kind, text, stack, origin: location.origin });
    } catch {
      // A page that replaced the binding loses its reports, not its own behaviour.
    }
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.get && cookie.set) {
    const { get, set } = cookie;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable ?? true,
      get() {
        return get.call(this);
      },
      set(value: string) {
        report('cookie', String(value));
        set.call(this, value);
      },
    });
  }
  const cookieStore = (window as unknown as { CookieStore?: { prototype: { set: (...args: unknown[]) => unknown } } }).CookieStore;
  if (cookieStore) {
    const storeSet = cookieStore.prototype.set;
    cookieStore.prototype.set = function (this: unknown, ...args: unknown[]) {
      const [first, value] = args;
      const options = typeof first === 'object' && first ? (first as { name?: string; value?: string }) : { name: String(first), value: String(value) };
      report('cookie', `${options.name}=${options.value ?? ''}`);
      return storeSet.apply(this, args);
    };
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    let area = 'localStorage';
    try {
      if (this === window.sessionStorage) area = 'sessionStorage';
    } catch {
      // Storage access can throw in sandboxed frames; then it is localStorage or nothing.
    }
    report(area, String(key));
    return setItem.call(this, key, value);
  };
  const requested = (url: unknown) => {
    try {
      const absolute = new URL(String(url instanceof Request ? url.url : url), document.baseURI);
      if (absolute.origin !== location.origin) report('request', absolute.href);
    } catch {
      // Not a URL: the browser makes no request either.
    }
  };
  for (const [element, property] of [
    [HTMLImageElement, 'src'],
    [HTMLScriptElement, 'src'],
    [HTMLIFrameElement, 'src'],
  ] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(element.prototype, property);
    if (!descriptor?.set) continue;
    const setSource = descriptor.set;
    Object.defineProperty(element.prototype, property, {
      ...descriptor,
      set(value: string) {
        requested(value);
        setSource.call(this, value);
      },
    });
  }
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'src') requested(value);
    return setAttribute.call(this, name, value);
  };
  const fetchFunction = window.fetch;
  window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    requested(input);
    return fetchFunction.call(this, input, init);
  } as typeof fetch;
  const xhrOpen = XMLHttpRequest.prototype.open as (this: XMLHttpRequest, ...args: unknown[]) => void;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    requested(args[1]);
    return xhrOpen.apply(this, args);
  };
  const sendBeacon = navigator.sendBeacon;
  navigator.sendBeacon = function (this: Navigator, url: string | URL, data?: BodyInit | null) {
    requested(url);
    return sendBeacon.call(this, url, data);
  };
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    report('indexedDB', String(name));
    return version === undefined ? open.call(this, name) : open.call(this, name, version);
  };
}

/** A stack line's script URL: "at f (https://x/a.js:1:2)", "at https://x/a.js:1:2", or inside an eval. */
const FRAME_URL = /(https?:\/\/[^\s()]+?):\d+:\d+/;

/** The URL of the nearest script in the stack: the one that did the write (or the page, for an inline script). */
export function scriptFromStack(stack: string): string | undefined {
  for (const line of stack.split('\n').slice(1)) {
    const url = FRAME_URL.exec(line)?.[1];
    if (url) return url;
  }
  return undefined;
}
