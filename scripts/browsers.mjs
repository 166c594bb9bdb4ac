import { existsSync, readFileSync } from 'node:fs';

/** The Debian browsers the tests drive; CHROME_PATH / FIREFOX_PATH point elsewhere. */
export const browsers = [
  { name: 'chromium', path: process.env.CHROME_PATH || '/usr/bin/chromium', env: 'CHROME_PATH', pkg: 'chromium' },
  {
    name: 'firefox',
    path: process.env.FIREFOX_PATH || '/usr/lib/firefox-esr/firefox-esr',
    env: 'FIREFOX_PATH',
    pkg: 'firefox-esr',
  },
];

/**
 * Chromium's flags for tests, screenshots and benchmarks: as root it needs no sandbox, and on a
 * machine without internet its background fetches only fail, many at a time. The cookie scanner
 * (src/scanner/browser.ts) launches Chromium with the same list, shipped in data/.
 */
export const chromiumArgs = JSON.parse(readFileSync(new URL('../data/chromium-flags.json', import.meta.url), 'utf8'));

export function missingBrowsers() {
  return browsers.filter((browser) => !existsSync(browser.path));
}

export function installHint(missing) {
  const names = missing.map((browser) => browser.name).join(' and ');
  const envs = missing.map((browser) => `${browser.env}=/path/to/${browser.name}`).join(' ');
  return (
    `${names} not found (looked at ${missing.map((browser) => browser.path).join(', ')}). ` +
    `Install: sudo apt-get update && sudo apt-get install -y chromium firefox-esr — or set ${envs}.`
  );
}
