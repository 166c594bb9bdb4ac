/**
 * `npm run size:modules [file]`: what the script-tag main file (or another file of the build,
 * e.g. `cookie-consent.banner.js`) is made of, by source module and by folder, so size work goes
 * where the bytes are. Run after `npm run build`.
 *
 * Gzip compresses the file as a whole, so a module has no size of its own: each module's
 * share is its minified size, measured alone, as a part of the file's real gzip size.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { minify } from 'terser';
import configs from '../rollup.config.mjs';

const root = fileURLToPath(new URL('../dist/', import.meta.url));
const file = process.argv[2] ?? 'cookie-consent.js';
const config = configs.find((entry) => entry.output.file === `dist/${file}`);
if (!config) {
  console.error(`dist/${file} is not a file of the script-tag build (rollup.config.mjs).`);
  process.exit(1);
}

// The build as rollup.config.mjs makes it, without the final minification, so every module's code is its own.
const bundle = await rollup({ ...config, plugins: config.plugins.filter((plugin) => plugin.name !== 'terser'), onwarn: () => undefined });
const { output } = await bundle.generate({ format: 'es' });
const modules = [];
for (const [id, module] of Object.entries(output[0].modules)) {
  if (!module.code) continue;
  // No compression: alone, a module's code looks unused and would be dropped.
  const { code } = await minify(module.code, { module: true, compress: false, mangle: true });
  modules.push({ name: id.startsWith(root) ? id.slice(root.length) : id.replace('\0', ''), minified: code?.length ?? 0 });
}

const gzip = gzipSync(readFileSync(new URL(`../dist/${file}`, import.meta.url)), { level: 9 }).length;
const minifiedTotal = modules.reduce((sum, module) => sum + module.minified, 0);
const share = (minified) => (minified / minifiedTotal) * gzip;
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const percent = (minified) => `${((minified / minifiedTotal) * 100).toFixed(1)} %`;

const folders = new Map();
for (const module of modules) {
  const folder = module.name.includes('/') ? module.name.slice(0, module.name.lastIndexOf('/')) : '(generated)';
  folders.set(folder, (folders.get(folder) ?? 0) + module.minified);
}

console.log(`dist/${file}: ${kb(gzip)} gzip, ${modules.length} modules\n`);
console.log('| folder | share of gzip | of the file |\n| --- | ---: | ---: |');
for (const [folder, minified] of [...folders].sort((a, b) => b[1] - a[1])) console.log(`| ${folder} | ${kb(share(minified))} | ${percent(minified)} |`);
console.log('\n| module | share of gzip | of the file |\n| --- | ---: | ---: |');
for (const module of modules.sort((a, b) => b.minified - a.minified))
  console.log(`| ${module.name} | ${kb(share(module.minified))} | ${percent(module.minified)} |`);
