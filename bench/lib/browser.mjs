/** Headless Debian Chromium for the bench, and pages opened in it with the CPU throttled. */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../../scripts/browsers.mjs';

export const CPU_THROTTLE = 4;
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const probeScript = readFileSync(new URL('../widgets/probe.js', import.meta.url), 'utf8');

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: [
      ...chromiumArgs,
      // vanilla-cookieconsent hides itself from navigator.webdriver browsers; show it as to a person.
      '--disable-blink-features=AutomationControlled',
    ],
  });
}

/** A fresh visitor: a new context with the bench's probe added to every page it opens. */
export async function newVisitor(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: probeScript });
  return context;
}

/**
 * Opens `url` in a new page of `context`, throttled. `beforeNavigation(cdp)` runs once the page
 * exists and before it navigates (the profiler starts there).
 */
export async function openPage(context, url, beforeNavigation = async () => {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await beforeNavigation(cdp);
  await page.goto(url, { waitUntil: 'load' });
  return { page, cdp };
}

export const waitForBanner = (page) => page.waitForFunction(() => window.__probe.bannerAt !== null, null, { timeout: 20_000, polling: 50 });

export const waitForGatedScript = (page, polling = 50) => page.waitForFunction(() => window.__analyticsRanAt !== undefined, null, { timeout: 20_000, polling });

/** Clicks the widget's "Accept all"; resolves to `performance.now()` just before the click. */
export function clickAccept(page, widget) {
  return page.evaluate((accept) => {
    const button = new Function(`return (${accept})()`)();
    if (!button) throw new Error(`no "Accept all" button found by ${accept}`);
    const at = performance.now();
    button.click();
    return at;
  }, widget.accept.toString());
}
