/** What the numbers were measured on, and whether the machine was quiet enough to trust them. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { CHROME_PATH, CPU_THROTTLE } from './browser.mjs';

/** Above this 1-minute load average on the bench's machine, timings are not a quiet machine's. */
export const QUIET_LOAD = 1.5;

const version = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')).version;

export const currentLoad = () => loadavg();
export const loadText = (load) => load.map((n) => n.toFixed(2)).join(' / ');

/** A warning when either load average (1 min) was above QUIET_LOAD, or null. */
export function loadWarning(before, after) {
  const worst = Math.max(before[0], after[0]);
  if (worst <= QUIET_LOAD) return null;
  return `warning: load average ${worst.toFixed(2)} (1 min) is above ${QUIET_LOAD}: the machine was not quiet, timings are inflated and noisy`;
}

export function describeHost(browserVersion, throttling) {
  const cpu = cpus();
  return [
    `- CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores; OS: ${process.platform} ${release()}; Node ${process.version}`,
    `- Browser: Chromium ${browserVersion} (headless, ${CHROME_PATH}), ${throttling}`,
  ].join('\n');
}

export function describeMachine(browserVersion) {
  return [
    describeHost(browserVersion, `CPU throttled ${CPU_THROTTLE}× (Emulation.setCPUThrottlingRate)`),
    `- Widgets: cookie-consent-widget ${version('package.json')} (dist/cookie-consent.js and the chunks it loads), vanilla-cookieconsent ${version('node_modules/vanilla-cookieconsent/package.json')} (cookieconsent.umd.js + cookieconsent.css + its config script), Orejime ${version('node_modules/orejime/package.json')} (orejime-standard-en.js + orejime-standard.css + its config script)`,
  ].join('\n');
}
