import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { postRecord, receiptFrom, recordFrom } from './helpers.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The README's node:http example: the js block that mounts the receiver at /consent-log. */
function readmeExample(): string {
  const blocks = [...readFileSync(join(repo, 'README.md'), 'utf8').matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
  const found = blocks.filter((block) => block.includes("basePath: '/consent-log'"));
  assert.equal(found.length, 1, 'one README example mounts the receiver at /consent-log with basePath');
  return found[0]!;
}

// Run as a site would: its own folder, the package and better-sqlite3 installed, a public/ folder.
describe('README: the receiver mounted at /consent-log/ beside static files (node:http)', () => {
  let folder: string;
  let child: ChildProcess;
  let url: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ccw-readme-mount-'));
    mkdirSync(join(folder, 'node_modules'));
    symlinkSync(repo, join(folder, 'node_modules', 'cookie-consent-widget'), 'dir');
    symlinkSync(join(repo, 'node_modules', 'better-sqlite3'), join(folder, 'node_modules', 'better-sqlite3'), 'dir');
    mkdirSync(join(folder, 'public'));
    writeFileSync(join(folder, 'public', 'index.html'), '<!doctype html><title>Shop</title>');
    writeFileSync(join(folder, 'server.mjs'), readmeExample());
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
    delete env.CONSENT_SECRET;
    delete env.CONSENT_ADMIN_TOKEN;
    child = spawn(process.execPath, ['server.mjs'], { cwd: folder, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await Promise.race([
      once(createInterface({ input: child.stdout! }), 'line'),
      once(child, 'exit').then(([code]) => Promise.reject(new Error(`the example exited with ${String(code)}`))),
    ])) as [string];
    url = line.trim().replace(/\/$/, '');
  });

  after(async () => {
    if (child.exitCode === null) {
      child.kill();
      await once(child, 'exit');
    }
    rmSync(folder, { recursive: true, force: true });
  });

  /** The status of a GET for `path` exactly as written. */
  const statusOf = (path: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const { hostname, port } = new URL(url);
      request({ hostname, port, path, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
        .on('error', reject)
        .end();
    });

  it('serves the site files and answers 404 for others', async () => {
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html/);
    assert.equal(await page.text(), '<!doctype html><title>Shop</title>');
    assert.equal((await fetch(`${url}/missing.html`)).status, 404);
    // fetch() would resolve the dots itself: sent as written, they must not leave ./public.
    for (const path of ['/../server.mjs', '/%2e%2e/server.mjs']) assert.equal(await statusOf(path), 404, path);
  });

  it('stores a record at /consent-log/consent and shows it to its visitor at /consent-log/consent/me', async () => {
    assert.deepEqual(await (await fetch(`${url}/consent-log/healthz`)).json(), { status: 'ok' });
    const record = recordFrom(url);
    const stored = await postRecord(`${url}/consent-log`, record);
    assert.equal(stored.status, 201);
    assert.match(stored.headers.get('set-cookie')!, /Path=\/consent-log\/consent/i);
    const mine = await fetch(`${url}/consent-log/consent/me`, { headers: { cookie: receiptFrom(stored)! } });
    assert.equal(mine.status, 200);
    assert.deepEqual(
      ((await mine.json()) as { records: { eventId: string }[] }).records.map((each) => each.eventId),
      [record.eventId],
    );
  });
});
