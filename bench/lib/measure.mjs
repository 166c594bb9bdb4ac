/**
 * One visitor's first and returning visit of a widget's page, and the same two visits of the page
 * without a widget (its twin), measured through the DevTools protocol and the bench's probe.
 */
import { WIDGET_FILES } from './widgets.mjs';
import { clickAccept, newVisitor, openPage, waitForBanner, waitForGatedScript } from './browser.mjs';

export const SETTLE_MS = 1000;

/**
 * When the page without a widget is measured as the twin of a first visit: the widgets' first
 * visits are measured a second after their banner showed, and their banners show at about this
 * time minus that second (bench/results.md has the medians).
 */
export const FIRST_VISIT_TWIN_MS = 1350;

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

function widgetBytes(page) {
  return page.evaluate((pattern) => {
    const files = performance.getEntriesByType('resource').filter((entry) => new RegExp(pattern).test(entry.name));
    return files.reduce((sum, entry) => sum + entry.encodedBodySize, 0);
  }, WIDGET_FILES.source);
}

async function settle(page, cdp) {
  await page.waitForTimeout(SETTLE_MS);
  await cdp.send('HeapProfiler.collectGarbage');
  return metrics(cdp);
}

/**
 * The page without a widget, measured as the twin of both visits: in a fresh context, once at
 * FIRST_VISIT_TWIN_MS after navigation, then opened again in the same context and measured a
 * second after its analytics script ran, as a returning visit is.
 */
export async function measureBaseline(browser, origin) {
  const context = await newVisitor(browser);
  try {
    const first = await openPage(context, `${origin}/none.html`);
    await first.page.waitForFunction((at) => performance.now() >= at, FIRST_VISIT_TWIN_MS, { timeout: 20_000, polling: 20 });
    await first.cdp.send('HeapProfiler.collectGarbage');
    const firstMetrics = await metrics(first.cdp);
    await first.page.close();
    const next = await openPage(context, `${origin}/none.html`);
    await waitForGatedScript(next.page);
    const returning = await settle(next.page, next.cdp);
    return {
      scriptMs: firstMetrics.ScriptDuration * 1000,
      taskMs: firstMetrics.TaskDuration * 1000,
      heapKB: firstMetrics.JSHeapUsedSize / 1024,
      returningScriptMs: returning.ScriptDuration * 1000,
      returningTaskMs: returning.TaskDuration * 1000,
    };
  } finally {
    await context.close();
  }
}

/** A new visitor's first visit, "Accept all", and the same visitor's next page view. */
export async function measureWidget(browser, origin, widget) {
  const context = await newVisitor(browser);
  const result = {};
  try {
    const { page, cdp } = await openPage(context, origin + widget.page);
    await waitForBanner(page);
    const first = await settle(page, cdp);
    const probe = await page.evaluate(() => window.__probe);
    Object.assign(result, {
      bannerMs: probe.bannerAt,
      scriptMs: first.ScriptDuration * 1000,
      taskMs: first.TaskDuration * 1000,
      longTasks: probe.longTasks,
      longTaskMs: probe.longTaskMs,
      cls: probe.cls,
      heapKB: first.JSHeapUsedSize / 1024,
      bytes: await widgetBytes(page),
    });
    const clickedAt = await clickAccept(page, widget);
    await waitForGatedScript(page, 10);
    result.acceptToScriptMs = (await page.evaluate(() => window.__analyticsRanAt)) - clickedAt;
    await page.waitForTimeout(300);
    await page.close();

    // The same visitor's next page view: the decision is stored.
    const next = await openPage(context, origin + widget.page);
    await waitForGatedScript(next.page);
    const returning = await settle(next.page, next.cdp);
    Object.assign(result, {
      returningScriptMs: returning.ScriptDuration * 1000,
      returningTaskMs: returning.TaskDuration * 1000,
      returningBytes: await widgetBytes(next.page),
      returningBannerShown: await next.page.evaluate(() => window.__probe.bannerAt !== null),
    });
  } finally {
    await context.close();
  }
  return result;
}
