import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserType } from 'playwright-core';
import { ScanError } from './scan-error.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium's flags, shared with the project's tests: as root it runs only without the
 * sandbox, and on a build machine without internet its own background fetches (updates, sync)
 * only fail and slow it down.
 */
const CHROMIUM_FLAGS_FILE = new URL('../../data/chromium-flags.json', import.meta.url);

/** The system Chromium: CHROME_PATH when it names a file, else /usr/bin/chromium. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, fallback = DEFAULT_CHROMIUM): string {
  const candidates = [env['CHROME_PATH'], fallback].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const looked = env['CHROME_PATH']
    ? `CHROME_PATH (${env['CHROME_PATH']}) and ${fallback} do not exist`
    : `CHROME_PATH is not set and ${fallback} does not exist`;
  throw new ScanError(
    `Chromium not found: ${looked}. Install it with \`sudo apt-get install chromium\` (Debian, Ubuntu), or set CHROME_PATH to a Chrome or Chromium binary.`,
  );
}

/** playwright-core is an optional peer dependency: only the scanner needs it. */
async function loadChromium(): Promise<BrowserType> {
  try {
    return (await import('playwright-core')).chromium;
  } catch (error) {
    throw new ScanError(`the scanner needs playwright-core: npm install --save-dev playwright-core (${(error as Error).message})`);
  }
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  const chromium = await loadChromium();
  try {
    return await chromium.launch({ executablePath, headless: true, args: JSON.parse(readFileSync(CHROMIUM_FLAGS_FILE, 'utf8')) as string[] });
  } catch (error) {
    throw new ScanError(`Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`);
  }
}
