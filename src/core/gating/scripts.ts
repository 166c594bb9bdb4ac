import { warnOnce } from '../log.js';
import { trustedScript, trustedScriptURL } from './trusted-types.js';

/** `<script type="text/plain" data-consent="…">`: a script the site wants run only with consent. */
export function isGatedScript(element: Element): element is HTMLScriptElement {
  return (
    element.localName === 'script' &&
    element.hasAttribute('data-consent') &&
    (element.getAttribute('type') ?? '').trim().toLowerCase() === 'text/plain'
  );
}

/** Inline modules report through this global that they ran (browsers fire no load event for them). */
const RAN_KEY = Symbol.for('cookie-consent-widget.inline-module-ran');

function reportRan(token: number): string {
  return `globalThis[Symbol.for(${JSON.stringify(RAN_KEY.description)})]?.(${token});`;
}

/**
 * Script text kept aside for gated scripts the widget inserts itself (from templates): under
 * Trusted Types, inserting a script element whose text did not come from the parser or a policy
 * is a violation even when its type makes it inert, so those are inserted empty.
 */
const keptText = new WeakMap<Element, string>();

export function keepScriptText(script: HTMLScriptElement, text: string): void {
  keptText.set(script, text);
}

function sourceText(script: HTMLScriptElement): string {
  return keptText.get(script) ?? script.text;
}

/** The scripts the widget made live, so debug mode can tell them from marks that never gated anything. */
const liveScripts = new WeakSet<Element>();

export function isActivatedScript(script: Element): boolean {
  return liveScripts.has(script);
}

/** Attributes the live script gets in another way than by copying. */
const NOT_COPIED = new Set(['type', 'data-type', 'src', 'data-src', 'nonce', 'async', 'defer']);
/** A script that never loads must not hold back every consented script after it forever. */
const LOAD_TIMEOUT_MS = 15_000;

export interface ScriptActivator {
  /** Hands a gated script over to run; a script handed over before is ignored. */
  activate(original: HTMLScriptElement): void;
}

/**
 * Turns gated scripts into live ones, the way the parser would have run them: non-async scripts
 * in the order they are handed over (document order), `async` ones at once, `defer` and module
 * scripts after parsing, each at most once, with the page's CSP nonce and through the Trusted
 * Types policy. A closure, not a class: the minifier shortens its state's names, not a class's fields.
 */
export function createScriptActivator(win: Window, nonce: string, onRun: (original: HTMLScriptElement) => void): ScriptActivator {
  const doc = win.document;
  const handled = new WeakSet<Element>();
  const afterParsing: HTMLScriptElement[] = [];
  let chain: Promise<void> = Promise.resolve();
  /** Settles once every ordered script inserted so far has run (they run in insertion order). */
  let orderedDone: Promise<void> = Promise.resolve();
  let tail: ScriptKind = 'inline';
  const inlineModules = new Map<number, () => void>();
  let nextModuleToken = 0;

  const enqueue = (original: HTMLScriptElement): void => {
    const kind = kindOf(original);
    chain = chain
      .then(async () => {
        // Browsers keep external classic scripts in order among themselves (async = false), so
        // those download in parallel. An inline script runs the moment it is inserted, and
        // Firefox does not order module scripts with the others: both wait for what came before.
        if (!(kind === 'external' && tail === 'external')) await orderedDone;
        const done = insert(original);
        if (kind !== 'inline') orderedDone = done;
        tail = kind;
      })
      .catch((error: unknown) => warnOnce('script-activation', 'a consented script could not be started.', error));
  };

  /** Inserts the live script in the place of the gated one; settles when it has run or failed. */
  const insert = (original: HTMLScriptElement): Promise<void> => {
    if (!original.isConnected) {
      // Taken out of the page meanwhile: if it is put back, it is handled then.
      handled.delete(original);
      return Promise.resolve();
    }
    const kind = kindOf(original);
    const token = kind === 'inline-module' ? nextModuleToken++ : undefined;
    const live = build(original, token);
    const settled = kind === 'inline' ? Promise.resolve() : token !== undefined ? moduleRan(token) : settledPromise(live);
    onRun(original);
    original.replaceWith(live);
    return settled;
  };

  /**
   * Browsers fire no load event for an inline module, so its text ends with a call saying it ran;
   * an uncaught error meanwhile (the module may have thrown) counts as done too.
   */
  const moduleRan = (token: number): Promise<void> => {
    const registry = win as unknown as Record<symbol, ((token: number) => void) | undefined>;
    registry[RAN_KEY] ??= (ran: number) => inlineModules.get(ran)?.();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        win.removeEventListener('error', done);
        inlineModules.delete(token);
        resolve();
      };
      const timer = setTimeout(done, LOAD_TIMEOUT_MS);
      inlineModules.set(token, done);
      win.addEventListener('error', done);
    });
  };

  const build = (original: HTMLScriptElement, moduleToken: number | undefined): HTMLScriptElement => {
    const live = original.ownerDocument.createElement('script');
    liveScripts.add(live);
    for (const { name, value } of Array.from(original.attributes)) {
      if (NOT_COPIED.has(name)) continue;
      // Event handler attributes are script text to Trusted Types too.
      live.setAttribute(name, name.startsWith('on') ? trustedScript(win, value) : value);
    }
    const type = original.getAttribute('data-type');
    if (type) live.setAttribute('type', type);
    const liveNonce = original.nonce || nonce;
    if (liveNonce) live.nonce = liveNonce;
    // Inserted scripts are async unless told otherwise; the markup's choice is kept instead.
    live.async = original.hasAttribute('async');
    if (original.hasAttribute('defer')) live.defer = true;
    const src = original.getAttribute('src') ?? original.getAttribute('data-src');
    if (src !== null) {
      live.src = trustedScriptURL(win, src);
      // Firefox checks an external script's (empty) text against Trusted Types as well.
      live.text = trustedScript(win, '');
    } else if (moduleToken !== undefined) live.text = trustedScript(win, `${sourceText(original)}\n;${reportRan(moduleToken)}`);
    else live.text = trustedScript(win, sourceText(original));
    return live;
  };

  if (doc.readyState === 'loading') {
    const flush = (): void => {
      if (doc.readyState === 'loading') return;
      doc.removeEventListener('readystatechange', flush);
      afterParsing.splice(0).forEach(enqueue);
    };
    doc.addEventListener('readystatechange', flush);
  }

  return {
    activate: (original) => {
      if (handled.has(original)) return;
      handled.add(original);
      if (original.hasAttribute('async')) insert(original);
      else if (doc.readyState === 'loading' && (original.hasAttribute('defer') || isModule(original))) afterParsing.push(original);
      else enqueue(original);
    },
  };
}

type ScriptKind = 'inline' | 'external' | 'module' | 'inline-module';

function kindOf(script: HTMLScriptElement): ScriptKind {
  const external = script.hasAttribute('src') || script.hasAttribute('data-src');
  if (isModule(script)) return external ? 'module' : 'inline-module';
  return external ? 'external' : 'inline';
}

function isModule(script: HTMLScriptElement): boolean {
  return (script.getAttribute('data-type') ?? '').trim().toLowerCase() === 'module';
}


function settledPromise(script: HTMLScriptElement): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      warnOnce('script-timeout', `a consented script did not load within ${LOAD_TIMEOUT_MS / 1000} s; the scripts after it run anyway.`);
      resolve();
    }, LOAD_TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    script.addEventListener('load', done, { once: true });
    script.addEventListener('error', done, { once: true });
  });
}
