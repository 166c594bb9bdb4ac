export interface BrowserInstall {
  name: 'chromium' | 'firefox';
  path: string;
  env: string;
  pkg: string;
}
export const browsers: [BrowserInstall, BrowserInstall];
export const chromiumArgs: string[];
export function missingBrowsers(): BrowserInstall[];
export function installHint(missing: BrowserInstall[]): string;
