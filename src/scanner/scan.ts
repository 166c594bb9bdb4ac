import { findChromium, launchChromium } from './browser.js';
import { classify } from './classify.js';
import { loadCookieDatabase } from './cookie-database.js';
import { crawlBeforeChoice, visitAfterChoice } from './phases.js';
import { toPageConfig } from './page-config.js';
import type { Progress } from './progress.js';
import type { PageConfig, ScanReport } from './types.js';

export interface ScanOptions {
  url: string;
  pages: number;
  timeoutMs: number;
  allowHosts: string[];
  progress: Progress;
  env?: NodeJS.ProcessEnv;
}

/** The same configuration on many pages is declared once. */
function distinct(configs: PageConfig[]): PageConfig[] {
  const seen = new Set<string>();
  return configs.filter((config) => {
    const key = JSON.stringify(config);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/**
 * Scans a site: the pages before any choice (finding them as it goes), then the same pages
 * after "Accept all" and after "Reject all", the two in parallel, each in a fresh context.
 * @throws ScanError when the scan cannot run.
 */
export async function scan(options: ScanOptions): Promise<ScanReport> {
  const started = Date.now();
  const executable = findChromium(options.env);
  const database = loadCookieDatabase();
  const browser = await launchChromium(executable);
  try {
    const settings = { browser, timeoutMs: options.timeoutMs, progress: options.progress };
    const crawl = await crawlBeforeChoice(options.url, options.pages, settings);
    const [accepted, rejected] = await Promise.all([visitAfterChoice(crawl.pages, 'accept', settings), visitAfterChoice(crawl.pages, 'reject', settings)]);
    const configs = distinct(crawl.configs.flatMap((raw) => toPageConfig(raw) ?? []));
    const { items, leaks } = classify([...crawl.observations, ...accepted.observations, ...rejected.observations], {
      database,
      configs,
      siteHost: new URL(crawl.origin).hostname,
      allowHosts: options.allowHosts,
    });
    return {
      startUrl: options.url,
      origin: crawl.origin,
      pages: crawl.pages,
      widgetFound: crawl.visits.some((visit) => visit.widget),
      choices: { accept: accepted.method, reject: rejected.method },
      items,
      leaks,
      configs,
      durationMs: Date.now() - started,
    };
  } finally {
    options.progress.done();
    await browser.close();
  }
}
