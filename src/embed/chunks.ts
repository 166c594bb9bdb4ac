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

/** Where a chunk is, relative to the script-tag file, and the SRI hash the build pinned for it. */
export interface PinnedChunk {
  file: string;
  integrity: string;
}

/** A language chunk, pinned by the interface or banner chunk that loads it (rollup.config.mjs). */
const LANGUAGE_CHUNK = /^cookie-consent\.[a-z]{2}\.js\?v=[0-9a-f]{10}$/;
const SHA384 = /^sha384-[A-Za-z0-9+/]{64}$/;

export interface ChunkLoader {
  /** Loads a chunk of the main file's manifest, or a language chunk pinned by the caller. */
  load(name: string, pinned?: PinnedChunk): Promise<unknown>;
  provide(name: string, exports: unknown): void;
  /** What a chunk that has run provided; undefined before. */
  provided(name: string): unknown;
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
  const entries = new Map<string, { promise: Promise<unknown>; resolve(exports: unknown): void; reject(error: Error): void; file?: string }>();
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

  /** The manifest's entry, or a language chunk next to this file pinned with a sha384 hash by its caller. */
  const chunkFor = (name: string, pinned: PinnedChunk | undefined): PinnedChunk | undefined => {
    if (Object.hasOwn(CHUNK_MANIFEST, name)) return CHUNK_MANIFEST[name];
    if (!pinned || !LANGUAGE_CHUNK.test(pinned.file) || !pinned.file.startsWith(`cookie-consent.${name}.`)) return undefined;
    return SHA384.test(pinned.integrity) ? pinned : undefined;
  };

  const insert = (chunk: PinnedChunk, fail: (error: Error) => void, loaded: () => void): void => {
    const url = new URL(chunk.file, base);
    const script = doc.createElement('script');
    if (nonce) script.nonce = nonce;
    // A cross-origin chunk is checked against its hash only when fetched with CORS: the page
    // opted into that by giving the main file a crossorigin attribute (SRI needs it too).
    if (crossOrigin !== null) script.setAttribute('crossorigin', crossOrigin);
    // win.origin, not location.origin: a sandboxed frame without allow-same-origin has an opaque
    // origin, for which the chunk is a cross-origin no-cors response that SRI can only refuse.
    if (url.origin === win.origin || crossOrigin !== null) script.integrity = chunk.integrity;
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
    provided: (name) => done.get(name),
    load: (name, pinned) => {
      const known = entries.get(name);
      if (known) {
        // The first pin stands: a different one for a chunk already asked for is refused.
        if (pinned && known.file !== undefined && pinned.file !== known.file) return Promise.reject(new Error(`${name} is already pinned to another file`));
        return known.promise;
      }
      const chunk = chunkFor(name, pinned);
      if (!chunk) return Promise.reject(new Error(`no chunk named ${name} in this build`));
      const found = entry(name);
      found.file = chunk.file;
      const fail = (error: Error): void => {
        if (done.has(name)) return;
        entries.delete(name);
        warnOnce(`chunk-${name}`, `the ${name} part of the widget could not be loaded.`, error);
        found.reject(error);
      };
      try {
        // A script that loads but never provides (it threw while running) fails like one that did not load.
        insert(chunk, fail, () => fail(new Error(`the ${name} part of the widget loaded but did not start`)));
      } catch (error) {
        fail(error as Error);
      }
      return found.promise;
    },
  };
}
