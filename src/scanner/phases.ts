import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeChoice, type Choice } from './choice.js';
import { PhaseRecorder } from './collect.js';
import { CrawlQueue, readLinks, sitemapUrls } from './crawl.js';
import { trackNetwork } from './network-quiet.js';
import { readPageConfig, type RawPageConfig } from './page-config.js';
import type { Progress } from './progress.js';
import { ScanError } from './scan-error.js';
import type { Observation, PageVisit, Phase } from './types.js';

export interface PhaseSettings {
  browser: Browser;
  timeoutMs: number;
  progress: Progress;
}

interface PhaseBrowser {
  context: BrowserContext;
  page: Page;
  recorder: PhaseRecorder;
  quiet: ReturnType<typeof trackNetwork>;
}

/** A fresh context per phase: nothing one phase stores reaches the next. */
async function openPhase(browser: Browser, phase: Phase, siteHost: string): Promise<PhaseBrowser> {
  const context = await browser.newContext();
  const recorder = new PhaseRecorder(phase);
  recorder.siteHost = siteHost;
  await recorder.attach(context);
  const page = await context.newPage();
  const quiet = trackNetwork(page);
  await recorder.watch(page);
  return { context, page, recorder, quiet };
}

interface Loaded {
  url: string;
  status: number | null;
  html: boolean;
}

/** Loads a page and waits for it to settle; observations made meanwhile are labelled with its final URL. */
async function load({ page, recorder, quiet }: PhaseBrowser, url: string, timeoutMs: number): Promise<Loaded> {
  const firstObservation = recorder.observations.length;
  recorder.page = url;
  const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  await quiet();
  const finalUrl = new URL(page.url());
  finalUrl.hash = '';
  recorder.page = finalUrl.href;
  for (const observation of recorder.observations.slice(firstObservation)) observation.page = finalUrl.href;
  const type = (await response?.headerValue('content-type')) ?? 'text/html';
  return { url: finalUrl.href, status: response?.status() ?? null, html: /html/i.test(type) };
}

export interface CrawlResult {
  origin: string;
  pages: string[];
  visits: PageVisit[];
  configs: RawPageConfig[];
  observations: Observation[];
}

/**
 * The first phase, which also finds the pages: the start page (after its redirects), then its
 * same-origin links and the sitemap's pages, breadth first, up to `limit` pages; no choice is made.
 */
export async function crawlBeforeChoice(startUrl: string, limit: number, settings: PhaseSettings): Promise<CrawlResult> {
  const phase = await openPhase(settings.browser, 'before', new URL(startUrl).hostname);
  try {
    settings.progress.total(limit * 3 + 2);
    let start: Loaded;
    try {
      start = await load(phase, startUrl, settings.timeoutMs);
    } catch (error) {
      throw new ScanError(`the start page ${startUrl} could not be loaded: ${(error as Error).message.split('\n')[0]}`);
    }
    if (start.status !== null && start.status >= 400) throw new ScanError(`the start page ${startUrl} answered HTTP ${start.status}`);
    if (!start.html) throw new ScanError(`the start page ${startUrl} is not an HTML page`);
    const origin = new URL(start.url).origin;
    phase.recorder.siteHost = new URL(origin).hostname;
    const queue = new CrawlQueue(origin, limit);
    const visits: PageVisit[] = [];
    const configs: RawPageConfig[] = [];
    const record = async (loaded: Loaded) => {
      await phase.recorder.snapshot(phase.page);
      const config = await phase.page.evaluate(readPageConfig);
      configs.push(config);
      visits.push({ url: loaded.url, phase: 'before', status: loaded.status, widget: config.widget });
      queue.add(await phase.page.evaluate(readLinks));
    };
    queue.visited(start.url);
    settings.progress.step(`before any choice: ${start.url}`);
    await record(start);
    queue.add(await sitemapUrls(origin, settings.timeoutMs));
    for (let url = queue.next(); url; url = queue.next()) {
      const loaded = await load(phase, url, settings.timeoutMs).catch(() => undefined);
      if (!loaded || !loaded.html || loaded.status === null || loaded.status >= 400 || new URL(loaded.url).origin !== origin) continue;
      if (!queue.visited(loaded.url)) continue;
      settings.progress.step(`before any choice: ${loaded.url}`);
      await record(loaded);
    }
    settings.progress.total(queue.pages.length * 3 + 2);
    return { origin, pages: queue.pages, visits, configs, observations: phase.recorder.observations };
  } finally {
    await phase.context.close();
  }
}

export interface ChoiceResult {
  method: 'api' | 'button' | 'none';
  observations: Observation[];
}

/**
 * The second and third phases: the first page, the choice made there, then every page again,
 * the first included (what a gated script does on the next page view shows there).
 */
export async function visitAfterChoice(pages: string[], choice: Choice, settings: PhaseSettings): Promise<ChoiceResult> {
  const phase = await openPhase(settings.browser, choice, new URL(pages[0]!).hostname);
  const label = choice === 'accept' ? 'after "Accept all"' : 'after "Reject all"';
  try {
    await load(phase, pages[0]!, settings.timeoutMs);
    await phase.recorder.snapshot(phase.page);
    // Whatever the choice sets off (gated scripts starting, storage erased) is after it.
    phase.recorder.step = 'after-choice';
    const method = await makeChoice(phase.page, choice);
    await phase.quiet();
    await phase.recorder.snapshot(phase.page);
    settings.progress.step(`${label} (${method === 'none' ? 'no way to choose found' : `through the ${method === 'api' ? 'widget API' : 'button'}`})`);
    for (const url of pages) {
      const loaded = await load(phase, url, settings.timeoutMs).catch(() => undefined);
      if (loaded) await phase.recorder.snapshot(phase.page);
      settings.progress.step(`${label}: ${url}`);
    }
    return { method, observations: phase.recorder.observations };
  } finally {
    await phase.context.close();
  }
}
