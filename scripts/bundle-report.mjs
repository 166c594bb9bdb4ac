/**
 * Printed at the end of `npm run build`: the script-tag file's size and its Subresource
 * Integrity hash, as the snippet a site pastes into its <head>.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = new URL('../dist/cookie-consent.js', import.meta.url);
const bytes = readFileSync(file);
const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

console.log(`dist/cookie-consent.js: ${kb(bytes.length)}, ${kb(gzipSync(bytes, { level: 9 }).length)} gzip`);
console.log('Serve every dist/cookie-consent* file (the .js files and their .map files) from one folder; the main file pins the others by hash.');
console.log(`<script src="https://your.cdn/cookie-consent-widget@${version}/dist/cookie-consent.js"
        integrity="${integrity}" crossorigin="anonymous"></script>`);
