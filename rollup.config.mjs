import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/**
 * The script-tag build, from tsc's output (the build runs tsc first, so the code is type-checked
 * and compiled once); npm users get tsc's unbundled modules.
 *
 * - dist/cookie-consent.js: the part every page view runs in <head> (the core: cookie, signals,
 *   gating, delivery) and a loader. A classic script, so it runs before the parser goes on.
 * - dist/cookie-consent.ui.js: Lit, the element and English, loaded only when the visitor needs
 *   the interface. It takes the core from the main file's runtime instead of a second copy.
 * - dist/cookie-consent.<lang>.js: one per non-English language, loaded by the interface.
 * - dist/cookie-consent.debug.js: debug mode, loaded only with `debug: true`.
 *
 * The chunks are classic scripts (IIFE) too: a script element the loader creates gets the
 * page's nonce, an SRI hash and a Trusted Types URL, which `import()` cannot all be given.
 * They are built first, so the main file can pin their hashes.
 */
const dist = (path) => fileURLToPath(new URL(`dist/${path}`, import.meta.url));
const RUNTIME = 'globalThis[Symbol.for("cookie-consent-widget.runtime")]';
const LANGUAGES = ['lv', 'ru', 'de', 'fr', 'es', 'ar'];
/** The core values the interface uses; src/embed/runtime.ts provides each. */
const SHARED_CORE = ['bootConsent', 'getConsentManager', 'matchesPattern', 'parseRequirement', 'isActivatedScript', 'warnOnce', 'readDocumentCookies', 'baseLanguage', 'BUILT_IN_LANGUAGES', 'isRightToLeft', 'pickLanguage', 'consentStore', 'DATABASE_NAME', 'randomId', 'sameDecision', 'isSafeUrl'];
/** Loaded by the main file on demand, each built before it so it can pin their hashes. */
const CHUNKS = ['ui', 'banner', 'debug', 'delivery', 'embeds', 'store'];
/** The configuration check, which the banner and the interface chunks each carry. */
const CONFIG_CHECK = ['core/config.js', 'core/config-defaults.js', 'core/config-patterns.js', 'core/safe-url.js'];
/** Handed only to a chunk the main file inserted, while it first runs (see src/embed/runtime.ts). */
const PRIVILEGED_CORE = { widgetPolicy: '() => null' };

const minify = () =>
  terser({ ecma: 2020, module: false, format: { comments: false }, compress: { passes: 3 } });
const resolve = () => nodeResolve({ browser: true, exportConditions: ['production'] });

/**
 * Points every import of the core (but `own`, the chunk's own files or folders) at the main
 * file's runtime; importing anything else from the core fails the build.
 */
function coreFromRuntime(own = []) {
  const core = dist('core/');
  const kept = own.map((path) => dist(path));
  return {
    name: 'core-from-runtime',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved?.id.startsWith(core) && !kept.some((path) => resolved.id.startsWith(path))) return '\0runtime-core';
      return null;
    },
    load(id) {
      if (id !== '\0runtime-core') return null;
      return [
        `const runtime = ${RUNTIME}, privileged = runtime.privileged() || {};`,
        ...SHARED_CORE.map((name) => `export const ${name} = runtime.${name};`),
        ...Object.entries(PRIVILEGED_CORE).map(([name, fallback]) => `export const ${name} = privileged.${name} || (${fallback});`),
      ].join('\n');
    },
  };
}

/**
 * A chunk's SRI hash, which the loader also makes its file's query from (src/embed/chunks.ts).
 * SHA-256: every page view downloads the main file's pins, and a hash is bytes gzip cannot shrink.
 */
function pinned(name) {
  return `sha256-${createHash('sha256').update(readFileSync(dist(`cookie-consent.${name}.js`))).digest('base64')}`;
}

/**
 * `import('./lv.js')` in the interface and the banner becomes a load of dist/cookie-consent.lv.js
 * through the runtime, pinned by the chunk that asks for it: only pages that show the interface
 * carry the language chunks' hashes, not the main file every page view downloads.
 */
function languagesAsChunks() {
  return {
    name: 'languages-as-chunks',
    resolveId(source, importer) {
      const match = /^\.\/([a-z]{2})\.js$/.exec(source);
      if (importer?.endsWith('languages.js') && match && LANGUAGES.includes(match[1])) return { id: match[1], external: true };
      return null;
    },
    renderDynamicImport({ targetModuleId }) {
      if (LANGUAGES.includes(targetModuleId)) return { left: `${RUNTIME}.load(`, right: `, ${JSON.stringify(pinned(targetModuleId))})` };
      return null;
    },
  };
}

