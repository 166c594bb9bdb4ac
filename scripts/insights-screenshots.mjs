/**
 * `npm run screenshots:insights`: PNGs of the receiver's insights page over the demo's seeded
 * month, light and dark, into docs/screenshots/: the whole page at 1280 CSS px, and its first figure.
 * Starts the demo server on a fresh database (so the seeded month ends today), or uses
 * INSIGHTS_URL (an insights page already running).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { browsers, chromiumArgs, installHint, missingBrowsers } from './browsers.mjs';

const chromium = browsers[0];
if (missingBrowsers().some((browser) => browser === chromium)) {
  console.error(installHint([chromium]));
  process.exit(1);
}

function startDemo(databaseDir) {
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, ['demo/serve.mjs'], {
      env: { ...process.env, PORT: '0', DEMO_DATABASE: join(databaseDir, 'records.sqlite') },
    });
    server.stdout.on('data', (chunk) => {
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(chunk))?.[0];
      if (url) resolve({ server, url: `${url}api/admin/insights` });
    });
    server.stderr.pipe(process.stderr);
    server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
  });
}

const outDir = 'docs/screenshots';
mkdirSync(outDir, { recursive: true });
const databaseDir = mkdtempSync(join(tmpdir(), 'insights-shots-'));
const demo = process.env.INSIGHTS_URL ? null : await startDemo(databaseDir);
const url = process.env.INSIGHTS_URL ?? demo.url;
const browser = await puppeteer.launch({ executablePath: chromium.path, headless: true, args: chromiumArgs });
const written = [];
try {
  for (const theme of ['light', 'dark']) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    await page.goto(url, { waitUntil: 'networkidle0' });
    const full = `${outDir}/insights-${theme}.png`;
    await page.screenshot({ path: full, fullPage: true });
    const figure = `${outDir}/insights-categories-${theme}.png`;
    await (await page.$('section[aria-labelledby="fig-categories-h"]')).screenshot({ path: figure });
    written.push(full, figure);
    await context.close();
  }
} finally {
  await browser.close();
  demo?.server.kill();
  rmSync(databaseDir, { recursive: true, force: true });
}
console.log(`Wrote ${written.length} screenshots:\n${written.join('\n')}`);
