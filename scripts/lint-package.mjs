/**
 * `npm run lint:package`: publint, then are-the-types-wrong on the tarball npm would publish.
 * Packs with --ignore-scripts: `npm test` has just built dist/, and prepack would build it again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result;
}

run('npx', ['publint', '--strict']);
const folder = mkdtempSync(join(tmpdir(), 'ccw-pack-'));
try {
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder], { encoding: 'utf8' });
  if (packed.status !== 0) {
    process.stderr.write(packed.stderr);
    process.exit(packed.status ?? 1);
  }
  const tarball = join(folder, packed.stdout.trim().split('\n').at(-1));
  run('npx', [
    'attw',
    tarball,
    '--profile',
    'esm-only',
    '--exclude-entrypoints',
    './cookie-consent.js',
    './package.json',
    './custom-elements.json',
    './schema/consent-record.schema.json',
  ]);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
