/**
 * `npm run size`: what a page downloads of the script-tag build, gzip and brotli (as a server
 * compresses it at its highest level), for a first visit and for a returning visitor, and what an
 * app bundler's first chunk carries of `import 'cookie-consent-widget/define'` (esbuild, see
 * scripts/npm-bundle.mjs). Run after `npm run build`.
 *
 * Each has a ceiling, today's size plus a little: `npm test` fails when a change makes the widget
 * bigger than that, so sizes only go down unless a change says why they rise. How the sizes
 * compare with vanilla-cookieconsent and Orejime is measured by `npm run bench` (bench/results.md).
 *
 * What each visit downloads is what test/fast-path/ checks in real browsers: a first visit the
 * main file and the banner chunk, which carries the configuration check and draws the banner
 * without Lit (English, so no language chunk; the styles are inside the chunk, as a constructed
 * stylesheet; no CSS file), a returning visitor the main file only. Lit and the preferences
 * dialog (the interface chunk) load when the visitor opens them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { measureNpmBundle } from './npm-bundle.mjs';

const KB = 1024;
const dist = (file) => new URL(`../dist/${file}`, import.meta.url);

// The ceilings rose with deliberate changes, each of which says what it bought: 0.4 KB when a broken
// configuration came to be handled on every page view and the core's parts were injected by
// name; 0.3 KB when the settings button took its styles (the theme's button tokens) and labels
// from src/ui instead of a hand-made copy, and the head UI was cut into small units; 0.38 KB (npm:
// 0.36 KB), exactly what it measured, when the language became switchable while the widget shows
// (setLanguage(), the element's lang, following <html lang>): the manager picks and watches the
// language, and the head UI redraws the banner and the settings button, keeping focus, in the main file.
const visits = [
  { name: 'first visit (banner)', files: ['cookie-consent.js', 'cookie-consent.banner.js'], ceiling: 18.28 * KB },
  { name: 'returning visitor', files: ['cookie-consent.js'], ceiling: 12.88 * KB },
];
/** The first chunk of an app that imports 'cookie-consent-widget/define' (esbuild, minified, splitting). */
const NPM_INITIAL_CEILING = 25.16 * KB;
/** Reported so a site knows what each feature costs. */
const extraVisits = [
  {
    name: 'first visit, with an endpoint (banner + receipts + delivery)',
    files: ['cookie-consent.js', 'cookie-consent.banner.js', 'cookie-consent.store.js', 'cookie-consent.delivery.js'],
  },
  { name: 'opening the preferences adds (Lit, the dialog)', files: ['cookie-consent.ui.js'] },
  { name: 'a page with a gated iframe adds', files: ['cookie-consent.embeds.js'] },
  { name: 'without an endpoint, the first decision or opening the preferences after one adds (IndexedDB)', files: ['cookie-consent.store.js'] },
];
const languages = ['lv', 'ru', 'de', 'fr', 'es', 'ar'];

/** Each file is compressed once, however many visits count it. */
const measured = new Map();
const sizes = (file) => {
  if (!measured.has(file)) measured.set(file, measure(file));
  return measured.get(file);
};

function measure(file) {
  if (!existsSync(dist(file))) {
    console.error(`dist/${file} is missing: run npm run build first.`);
    process.exit(1);
  }
  const bytes = readFileSync(dist(file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const row = (cells) => `| ${cells.join(' | ')} |`;

const lines = [row(['file', 'raw', 'gzip', 'brotli']), row(['---', '---:', '---:', '---:'])];
for (const file of [
  'cookie-consent.js',
  'cookie-consent.banner.js',
  'cookie-consent.ui.js',
  'cookie-consent.delivery.js',
  'cookie-consent.embeds.js',
  'cookie-consent.store.js',
  ...languages.map((lang) => `cookie-consent.${lang}.js`),
  'cookie-consent.debug.js',
]) {
  const size = sizes(file);
  lines.push(row([`dist/${file}`, kb(size.raw), kb(size.gzip), kb(size.brotli)]));
}
lines.push('', row(['visit', 'files', 'gzip', 'brotli', 'ceiling (gzip)']), row(['---', '---', '---:', '---:', '---:']));

let aboveCeiling = 0;
const total = (files) => files.map(sizes).reduce((sum, size) => ({ gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }), { gzip: 0, brotli: 0 });
for (const visit of visits) {
  const { gzip, brotli } = total(visit.files);
  if (gzip > visit.ceiling) aboveCeiling++;
  lines.push(row([visit.name, visit.files.join(' + '), kb(gzip), kb(brotli), `${kb(visit.ceiling)}${gzip > visit.ceiling ? ' EXCEEDED' : ''}`]));
}
for (const visit of extraVisits) {
  const { gzip, brotli } = total(visit.files);
  lines.push(row([visit.name, visit.files.join(' + '), kb(gzip), kb(brotli), '—']));
}
const npm = await measureNpmBundle();
if (npm.initialBytes > NPM_INITIAL_CEILING) aboveCeiling++;
const npmCeiling = `${kb(NPM_INITIAL_CEILING)}${npm.initialBytes > NPM_INITIAL_CEILING ? ' EXCEEDED' : ''}`;
lines.push(
  row(["npm: an app's first chunk with `import 'cookie-consent-widget/define'`", 'esbuild, minified, splitting', kb(npm.initialBytes), '—', npmCeiling]),
);
lines.push(
  row([
    'npm: on demand (dialog, delivery, receipts, embeds, debug, 6 languages)',
    `${npm.onDemand.length} chunks`,
    kb(npm.onDemand.reduce((sum, chunk) => sum + chunk.bytes, 0)),
    '—',
    '—',
  ]),
);
lines.push('', 'A non-English page adds its language chunk to a first visit; debug mode (`debug: true`) adds the debug chunk. 1 KB = 1024 bytes.');
console.log(lines.join('\n'));
if (aboveCeiling > 0) {
  console.error(`\n${aboveCeiling} size ceiling(s) exceeded: this change made the widget bigger.`);
  process.exit(1);
}
