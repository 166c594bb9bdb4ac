import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { requireChromiumAndWidget, type JsonScan } from './scan-helpers.js';

// The demo shop as the README scans it: the real server and `npx cookie-consent-widget scan`
// through the package's bin (the built dist/scanner/).
const root = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'demo-scan-'));
let server: ChildProcess;
let origin = '';

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: dataDir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('scanning the demo shop', { timeout: 300_000 }, () => {
  before(async () => {
    requireChromiumAndWidget();
    assert.ok(existsSync(join(root, 'dist', 'scanner', 'cli.js')), 'dist/scanner/cli.js is missing: run `npm run build` first');
    server = spawn(process.execPath, [join(root, 'demo', 'serve.mjs')], {
      env: { ...process.env, PORT: '0', DEMO_DATABASE: join(dataDir, 'records.sqlite') },
    });
    origin = await new Promise((resolve, reject) => {
      server.stdout!.on('data', (chunk) => {
        const url = /http:\/\/127\.0\.0\.1:\d+/.exec(String(chunk))?.[0];
        if (url) resolve(url);
      });
      server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
    });
  });
  after(() => {
    server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('comes out clean, having seen what each choice sets', async () => {
    const bin = join(root, 'bin', 'cookie-consent-widget.mjs');
    const { code, stdout, stderr } = await run(process.execPath, [bin, 'scan', `${origin}/`, '--json']);
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout) as JsonScan;
    assert.deepEqual(json.leaks, []);
    // The start page redirects to the Latvian shop; the English one is found from its links.
    assert.equal(json.pages[0], `${origin}/lv/`);
    assert.deepEqual(json.pages.map((page) => new URL(page).pathname).sort(), [
      '/en/',
      '/en/choices.html',
      '/en/privacy.html',
      '/lv/',
      '/lv/choices.html',
      '/lv/privacy.html',
    ]);
    assert.deepEqual(json.choices, { accept: 'api', reject: 'api' });
    const seen = (name: string) => json.items.find((item) => item.name === name);
    // Not vacuous: the gated scripts did run after "Accept all", and only then.
    assert.deepEqual(seen('demo_analytics_views')?.seen, { beforeChoice: false, afterAccept: true, afterReject: false });
    assert.equal(seen('demo_analytics_views')?.first.initiator.url, `${origin}/analytics.js`);
    assert.deepEqual(seen('demo_promo')?.seen, { beforeChoice: false, afterAccept: true, afterReject: false });
    assert.equal(seen('demo_promo')?.declared, 'promotional');
    assert.equal(seen('cookie_consent')?.widget, true);
    // The default HTML report, next to where the command ran.
    assert.match(readFileSync(join(dataDir, 'cookie-scan-report.html'), 'utf8'), /<h2>Clean<\/h2>/);
  });
});
