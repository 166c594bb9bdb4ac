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
 *   the interface. Its element is handed the main file's manager (src/embed/ui-chunk.ts).
 * - dist/cookie-consent.<lang>.js: one per non-English language, loaded by the interface.
 * - dist/cookie-consent.debug.js: debug mode, loaded only with `debug: true`.
 *
 * The chunks are classic scripts (IIFE) too: a script element the loader creates gets the
 * page's nonce, an SRI hash and a Trusted Types URL, which `import()` cannot all be given.
 * They are built first, so the main file can pin their hashes. Each chunk is its entry's module
 * graph as written: no plugin here points an import at another module. A chunk carries its own
 * copy of the small core helpers it uses; what must be one per page (the manager, the Trusted
 * Types policy, the warnings) is handed over or kept under a Symbol.for key.
 */
const dist = (path) => fileURLToPath(new URL(`dist/${path}`, import.meta.url));
const LANGUAGES = ['lv', 'ru', 'de', 'fr', 'es', 'ar'];
/** Loaded by the main file on demand, each built before it so it can pin their hashes. */
const CHUNKS = ['ui', 'banner', 'debug', 'delivery', 'embeds', 'store'];

const minify = () => terser({ ecma: 2020, module: false, format: { comments: false }, compress: { passes: 3 } });
const resolve = () => nodeResolve({ browser: true, exportConditions: ['production'] });

/**
 * A chunk's SRI hash, which the loader also makes its file's query from (src/embed/chunks.ts).
 * SHA-256: every page view downloads the main file's pins, and a hash is bytes gzip cannot shrink.
 */
function pinned(name) {
  return `sha256-${createHash('sha256')
    .update(readFileSync(dist(`cookie-consent.${name}.js`)))
    .digest('base64')}`;
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
 * Modules whose exports are data computed from src/ui (the banner's styles in
 * src/embed/banner-css.ts; the settings button's styles and labels in src/embed/settings-look.ts):
 * evaluated here, at build time, and written in as literals, so a file carries the text and not
 * Lit or every translation. Styles (exports named *_CSS) are squeezed as well.
 */
function valuesAtBuildTime(modules) {
  return {
    name: 'values-at-build-time',
    async load(id) {
      const module = modules.find((path) => id === dist(path));
      if (!module) return null;
      const values = await import(dist(module));
      return Object.entries(values)
        .map(([name, value]) => `export const ${name} = ${JSON.stringify(name.endsWith('_CSS') ? squeezeCss(value) : value)};`)
        .join('\n');
    },
  };
}
const bannerCssAsText = () => valuesAtBuildTime(['embed/banner-css.js']);
const settingsLookAsText = () => valuesAtBuildTime(['embed/settings-look.js']);

/**
 * Whitespace and comments out of the interface's css`` templates: a visitor downloads the
 * styles with every first visit, indentation included. Spaces inside values are kept (one each).
 */
function minifyCssTemplates() {
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!id.startsWith(dist('ui/'))) return null;
      const out = code.replace(
        /\bcss ?`([^`]*)`/g,
        (whole, body) =>
          'css`' +
          body
            .split(/(\$\{[^}]*\})/)
            .map((part, i) => (i % 2 ? part : squeezeCss(part)))
            .join('') +
          '`',
      );
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Fills in a table of SRI hashes that src/ leaves empty (src/embed/chunk-manifest.ts for the
 * main file's chunks, src/embed/language-pins.ts for the languages): data only, from the chunks
 * just written; the module keeps its name and its one export.
 */
function pinsInto(module, exportName, names) {
  return {
    name: `pins-into-${exportName}`,
    load(id) {
      if (id !== dist(module)) return null;
      const pins = Object.fromEntries(names.map((name) => [name, pinned(name)]));
      return `export const ${exportName} = ${JSON.stringify(pins)};`;
    },
  };
}
const chunkManifest = () => pinsInto('embed/chunk-manifest.js', 'CHUNK_MANIFEST', CHUNKS);
const languagePins = () => pinsInto('embed/language-pins.js', 'LANGUAGE_PINS', LANGUAGES);

const languageEntry = (lang) => ({
  name: 'language-entry',
  resolveId: (id) => (id === `\0language:${lang}` ? id : null),
  load: (id) =>
    id === `\0language:${lang}`
      ? `import { ${lang} } from ${JSON.stringify(dist(`ui/i18n/${lang}.js`))};\nimport { pageRuntime } from ${JSON.stringify(dist('embed/runtime.js'))};\npageRuntime().provide(${JSON.stringify(lang)}, { ${lang} });`
      : null,
});

export default [
  // First: the interface and the banner pin the language chunks' hashes.
  ...LANGUAGES.map((lang) => ({
    input: `\0language:${lang}`,
    output: { file: `dist/cookie-consent.${lang}.js`, format: 'iife' },
    plugins: [languageEntry(lang), resolve(), minify()],
  })),
  {
    input: 'dist/embed/ui-chunk.js',
    output: { file: 'dist/cookie-consent.ui.js', format: 'iife', sourcemap: true },
    treeshake: { propertyReadSideEffects: false },
    plugins: [languagePins(), minifyCssTemplates(), resolve(), minify()],
  },
  {
    input: 'dist/embed/banner-chunk.js',
    output: { file: 'dist/cookie-consent.banner.js', format: 'iife' },
    treeshake: { propertyReadSideEffects: false },
    plugins: [bannerCssAsText(), languagePins(), resolve(), minify()],
  },
  {
    input: 'dist/embed/store-chunk.js',
    output: { file: 'dist/cookie-consent.store.js', format: 'iife' },
    treeshake: { propertyReadSideEffects: false },
    plugins: [resolve(), minify()],
  },
  {
    input: 'dist/embed/debug-chunk.js',
    output: { file: 'dist/cookie-consent.debug.js', format: 'iife' },
    treeshake: { propertyReadSideEffects: false },
    plugins: [resolve(), minify()],
  },
  {
    input: 'dist/embed/delivery-chunk.js',
    output: { file: 'dist/cookie-consent.delivery.js', format: 'iife' },
    treeshake: { propertyReadSideEffects: false },
    plugins: [resolve(), minify()],
  },
  {
    input: 'dist/embed/embeds-chunk.js',
    output: { file: 'dist/cookie-consent.embeds.js', format: 'iife' },
    treeshake: { propertyReadSideEffects: false },
    plugins: [resolve(), minify()],
  },
  {
    input: 'dist/embed.js',
    output: { file: 'dist/cookie-consent.js', format: 'iife', sourcemap: true },
    plugins: [chunkManifest(), settingsLookAsText(), resolve(), minify()],
  },
];
