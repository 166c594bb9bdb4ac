import { bootConsent } from '../core/boot.js';
import { widgetPolicy } from '../core/gating/trusted-types.js';
import type { ConsentManager } from '../core/manager.js';
import type { ChunkExports, ChunkName } from './chunk-exports.js';

/** Given only to the chunks this file loaded itself, while they run: the page's scripts never get it. */
export interface PrivilegedCore {
  widgetPolicy: typeof widgetPolicy;
}

/**
 * What the script-tag file shares with the chunks it loads, by name: the page's manager, which
 * the chunks drive, and the loader. A chunk carries its own copy of the small helpers it uses.
 */
export interface EmbedRuntime {
  /** The page's one manager, started by the main file: the interface chunk's element drives it. */
  getConsentManager(): ConsentManager;
  bootConsent: typeof bootConsent;
  /** Called by a chunk once it has run, with what it exports. */
  provide(name: string, exports: unknown): void;
  /** Loads a chunk by name (a language chunk with the hash its caller pinned); resolves with what it provided. */
  load(name: string, pinned?: string): Promise<unknown>;
  /** Loads and defines the interface; an npm copy on the same page defers to it (src/define.ts). */
  loadInterface(): Promise<unknown>;
  /**
   * The Trusted Types policy, for Lit in the interface chunk. Null unless called by a chunk
   * this file inserted, during its first run (`document.currentScript` tells): the policy passes
   * HTML and scripts through unchanged, so it must not be a global any script could reach.
   */
  privileged(): PrivilegedCore | null;
}

/** Also spelled out in src/define.ts, whose npm copy asks the script tag's to load the interface. */
export const RUNTIME_KEY = Symbol.for('cookie-consent-widget.runtime');

type RuntimeHolder = { [RUNTIME_KEY]?: EmbedRuntime };

/** The runtime the main file installed, for the chunks and the main file's stand-ins. */
export function pageRuntime(scope: object = globalThis): EmbedRuntime {
  return (scope as RuntimeHolder)[RUNTIME_KEY]!;
}

/** Loads a chunk of the main file's manifest; resolves with what its entry provided. */
export function loadChunk<K extends ChunkName>(name: K, scope: object = globalThis): Promise<ChunkExports[K]> {
  return pageRuntime(scope).load(name) as Promise<ChunkExports[K]>;
}

/** Called by a chunk's entry once it has run: what it provides is checked against ChunkExports. */
export function provideChunk<K extends ChunkName>(name: K, exports: ChunkExports[K]): void {
  pageRuntime().provide(name, exports);
}

export interface RuntimeChunks {
  load(name: string, pinned?: string): Promise<unknown>;
  provide(name: string, exports: unknown): void;
  isOwnChunk(script: Element | null): boolean;
}

export function installRuntime(
  win: Window,
  chunks: RuntimeChunks,
  getConsentManager: () => ConsentManager,
  loadInterface: () => Promise<unknown>,
): EmbedRuntime {
  const holder = win as unknown as RuntimeHolder;
  if (holder[RUNTIME_KEY]) return holder[RUNTIME_KEY];
  const runtime: EmbedRuntime = Object.freeze({
    getConsentManager,
    bootConsent,
    provide: chunks.provide,
    load: chunks.load,
    loadInterface,
    privileged: () => (chunks.isOwnChunk(win.document.currentScript) ? { widgetPolicy } : null),
  });
  // Not replaceable: a page script that swapped in its own runtime would be handed the policy
  // by the next chunk that asks for it while running.
  Object.defineProperty(win, RUNTIME_KEY, { value: runtime, writable: false, configurable: false });
  return runtime;
}
