/**
 * The parts of running consented scripts that need no DOM: what kind of script one is, the order
 * they start in, and how long one may hold back the rest. src/core/gating/scripts.ts builds and
 * inserts the scripts; test/gating/script-order.node.test.ts checks these parts on a fake clock.
 */
import { warnOnce } from '../log.js';
import type { Timers } from '../timers.js';

/** What orders a script, as bit flags: an inline classic script is neither. */
export const EXTERNAL = 1;
export const MODULE = 2;
/** A script that never loads must not hold back every consented script after it forever. */
export const LOAD_TIMEOUT_MS = 15_000;

/** A type attribute's value the way browsers compare it: trimmed, any case. */
export function typeValue(element: Pick<Element, 'getAttribute'>, name: string): string {
  return (element.getAttribute(name) ?? '').trim().toLowerCase();
}

export function kindOf(script: Pick<Element, 'getAttribute'>): number {
  return (sourceURL(script) !== null ? EXTERNAL : 0) | (isModule(script) ? MODULE : 0);
}

/** A gated script's URL: `src`, or `data-src` for markup that keeps the browser from even fetching it. */
export function sourceURL(script: Pick<Element, 'getAttribute'>): string | null {
  return script.getAttribute('src') ?? script.getAttribute('data-src');
}

export function isModule(script: Pick<Element, 'getAttribute'>): boolean {
  return typeValue(script, 'data-type') === 'module';
}

/**
 * Settles once `listen` calls its `done` (the script ran or failed), or after LOAD_TIMEOUT_MS.
 * What `listen` returns is called on settling, to stop listening.
 */
export function settles(listen: (done: () => void) => (() => void) | void, warnOnTimeout: boolean, timers: Timers = window): Promise<void> {
  return new Promise((resolve) => {
    const timer = timers.setTimeout(() => {
      if (warnOnTimeout) {
        warnOnce('script-timeout', `a consented script did not load within ${LOAD_TIMEOUT_MS / 1000} s; the scripts after it run anyway.`);
      }
      done();
    }, LOAD_TIMEOUT_MS);
    const done = (): void => {
      timers.clearTimeout(timer);
      stopListening?.();
      resolve();
    };
    const stopListening = listen(done);
  });
}

/**
 * Starts scripts in the order they are handed over, as the parser would run them: `start(kind,
 * insert)` calls `insert` (which puts the script in the page and resolves once it has run or
 * failed) when the scripts before it allow. Browsers keep external classic scripts in order among
 * themselves (async = false), so those start together and download in parallel. An inline script
 * runs the moment it is inserted, and Firefox does not order module scripts with the others: both
 * wait until every ordered script before them has run.
 */
export function inParserOrder(): (kind: number, insert: () => Promise<void>) => void {
  let chain = Promise.resolve();
  /** Settles once every ordered script inserted so far has run (they run in insertion order). */
  let orderedDone = chain;
  let tail = 0;
  return (kind, insert) => {
    chain = chain
      .then(async () => {
        if (kind !== EXTERNAL || tail !== EXTERNAL) await orderedDone;
        const done = insert();
        if (kind) orderedDone = done;
        tail = kind;
      })
      .catch((error: unknown) => warnOnce('script-activation', 'a consented script could not be started.', error));
  };
}
