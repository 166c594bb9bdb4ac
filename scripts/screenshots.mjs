/**
 * `npm run screenshots`: PNGs of the banner and the preferences dialog, light and dark, 1280 and
 * 360 CSS px wide, left-to-right (English) and right-to-left (Arabic), into docs/screenshots/.
 * Drives Debian's Chromium through puppeteer-core against the demo server on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { browsers, chromiumArgs, installHint, missingBrowsers } from './browsers.mjs';

const chromium = browsers[0];
if (missingBrowsers().some((browser) => browser === chromium)) {
  console.error(installHint([chromium]));
  process.exit(1);
}

function startDemo() {
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, ['demo/serve.mjs'], { env: { ...process.env, PORT: '0' } });
    server.stdout.on('data', (chunk) => {
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(chunk))?.[0];
      if (url) resolve({ server, url });
    });
    server.stderr.pipe(process.stderr);
    server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
  });
}

const outDir = 'docs/screenshots';
mkdirSync(outDir, { recursive: true });
const { server, url } = await startDemo();
const browser = await puppeteer.launch({
  executablePath: chromium.path,
  headless: true,
  args: chromiumArgs,
});
const written = [];
try {
  for (const [direction, lang] of [
    ['ltr', 'en'],
    ['rtl', 'ar'],
  ]) {
    for (const theme of ['light', 'dark']) {
      for (const width of [1280, 360]) {
        for (const layer of ['banner', 'dialog']) {
          const context = await browser.createBrowserContext();
          const page = await context.newPage();
          await page.setViewport({ width, height: width > 500 ? 800 : 740 });
          await page.emulateMediaFeatures([
            { name: 'prefers-color-scheme', value: theme },
            { name: 'prefers-reduced-motion', value: 'reduce' },
          ]);
          await page.goto(`${url}preview.html?lang=${lang}&theme=${theme}`, { waitUntil: 'networkidle0' });
          await page.waitForFunction(() => document.querySelector('cookie-consent')?.shadowRoot?.querySelector('[part~="banner"]'));
          if (layer === 'dialog') {
            await page.evaluate(() => window.cookieConsent.showPreferences());
            await page.waitForFunction(() => document.querySelector('cookie-consent').shadowRoot.querySelector('dialog[part~="dialog"]')?.open);
          }
          const file = `${outDir}/${layer}-${theme}-${width}-${direction}.png`;
          await page.screenshot({ path: file });
          written.push(file);
          await context.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`Wrote ${written.length} screenshots:\n${written.join('\n')}`);