/** CSS without comments and with no more whitespace than it needs; spaces inside values are kept (one each). */
const squeezeCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();

/**
 * The banner chunk's styles are the element's own (src/embed/banner-css.ts reads them from the
 * Lit stylesheets): computed here, at build time, so the chunk carries the text and not Lit.
 */
function bannerCssAsText() {
  return {
    name: 'banner-css-as-text',
    async load(id) {
      if (id !== dist('embed/banner-css.js')) return null;
      const { BANNER_CSS } = await import(dist('embed/banner-css.js'));
      return `export const BANNER_CSS = ${JSON.stringify(squeezeCss(BANNER_CSS))};`;
    },
  };
}

/**
 * Whitespace and comments out of the interface's css`` templates: a visitor downloads the
 * styles with every first visit, indentation included. Spaces inside values are kept (one each).
 */
function minifyCssTemplates() {
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!id.startsWith(dist('ui/'))) return null;
      const out = code.replace(/\bcss ?`([^`]*)`/g, (whole, body) => 'css`' + body.split(/(\$\{[^}]*\})/).map((part, i) => (i % 2 ? part : squeezeCss(part))).join('') + '`');
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** The SRI hash of each chunk the main file loads and a query that changes with its content, written into it. */
function chunkManifest() {
  return {
    name: 'chunk-manifest',
    load(id) {
      if (id !== dist('embed/chunk-manifest.js')) return null;
      const manifest = Object.fromEntries(CHUNKS.map((name) => [name, pinned(name)]));
      return `export const CHUNK_MANIFEST = ${JSON.stringify(manifest)};`;
    },
  };
}

const languageEntry = (lang) => ({
  name: 'language-entry',
  resolveId: (id) => (id === `\0language:${lang}` ? id : null),
  load: (id) =>
    id === `\0language:${lang}`
      ? `import { ${lang} } from ${JSON.stringify(dist(`ui/i18n/${lang}.js`))};\n${RUNTIME}.provide(${JSON.stringify(lang)}, { ${lang} });`
      : null,
});

export default [
  // First: the interface and the banner pin the language chunks' hashes.
  ...LANGUAGES.map((lang) => ({
    input: `\0language:${lang}`,
    output: { file: `dist/cookie-consent.${lang}.js`, format: 'iife' },
    plugins: [languageEntry(lang), minify()],
  })),
  {
    input: 'dist/embed/ui-chunk.js',
    output: { file: 'dist/cookie-consent.ui.js', format: 'iife', sourcemap: true },
    treeshake: { propertyReadSideEffects: false },
    plugins: [coreFromRuntime(CONFIG_CHECK), languagesAsChunks(), minifyCssTemplates(), resolve(), minify()],
  },
  {
    input: 'dist/embed/banner-chunk.js',
    output: { file: 'dist/cookie-consent.banner.js', format: 'iife' },
    treeshake: { propertyReadSideEffects: false },
    plugins: [bannerCssAsText(), coreFromRuntime(CONFIG_CHECK), languagesAsChunks(), resolve(), minify()],
  },
  {
    input: 'dist/embed/store-chunk.js',
    output: { file: 'dist/cookie-consent.store.js', format: 'iife' },
    treeshake: { propertyReadSideEffects: false },
    plugins: [coreFromRuntime(['core/storage/history.js', 'core/storage/database.js', 'core/gating/erase.js']), resolve(), minify()],
  },
  {
    input: 'dist/embed/debug-chunk.js',
    output: { file: 'dist/cookie-consent.debug.js', format: 'iife' },
    treeshake: { propertyReadSideEffects: false },
    plugins: [coreFromRuntime(['core/debug.js']), resolve(), minify()],
  },
  {
    input: 'dist/embed/delivery-chunk.js',
    output: { file: 'dist/cookie-consent.delivery.js', format: 'iife' },
    treeshake: { propertyReadSideEffects: false },
    plugins: [coreFromRuntime(['core/delivery/']), resolve(), minify()],
  },
  {
    input: 'dist/embed/embeds-chunk.js',
    output: { file: 'dist/cookie-consent.embeds.js', format: 'iife' },
    treeshake: { propertyReadSideEffects: false },
    plugins: [coreFromRuntime(['core/gating/embeds.js', 'core/gating/labels.js']), resolve(), minify()],
  },
  {
    input: 'dist/embed.js',
    output: { file: 'dist/cookie-consent.js', format: 'iife', sourcemap: true },
    plugins: [chunkManifest(), resolve(), minify()],
  },
];
