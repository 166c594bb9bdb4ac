import { warnOnce } from '../log.js';
import type { ConsentManager } from '../manager.js';
import { safely } from './safely.js';

type Fbq = ((...args: unknown[]) => void) & { queue?: unknown[] };
type MetaWindow = Window & { fbq?: Fbq };
type ConsentCall = ['consent', 'grant' | 'revoke'];

function argumentsOf(...args: unknown[]): IArguments {
  return (function collect(..._args: unknown[]) {
    // A real arguments object, as Meta's stub queues them.
    // eslint-disable-next-line prefer-rest-params
    return arguments;
  })(...args);
}

/**
 * Meta's base code starts with `if (f.fbq) return`, so the widget must not define fbq itself: it
 * would stop the pixel from ever loading. Instead it waits for the base code to define fbq and
 * puts the consent call first in the stub's queue, ahead of the page's `fbq('init')`.
 */
function awaitPixel(win: MetaWindow, call: () => ConsentCall): void {
  let current: Fbq | undefined;
  Object.defineProperty(win, 'fbq', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value: Fbq) => {
      current = value;
      Object.defineProperty(win, 'fbq', { value, writable: true, configurable: true, enumerable: true });
      if (typeof value === 'function') putFirst(value, call);
    },
  });
}

function putFirst(fbq: Fbq, call: () => ConsentCall): void {
  let queued = false;
  // The base code assigns `n.queue = []` right after defining fbq and before any command.
  Object.defineProperty(fbq, 'queue', {
    configurable: true,
    enumerable: true,
    get: () => undefined,
    set: (queue: unknown[]) => {
      Object.defineProperty(fbq, 'queue', { value: queue, writable: true, configurable: true, enumerable: true });
      if (Array.isArray(queue)) {
        queue.push(argumentsOf(...call()));
        queued = true;
      }
    },
  });
  queueMicrotask(() => {
    if (queued) return;
    // Some other loader defined fbq: send the call now, the earliest it can be.
    if (!Object.getOwnPropertyDescriptor(fbq, 'queue')?.writable) delete fbq.queue;
    try {
      fbq(...call());
    } catch (error) {
      warnOnce('meta-consent', 'the Meta Pixel consent call failed.', error);
    }
  });
}

/** Meta Pixel consent (docs/compliance.md, C14): `revoke` before `init`, `grant` once promotional is granted. */
export function startMeta(manager: ConsentManager, win: Window): void {
  const page = win as MetaWindow;
  const call = (): ConsentCall => ['consent', manager.granted('promotional') ? 'grant' : 'revoke'];
  if (typeof page.fbq === 'function') {
    warnOnce('meta-late', 'the Meta Pixel was on the page before the widget; put the widget first in <head>.');
    page.fbq(...call());
  } else {
    awaitPixel(page, call);
  }
  manager.addEventListener(
    'consent-change',
    safely('Meta Pixel', () => {
      if (typeof page.fbq === 'function') page.fbq(...call());
    }),
  );
}
