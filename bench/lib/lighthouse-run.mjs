/**
 * One Lighthouse 12 run with its default (mobile) configuration, in a fresh headless Debian
 * Chromium launched by playwright-core with a DevTools port for Lighthouse to drive.
 */
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../../scripts/browsers.mjs';
import { CHROME_PATH } from './browser.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** { lhr, browserVersion } for `url`; throws with Lighthouse's reason when the run failed. */
export async function lighthouseRun(url) {
  const port = await freePort();
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...chromiumArgs, `--remote-debugging-port=${port}`] });
  try {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return { lhr: result.lhr, browserVersion: browser.version() };
  } finally {
    await browser.close().catch(() => undefined);
  }
}
