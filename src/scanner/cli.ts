import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveConfig } from '../core/config.js';
import { configSkeleton } from './config-skeleton.js';
import { createProgress } from './progress.js';
import { htmlReport } from './report-html.js';
import { jsonReport } from './report-json.js';
import { terminalReport } from './report-terminal.js';
import { scan } from './scan.js';
import { ScanError } from './scan-error.js';

const USAGE = `Usage: cookie-consent-widget scan <url> [options]

Visits up to --pages same-origin pages of <url> in headless Chromium three times (before any
choice, after "Accept all", after "Reject all") and lists every cookie, storage key, IndexedDB
database and third-party request, what set it, and whether the consent configuration declares it.

Options:
  --pages N          pages to visit, found from links and sitemap.xml (default 20)
  --json             print the report as JSON on stdout instead of the text report
  --html FILE        write the HTML report to FILE (default cookie-scan-report.html)
  --no-html          write no HTML report
  --config FILE      write a configuration (JSON) with cookie tables for what was found
  --allow-host HOST  a third-party host the site needs before any choice (repeatable)
  --timeout SECONDS  how long a page may take to load (default 30)
  --quiet            no progress on stderr

Chromium: CHROME_PATH, else /usr/bin/chromium (Debian: sudo apt-get install chromium).
Exit codes: 0 clean; 1 something not required was set before consent or after "Reject all";
2 the scan could not run.`;

const MAX_PAGES = 1000;

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
}

function positiveInteger(value: string | undefined, option: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new ScanError(`${option} must be a whole number from 1 to ${max}, got "${value}"`);
  return number;
}

function startUrl(value: string | undefined): string {
  if (!value) throw new ScanError('give the URL to scan: cookie-consent-widget scan https://example.com/');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ScanError(`"${value}" is not a URL; give a full one, such as https://example.com/`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ScanError(`only http and https sites can be scanned, got "${value}"`);
  return url.href;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        pages: { type: 'string' },
        json: { type: 'boolean' },
        html: { type: 'string' },
        'no-html': { type: 'boolean' },
        config: { type: 'string' },
        'allow-host': { type: 'string', multiple: true },
        timeout: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new ScanError(`${(error as Error).message} (see --help)`);
  }
}

/** `cookie-consent-widget scan`: returns the exit code. */
export async function main(args: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  try {
    const { values, positionals } = parse(args);
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new ScanError(`give one URL to scan, got ${positionals.length}: ${positionals.join(' ')}`);
    const report = await scan({
      url: startUrl(positionals[0]),
      pages: positiveInteger(values.pages, '--pages', 20, MAX_PAGES),
      timeoutMs: positiveInteger(values.timeout, '--timeout', 30, 600) * 1000,
      allowHosts: (values['allow-host'] ?? []).map((host) => host.toLowerCase()),
      progress: createProgress(io.stderr, values.quiet),
      env: io.env,
    });
    io.stdout.write(`${values.json ? jsonReport(report) : terminalReport(report)}\n`);
    if (!values['no-html']) {
      const file = values.html ?? 'cookie-scan-report.html';
      writeFileSync(file, htmlReport(report));
      io.stderr.write(`HTML report: ${file}\n`);
    }
    if (values.config) {
      const skeleton = configSkeleton(report);
      // The widget must accept it as it is: the same check the widget runs at start.
      resolveConfig(skeleton);
      writeFileSync(values.config, `${JSON.stringify(skeleton, null, 2)}\n`);
      io.stderr.write(`Configuration: ${values.config}\n`);
    }
    return report.leaks.length > 0 ? 1 : 0;
  } catch (error) {
    const message = error instanceof ScanError ? error.message : `the scan failed: ${(error as Error).stack ?? String(error)}`;
    io.stderr.write(`cookie-consent-widget scan: ${message}\n`);
    return 2;
  }
}
