/**
 * `npm run size`: what a page downloads of the script-tag build, gzip and brotli (as a server
 * compresses it at its highest level), for a first visit and for a returning visitor, against
 * the budgets below. Run after `npm run build`.
 *
 * Two limits per visit. The budget is the goal (first visit 12 KB, returning visitor 4 KB gzip);
 * the build does not meet it yet, and `npm run size -- --budgets` fails until it does. The
 * ceiling is today's size plus a little: `npm test` fails when a change makes the widget bigger
 * than that, so the sizes can only go down while the budgets are out of reach.
 *
 * What each visit downloads is what test/fast-path/ checks in real browsers: a first visit the
 * main file and the banner chunk, which carries the configuration check and draws the banner
 * without Lit (English, so no language chunk; the styles are inside the chunk, as a constructed
 * stylesheet; no CSS file), a returning visitor the main file only. Lit and the preferences dialog (the interface chunk) load when the visitor opens them.
 * The configuration (four default categories, Consent Mode on) changes nothing downloaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1024;
const dist = (file) => new URL(`../dist/${file}`, import.meta.url);

// The ceilings rose by 0.4 KB (from 17.2 and 11.8) with two deliberate changes: a broken
// configuration is now handled on every page view (the held grants and the checked
// configuration's fingerprint) and the core's parts are injected by name instead of swapped
// in the bundler, whose property names the minifier keeps.
const visits = [
  { name: 'first visit (banner)', files: ['cookie-consent.js', 'cookie-consent.banner.js'], budget: 12 * KB, ceiling: 17.6 * KB },
  { name: 'returning visitor', files: ['cookie-consent.js'], budget: 4 * KB, ceiling: 12.2 * KB },
];
/** Not budgeted, reported so a site that records consent knows its cost. */
const extraVisits = [
  { name: 'first visit, with an endpoint (banner + receipts + delivery)', files: ['cookie-consent.js', 'cookie-consent.banner.js', 'cookie-consent.store.js', 'cookie-consent.delivery.js'] },
  { name: 'opening the preferences adds (Lit, the dialog)', files: ['cookie-consent.ui.js'] },
  { name: 'a page with a gated iframe adds', files: ['cookie-consent.embeds.js'] },
  { name: 'the first decision or look at the history adds (IndexedDB)', files: ['cookie-consent.store.js'] },
];
const enforceBudgets = process.argv.includes('--budgets');
const languages = ['lv', 'ru', 'de', 'fr', 'es', 'ar'];

function sizes(file) {
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
for (const file of ['cookie-consent.js', 'cookie-consent.banner.js', 'cookie-consent.ui.js', 'cookie-consent.delivery.js', 'cookie-consent.embeds.js', 'cookie-consent.store.js', ...languages.map((lang) => `cookie-consent.${lang}.js`), 'cookie-consent.debug.js']) {
  const size = sizes(file);
  lines.push(row([`dist/${file}`, kb(size.raw), kb(size.gzip), kb(size.brotli)]));
}
lines.push(
  '',
  row(['visit', 'files', 'gzip', 'brotli', 'budget (gzip)', 'budget met', 'ceiling (gzip)']),
  row(['---', '---', '---:', '---:', '---:', '---', '---:']),
);

let over = 0;
let aboveCeiling = 0;
for (const visit of visits) {
  const total = visit.files.map(sizes).reduce((sum, size) => ({ gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }), { gzip: 0, brotli: 0 });
  const ok = total.gzip <= visit.budget;
  if (!ok) over++;
  if (total.gzip > visit.ceiling) aboveCeiling++;
  const verdict = ok ? 'yes' : `no: over by ${kb(total.gzip - visit.budget)} (${(total.gzip / visit.budget).toFixed(2)}×)`;
  const ceiling = `${kb(visit.ceiling)}${total.gzip > visit.ceiling ? ' EXCEEDED' : ''}`;
  lines.push(row([visit.name, visit.files.join(' + '), kb(total.gzip), kb(total.brotli), kb(visit.budget), verdict, ceiling]));
}
for (const visit of extraVisits) {
  const total = visit.files.map(sizes).reduce((sum, size) => ({ gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }), { gzip: 0, brotli: 0 });
  lines.push(row([visit.name, visit.files.join(' + '), kb(total.gzip), kb(total.brotli), '—', '—', '—']));
}
lines.push('', 'A non-English page adds its language chunk to a first visit; debug mode (`debug: true`) adds the debug chunk. 1 KB = 1024 bytes.');
console.log(lines.join('\n'));
if (aboveCeiling > 0) {
  console.error(`\n${aboveCeiling} size ceiling(s) exceeded: this change made the widget bigger.`);
  process.exit(1);
}
if (over > 0) console.log(`\n${over} size budget(s) not met yet.`);
if (over > 0 && enforceBudgets) {
  process.exit(1);
}
