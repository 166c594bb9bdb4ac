/**
 * `npm run size:npm`: what a framework user's bundle ships for `import 'cookie-consent-widget/define'`.
 * Bundles that one line with esbuild (minified, ES modules, code splitting on, as Vite and most
 * app bundlers do) against the built package in dist/, then reports the gzip size of the initial
 * chunk (what the page loads up front) and of each chunk it imports on demand. Run after
 * `npm run build`; `--json` prints the numbers for other scripts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const KB = 1024;
/** vanilla-cookieconsent 3.1's bundle, which the initial chunk is held against (bench/results.md). */
const LIMIT_KB = 15;
const root = fileURLToPath(new URL('..', import.meta.url));

export async function measureNpmBundle() {
  const work = mkdtempSync(join(tmpdir(), 'ccw-npm-bundle-'));
  try {
    // The package installed by its name, so the bundler goes through its exports map as in an app.
    mkdirSync(join(work, 'node_modules'));
    symlinkSync(root, join(work, 'node_modules', 'cookie-consent-widget'), 'dir');
    const entry = join(work, 'app.js');
    writeFileSync(entry, "import 'cookie-consent-widget/define';\n");
    const out = join(work, 'out');
    const { metafile } = await build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      platform: 'browser',
      outdir: out,
      logLevel: 'error',
      metafile: true,
    });
    const files = readdirSync(out).filter((file) => file.endsWith('.js'));
    const gzip = (file) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
    // What app.js imports statically, and what those import statically, loads up front with it.
    const outputs = new Map(Object.entries(metafile.outputs).map(([path, output]) => [basename(path), output]));
    const upFront = ['app.js'];
    for (const file of upFront) {
      for (const imported of outputs.get(file).imports) {
        if (imported.kind === 'import-statement' && !upFront.includes(basename(imported.path))) upFront.push(basename(imported.path));
      }
    }
    const onDemand = files.filter((file) => !upFront.includes(file));
    return {
      initialBytes: upFront.reduce((sum, file) => sum + gzip(file), 0),
      onDemand: onDemand.map((file) => ({ file, bytes: gzip(file), text: readFileSync(join(out, file), 'utf8') })),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { initialBytes, onDemand } = await measureNpmBundle();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ initialBytes, onDemand: onDemand.map(({ file, bytes }) => ({ file, bytes })) }));
  } else {
    const verdict = initialBytes <= LIMIT_KB * KB ? 'within' : 'over';
    console.log(`esbuild bundle of import 'cookie-consent-widget/define' (minified, splitting):`);
    console.log(`  initial chunk: ${(initialBytes / KB).toFixed(2)} KB gzip (${verdict} vanilla-cookieconsent's ${LIMIT_KB} KB)`);
    for (const { file, bytes, text } of onDemand) {
      const what = /cc-preferences/.test(text) ? 'the preferences dialog' : /bannerTitle/.test(text) ? 'a language' : 'other';
      console.log(`  on demand: ${file} ${(bytes / KB).toFixed(2)} KB gzip (${what})`);
    }
  }
}
