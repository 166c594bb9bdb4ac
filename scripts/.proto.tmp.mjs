import { rollup } from 'rollup';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
const manifest = "export const CHUNK_MANIFEST = {core:{file:'cookie-consent.core.js?v=0123456789',integrity:'sha384-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/ABCDEFGHIJKLMNOPQRSTUVWXYZab'}};";
const b = await rollup({ input: '/tmp/proto/head.js', onwarn(){}, plugins: [{ name: 'x', resolveId(s, i) {
  if (s === './embeds.js' && i.endsWith('gating/start.js')) return '/work/main/dist/embed/lazy-embeds.js';
  if (s.endsWith('chunk-manifest.js')) return '\0man'; if (s === './runtime.js' && i.endsWith('lazy-embeds.js')) return '\0rt';
  return null; }, load(id) { return id === '\0man' ? manifest : id === '\0rt' ? 'export const pageRuntime = () => globalThis.__rt;' : null; } }] });
const { output } = await b.generate({ format: 'iife' });
const min = (await minify(output[0].code, { ecma: 2020, compress: { passes: 3 } })).code;
console.log('raw', min.length, 'gzip', gzipSync(min, { level: 9 }).length);
const { output: o2 } = await b.generate({ format: 'esm' });
for (const [id, m] of Object.entries(o2[0].modules)) { if (!m.code) continue; const mm = (await minify(m.code, { module: true, compress: false, mangle: false })).code || ''; console.log(String(mm.length).padStart(6), String(gzipSync(mm).length).padStart(6), id.replace('/work/main/dist/','')); }
