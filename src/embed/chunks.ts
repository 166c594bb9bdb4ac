import { warnOnce } from '../core/log.js';
import { trustedScriptURL } from '../core/gating/trusted-types.js';
import { CHUNK_MANIFEST } from './chunk-manifest.js';

const SCRIPT_FILE = /\/cookie-consent(\.min)?\.js(\?|#|$)/;

/**
 * The script-tag file itself, found while it runs: chunks live next to it, and it carries the
 * nonce and crossorigin setting the page trusted it with. `currentScript` is null only when
 * the file was not run by a `<script>` element of its own; then the last matching one is used.
 */
export function ownScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  const candidates = Array.from(doc.querySelectorAll<HTMLScriptElement>('script[src]')).filter((script) => SCRIPT_FILE.test(script.src));
  return candidates[candidates.length - 1] ?? null;
}

/** A language chunk's name: pinned by the interface or banner chunk that loads it (rollup.config.mjs). */
const LANGUAGE = /^[a-z]{2}$/;
/** The SRI hash the build pins for a chunk; the main file's own is the page's choice. */
const SHA256 = /^sha256-[A-Za-z0-9+/]{43}=$/;

/**
 * Where a chunk is, next to the script-tag file: its name, and a query that changes with its
 * content (taken from its hash), so a cached old chunk is never paired with a new main file.
 */
function chunkFile(name: string, integrity: string): string {
  return `cookie-consent.${name}.js?v=${integrity.slice(7, 17).replace(/[+/]/g, '_')}`;
}

export interface ChunkLoader {
  /** Loads a chunk of the main file's manifest, or a language chunk whose hash the caller pinned. */
  load(name: string, pinned?: string): Promise<unknown>;
  provide(name: string, exports: unknown): void;
  /** Whether the element is a chunk script this loader inserted. */
  isOwnChunk(script: Element | null): boolean;
}

/**
 * Loads chunks as classic scripts created by this (trusted) script: under `'strict-dynamic'`
 * they are allowed for that reason, and they carry the page's nonce too for CSPs without it.
 * Each gets the SRI hash the build pinned, so SRI on the main file covers the chunks as well.
 */
export function createChunkLoader(win: Window, own: HTMLScriptElement | null): ChunkLoader {
  const doc = win.document;
  const base = own?.src || doc.baseURI;
  const nonce = own?.nonce ?? '';
  const crossOrigin = own?.getAttribute('crossorigin') ?? null;
  const inserted = new WeakSet<Element>();
  /** One per chunk asked for or provided: every caller shares its outcome, a failure included. */
  const entries = new Map<string, { promise: Promise<unknown>; resolve(exports: unknown): void; reject(error: Error): void; integrity?: string }>();
  const done = new Map<string, unknown>();

  const entry = (name: string) => {
    let found = entries.get(name);
    if (!found) {
      let resolve!: (exports: unknown) => void;
      let reject!: (error: Error) => void;
      const promise = new Promise<unknown>((ok, fail) => ((resolve = ok), (reject = fail)));
      // Callers handle the outcome; this keeps a failure nobody waits for out of the page's console.
      promise.catch(() => undefined);
      found = { promise, resolve, reject };
      entries.set(name, found);
    }
    return found;
  };

  /** The hash the manifest pins for the chunk, or the one its caller pinned for a language chunk. */
  const integrityOf = (name: string, pinned: string | undefined): string | undefined => {
    if (Object.hasOwn(CHUNK_MANIFEST, name)) return CHUNK_MANIFEST[name];
    return LANGUAGE.test(name) && pinned !== undefined && SHA256.test(pinned) ? pinned : undefined;
  };

  const insert = (name: string, integrity: string, fail: (error: Error) => void, loaded: () => void): void => {
    const url = new URL(chunkFile(name, integrity), base);
    const script = doc.createElement('script');
    if (nonce) script.nonce = nonce;
    // A cross-origin chunk is checked against its hash only when fetched with CORS: the page
    // opted into that by giving the main file a crossorigin attribute (SRI needs it too).
    if (crossOrigin !== null) script.setAttribute('crossorigin', crossOrigin);
    // win.origin, not location.origin: a sandboxed frame without allow-same-origin has an opaque
    // origin, for which the chunk is a cross-origin no-cors response that SRI can only refuse.
    if (url.origin === win.origin || crossOrigin !== null) script.integrity = integrity;
    script.src = trustedScriptURL(win, url.href);
    inserted.add(script);
    script.addEventListener('error', () => fail(new Error(`${url.href} did not load`)), { once: true });
    script.addEventListener('load', loaded, { once: true });
    (doc.head ?? doc.documentElement).append(script);
  };

  return {
    isOwnChunk: (script) => script !== null && inserted.has(script),
    provide: (name, exports) => {
      done.set(name, exports);
      entry(name).resolve(exports);
    },
    load: (name, pinned) => {
      const known = entries.get(name);
      if (known) {
        // The first pin stands: a different one for a chunk already asked for is refused.
        if (pinned && known.integrity !== undefined && pinned !== known.integrity)
          return Promise.reject(new Error(`${name} is already pinned to another hash`));
        return known.promise;
      }
      const integrity = integrityOf(name, pinned);
      if (!integrity) return Promise.reject(new Error(`no chunk named ${name} in this build`));
      const found = entry(name);
      found.integrity = integrity;
      const fail = (error: Error): void => {
        if (done.has(name)) return;
        entries.delete(name);
        warnOnce(`chunk-${name}`, `the ${name} part of the widget could not be loaded.`, error);
        found.reject(error);
      };
      try {
        // A script that loads but never provides (it threw while running) fails like one that did not load.
        insert(name, integrity, fail, () => fail(new Error(`the ${name} part of the widget loaded but did not start`)));
      } catch (error) {
        fail(error as Error);
      }
      return found.promise;
    },
  };
}
