import { inParserOrder, isModule, kindOf, MODULE, settles, sourceURL, typeValue } from './script-order.js';
import { trustedScript, trustedScriptURL } from './trusted-types.js';

/** `<script type="text/plain" data-consent="…">`: a script the site wants run only with consent. */
export function isGatedScript(element: Element): element is HTMLScriptElement {
  return element.localName === 'script' && element.hasAttribute('data-consent') && typeValue(element, 'type') === 'text/plain';
}

/**
 * Copies `from`'s attributes onto `to`, but the `skipped` ones. A `src` becomes `data-src`, so a
 * copy stays inert until activated; event handler attributes are script text to Trusted Types too.
 */
export function copyAttributes(win: Window, from: Element, to: Element, skipped: readonly string[]): void {
  for (const { name, value } of [...from.attributes]) {
    if (!skipped.includes(name)) to.setAttribute(name === 'src' ? 'data-src' : name, name.startsWith('on') ? trustedScript(win, value) : value);
  }
}

/** Inline modules report through this global that they ran (browsers fire no load event for them). */
const RAN_NAME = 'cookie-consent-widget.inline-module-ran';
const RAN_KEY = Symbol.for(RAN_NAME);

/**
 * Script text kept aside for gated scripts the widget inserts itself (from templates): under
 * Trusted Types, inserting a script element whose text did not come from the parser or a policy
 * is a violation even when its type makes it inert, so those are inserted empty.
 */
const keptText = new WeakMap<Element, string>();

export function keepScriptText(script: HTMLScriptElement, text: string): void {
  keptText.set(script, text);
}

/** The scripts the widget made live, so debug mode can tell them from marks that never gated anything. */
const liveScripts = new WeakSet<Element>();

export function isActivatedScript(script: Element): boolean {
  return liveScripts.has(script);
}

/** Attributes the live script gets in another way than by copying. */
const NOT_COPIED = ['type', 'data-type', 'src', 'data-src', 'nonce', 'async', 'defer'];

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
  const settledNow: Promise<void> = Promise.resolve();
  const start = inParserOrder();
  const inlineModules = new Map<number, () => void>();
  let nextModuleToken = 0;

  const enqueue = (original: HTMLScriptElement): void => start(kindOf(original), () => insert(original));

  /** Inserts the live script in the place of the gated one; settles when it has run or failed. */
  const insert = (original: HTMLScriptElement): Promise<void> => {
    if (!original.isConnected) {
      // Taken out of the page meanwhile: if it is put back, it is handled then.
      handled.delete(original);
      return settledNow;
    }
    const kind = kindOf(original);
    const token = kind === MODULE ? nextModuleToken++ : undefined;
    const live = build(original, token);
    const settled = !kind
      ? settledNow
      : token === undefined
        ? settles((done) => {
            live.addEventListener('load', done, { once: true });
            live.addEventListener('error', done, { once: true });
          }, true)
        : moduleRan(token);
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
    return settles((done) => {
      inlineModules.set(token, done);
      win.addEventListener('error', done);
      return () => {
        win.removeEventListener('error', done);
        inlineModules.delete(token);
      };
    }, false);
  };

  const build = (original: HTMLScriptElement, moduleToken: number | undefined): HTMLScriptElement => {
    const live = original.ownerDocument.createElement('script');
    liveScripts.add(live);
    copyAttributes(win, original, live, NOT_COPIED);
    const type = original.getAttribute('data-type');
    if (type) live.setAttribute('type', type);
    const liveNonce = original.nonce || nonce;
    if (liveNonce) live.nonce = liveNonce;
    // Inserted scripts are async unless told otherwise; the markup's choice is kept instead.
    live.async = original.hasAttribute('async');
    if (original.hasAttribute('defer')) live.defer = true;
    const src = sourceURL(original);
    if (src !== null) live.src = trustedScriptURL(win, src);
    // Firefox checks an external script's (empty) text against Trusted Types as well.
    let text = src === null ? (keptText.get(original) ?? original.text) : '';
    if (moduleToken !== undefined) text += `\n;globalThis[Symbol.for(${JSON.stringify(RAN_NAME)})]?.(${moduleToken});`;
    live.text = trustedScript(win, text);
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
