import { configuredIds } from '../configured-ids.js';
import { warnOnce } from '../log.js';
import type { ConsentManager } from '../manager.js';
import { isGatedFrame } from './gated-frame.js';
import { categoriesOf, isMet, type ConsentRequirement, type ConsentState } from './requirement.js';
import { createScriptActivator, isGatedScript } from './scripts.js';
import { insertTemplate, isGatedTemplate } from './templates.js';

/**
 * Candidates only (isGated() has the last word), but only the three kinds that can be gated: this
 * runs for every node the parser or a framework adds, so other marked elements are not even looked at.
 */
const MARKED_SELECTOR = 'script[data-consent], iframe[data-consent], template[data-consent]';
/** Node.ELEMENT_NODE and Node.DOCUMENT_POSITION_FOLLOWING, which the minifier cannot inline. */
const ELEMENT_NODE = 1;
const FOLLOWING = 4;

export interface Gating {
  /** Stops watching the page; what already ran stays. */
  stop(): void;
}

/**
 * Watches the page for marked scripts, iframes and templates — those already parsed, those the
 * parser is still adding, and those a framework or another script adds later — and turns each
 * on when the visitor's decision allows it.
 */
export function startGating(manager: ConsentManager, win: Window): Gating {
  const doc = win.document;
  const pending = new Set<Element>();
  const markUsed = (requirement: ConsentRequirement): void => requirement.granted.forEach((category) => manager.markCategoryUsed(category));
  const scripts = createScriptActivator(win, pageNonce(doc), (script) => markUsed(categoriesOf(script)));
  const frames = new manager.parts.FrameGate(manager);
  const state: ConsentState = {
    get decided() {
      return manager.decision !== null;
    },
    granted: (category) => manager.granted(category),
  };

  /** Whether an element was left for the parser to finish: the next mutation looks again. */
  let unfinished = false;

  const configured = configuredIds(manager.config);
  /** A mark is taken on; one naming an id that is not configured would wait for ever, unnoticed. */
  const track = (element: Element): void => {
    pending.add(element);
    const { granted, refused } = categoriesOf(element);
    for (const id of [...granted, ...refused]) {
      if (!configured.includes(id)) warnOnce(`unknown-${id}`, `data-consent names "${id}", which is not a configured id.`, element);
    }
  };

  const discover = (node: Node): boolean => {
    if (node.nodeType !== ELEMENT_NODE) return false;
    const element = node as Element;
    const before = pending.size;
    if (isGated(element)) track(element);
    // The parser adds most elements while they are still empty: only one that came with
    // content (a framework's subtree, the document at start) needs a search.
    if (element.firstElementChild) element.querySelectorAll(MARKED_SELECTOR).forEach((inner) => isGated(inner) && track(inner));
    return pending.size > before;
  };

  const apply = (): void => {
    const inserted: HTMLScriptElement[] = [];
    unfinished = false;
    const inDocumentOrder = [...pending].sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
    for (const element of inDocumentOrder) {
      if (!element.isConnected) pending.delete(element);
      // The parser may not have finished this element (an inline script's text arrives in parts).
      else if (!isParsed(element)) unfinished = true;
      else {
        const requirement = categoriesOf(element);
        const met = isMet(requirement, state);
        if (isGatedFrame(element)) frames.apply(element, requirement, met);
        else if (met) {
          pending.delete(element);
          if (isGatedScript(element)) scripts.activate(element);
          else if (isGatedTemplate(element)) {
            markUsed(requirement);
            inserted.push(...insertTemplate(win, element));
          }
        }
      }
    }
    if (inserted.length > 0) {
      inserted.forEach(track);
      apply();
    }
  };

  const guarded = (what: string, action: () => void) => (): void => {
    try {
      action();
    } catch (error) {
      warnOnce(`gating-${what}`, 'gating the marked elements failed; the page goes on.', error);
    }
  };

  guarded('start', () => {
    discover(doc.documentElement);
    apply();
  })();
  const observer = new (win as unknown as typeof globalThis).MutationObserver((records) =>
    guarded('mutation', () => {
      let found = false;
      for (const record of records) record.addedNodes.forEach((node) => (found = discover(node) || found));
      // Most mutations of a page add nothing marked: only new or unfinished elements need a look.
      if (found || unfinished) apply();
    })(),
  );
  observer.observe(doc, { childList: true, subtree: true });
  const onChange = guarded('change', apply);
  manager.addEventListener('consent-change', onChange);
  const onReadyState = guarded('parsed', apply);
  doc.addEventListener('readystatechange', onReadyState);
  return {
    stop: () => {
      observer.disconnect();
      manager.removeEventListener('consent-change', onChange);
      doc.removeEventListener('readystatechange', onReadyState);
    },
  };
}

function isGated(element: Element): boolean {
  return isGatedScript(element) || isGatedFrame(element) || isGatedTemplate(element);
}

/**
 * The nonce to give activated scripts: the widget's own script's (the page trusted it to run),
 * else any nonce the page gave a script. Browsers hide the attribute but keep `.nonce`.
 */
function pageNonce(doc: Document): string {
  return (doc.currentScript as HTMLScriptElement | null)?.nonce || [...doc.scripts].find((script) => script.nonce)?.nonce || '';
}

/** While the document loads, an element is complete once the parser has put something after it. */
function isParsed(element: Element): boolean {
  if (element.ownerDocument.readyState !== 'loading') return true;
  for (let node: Node | null = element; node; node = node.parentNode) {
    if (node.nextSibling) return true;
  }
  return false;
}
