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
  const waiting = new Map<string, { promise: Promise<unknown>; resolve: (exports: unknown) => void }>();
  const done = new Map<string, unknown>();

  const entry = (name: string) => {
    let found = waiting.get(name);
    if (!found) {
      let resolve!: (exports: unknown) => void;
      const promise = new Promise<unknown>((done) => (resolve = done));
      found = { promise, resolve };
      waiting.set(name, found);
    }
    return found;
  };

  const insert = (name: string, pinned: PinnedChunk | undefined, reject: (error: Error) => void): void => {
    // Only a language chunk next to this file can be pinned from outside the manifest.
    const chunk = CHUNK_MANIFEST[name] ?? (pinned && LANGUAGE_CHUNK.test(pinned.file) && pinned.file.startsWith(`cookie-consent.${name}.`) ? pinned : undefined);
    if (!chunk) throw new Error(`no chunk named ${name} in this build`);
    const url = new URL(chunk.file, base);
    const script = doc.createElement('script');
    if (nonce) script.nonce = nonce;
    // A cross-origin chunk is checked against its hash only when fetched with CORS: the page
    // opted into that by giving the main file a crossorigin attribute (SRI needs it too).
    if (crossOrigin !== null) script.setAttribute('crossorigin', crossOrigin);
    // win.origin, not location.origin: a sandboxed frame without allow-same-origin has an opaque
    // origin, for which the chunk is a cross-origin no-cors response that SRI can only refuse.
    if (chunk.integrity && (url.origin === win.origin || crossOrigin !== null)) script.integrity = chunk.integrity;
    script.src = trustedScriptURL(win, url.href);
    inserted.add(script);
    script.addEventListener('error', () => reject(new Error(`${url.href} did not load`)), { once: true });
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
      const known = waiting.has(name);
      const found = entry(name);
      if (known) return found.promise;
      return new Promise((resolve, reject) => {
        const failed = (error: Error): void => {
          waiting.delete(name);
          warnOnce(`chunk-${name}`, `the ${name} part of the widget could not be loaded.`, error);
          reject(error);
        };
        try {
          insert(name, pinned, failed);
        } catch (error) {
          failed(error as Error);
        }
        found.promise.then(resolve);
      });
    },
  };
}
