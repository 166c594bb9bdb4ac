import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { installHint, missingBrowsers } from '../../scripts/browsers.mjs';
import { main } from '../../src/scanner/cli.js';

/** These tests run in real Chromium: without it they fail, saying how to install it. */
export function requireChromiumAndWidget(): void {
  const chromium = missingBrowsers().filter((browser) => browser.name === 'chromium');
  if (chromium.length > 0) throw new Error(installHint(chromium));
  if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'cookie-consent.js'))) {
    throw new Error('dist/cookie-consent.js is missing: run `npm run build` first (`npm test` does).');
  }
}

export interface ScanRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `cookie-consent-widget scan ...args`, with its output kept instead of printed. */
export async function runScan(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ScanRun> {
  const run = { stdout: '', stderr: '' };
  const sink = (key: 'stdout' | 'stderr') =>
    ({
      write(chunk: string) {
        run[key] += chunk;
        return true;
      },
    }) as unknown as NodeJS.WritableStream;
  const code = await main(['--quiet', ...args], { stdout: sink('stdout'), stderr: sink('stderr'), env });
  return { code, ...run };
}

export interface JsonLeak {
  kind: string;
  name: string;
  when: string;
  page: string;
  initiator: { kind: string; url?: string };
  alsoAfterReject: boolean;
  category: string | null;
}

export interface JsonItem {
  kind: string;
  name: string;
  scope: string;
  declared?: string;
  category?: string;
  required: boolean;
  widget: boolean;
  known?: { platform: string; category: string };
  seen: { beforeChoice: boolean; afterAccept: boolean; afterReject: boolean };
  first: { initiator: { kind: string; url?: string } };
}

export interface JsonScan {
  version: number;
  pages: string[];
  widgetFound: boolean;
  choices: { accept: string; reject: string };
  items: JsonItem[];
  leaks: JsonLeak[];
}
