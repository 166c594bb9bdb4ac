/**
 * `npm run bench`: our script-tag build beside vanilla-cookieconsent 3.1 in headless Chromium
 * (playwright-core, /usr/bin/chromium or CHROME_PATH), on identical pages served from 127.0.0.1
 * (the same four purposes, one gated analytics script, gzip as a server would send it), CPU
 * throttled 4× through the DevTools protocol. The two alternate, each run in a fresh browser
 * context. Prints medians with min/max and our/VCC ratios, and writes them with the machine and
 * browser versions to bench/results.md. BENCH_RUNS sets the runs per widget (default 15; results.md records how many);
 * BENCH_SERVE_ONLY=1 only serves the two pages and prints the port, to look at them in a browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, release } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../scripts/browsers.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 15);
const CPU_THROTTLE = 4;
const SETTLE_MS = 1000;
const root = new URL('..', import.meta.url);
const file = (path) => readFileSync(new URL(path, root));
const packageVersion = (path) => JSON.parse(file(path)).version;

const CONTENT = `<header><h1>Fresh bread every morning</h1><nav><a href="/">Home</a> <a href="/privacy">Privacy</a></nav></header>
<main>${Array.from({ length: 12 }, (_, i) => `<p>Paragraph ${i + 1}: our bakery opens at seven, and every loaf is baked the same morning from flour milled nearby.</p>`).join('')}</main>`;

const routes = {
  '/ours.html': () => [file('bench/widgets/ours.html').toString().replace('<!--content-->', CONTENT), 'text/html'],
  '/vcc.html': () => [file('bench/widgets/vcc.html').toString().replace('<!--content-->', CONTENT), 'text/html'],
  // The same page with no consent widget (the analytics script runs as a plain script): what
  // the page and the bench's own probe cost, taken off both widgets' times.
  '/none.html': () => [file('bench/widgets/none.html').toString().replace('<!--content-->', CONTENT), 'text/html'],
  '/vcc-config.js': () => [file('bench/widgets/vcc-config.js'), 'text/javascript'],
  '/analytics.js': () => [file('bench/widgets/analytics.js'), 'text/javascript'],
  '/vcc/cookieconsent.umd.js': () => [file('node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js'), 'text/javascript'],
  '/vcc/cookieconsent.css': () => [file('node_modules/vanilla-cookieconsent/dist/cookieconsent.css'), 'text/css'],
};

function serve() {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    let found = routes[path]?.();
    if (!found && /^\/dist\/cookie-consent(\.[a-z]+)?\.js$/.test(path)) found = [file(path.slice(1)), 'text/javascript'];
    if (!found) {
      response.writeHead(path === '/privacy' ? 204 : 404).end();
      return;
    }
    const [body, type] = found;
    // Compressed as a production server would; no caching, so each visit downloads what it uses.
    response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store' });
    response.end(gzipSync(body, { level: 9 }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const widgets = {
  ours: { page: '/ours.html', accept: () => document.querySelector('cookie-consent').shadowRoot.querySelector('[part~="accept-all"]') },
  vcc: { page: '/vcc.html', accept: () => document.querySelector('#cc-main .cm [data-role="all"]') },
};
const WIDGET_FILES = /\/(dist|vcc)\/|\/vcc-config\.js/;

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

async function widgetBytes(page) {
  return page.evaluate((pattern) => {
    const files = performance.getEntriesByType('resource').filter((entry) => new RegExp(pattern).test(entry.name));
    return files.reduce((sum, entry) => sum + entry.encodedBodySize, 0);
  }, WIDGET_FILES.source);
}

async function openPage(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await page.goto(url, { waitUntil: 'load' });
  return { page, cdp };
}

async function settle(page, cdp) {
  await page.waitForTimeout(SETTLE_MS);
  await cdp.send('HeapProfiler.collectGarbage');
  return metrics(cdp);
}

/**
 * When the page without a widget is measured as the twin of a first visit: the widgets' first
 * visits are measured a second after their banner showed, and their banners show at about this
 * time minus that second (bench/results.md has the medians).
 */
const FIRST_VISIT_TWIN_MS = 1350;

/**
 * The page without a widget, measured as the twin of both visits: in a fresh context, once at
 * FIRST_VISIT_TWIN_MS after navigation, then opened again in the same context and measured a
 * second after its analytics script ran, as a returning visit is.
 */
async function runBaseline(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: file('bench/widgets/probe.js').toString() });
  try {
    const first = await openPage(context, `${origin}/none.html`);
    await first.page.waitForFunction((at) => performance.now() >= at, FIRST_VISIT_TWIN_MS, { timeout: 20_000, polling: 20 });
    await first.cdp.send('HeapProfiler.collectGarbage');
    const firstMetrics = await metrics(first.cdp);
    await first.page.close();
    const next = await openPage(context, `${origin}/none.html`);
    await next.page.waitForFunction(() => window.__analyticsRanAt !== undefined, null, { timeout: 20_000, polling: 50 });
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

async function run(browser, origin, name) {
  const widget = widgets[name];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: file('bench/widgets/probe.js').toString() });
  const result = {};
  try {
    const { page, cdp } = await openPage(context, origin + widget.page);
    await page.waitForFunction(() => window.__probe.bannerAt !== null, null, { timeout: 20_000, polling: 50 });
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
    const clickedAt = await page.evaluate((accept) => {
      const button = new Function(`return (${accept})()`)();
      const at = performance.now();
      button.click();
      return at;
    }, widget.accept.toString());
    await page.waitForFunction(() => window.__analyticsRanAt !== undefined, null, { timeout: 20_000, polling: 10 });
    result.acceptToScriptMs = (await page.evaluate(() => window.__analyticsRanAt)) - clickedAt;
    await page.waitForTimeout(300);
    await page.close();

    // The same visitor's next page view: the decision is in the cookie.
    const next = await openPage(context, origin + widget.page);
    await next.page.waitForFunction(() => window.__analyticsRanAt !== undefined, null, { timeout: 20_000, polling: 50 });
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

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Each widget's own cost: the median for its page minus the median for the same page without a
 * widget, measured at the same moments (runBaseline). Every page runs the bench's probe, which
 * polls every frame; the twin takes it off with the page's own work.
 */
const OWN_ROWS = [
  ['taskMs', "main-thread task time, the widget's own (page − page without a widget)", 0.8],
  ['scriptMs', "main-thread script time, the widget's own", null],
  ['returningScriptMs', "returning visitor: script time, the widget's own", 0.3],
  ['returningTaskMs', "returning visitor: task time, the widget's own", null],
];

const ROWS = [
  ['bytes', 'widget bytes, first visit (gzip)', (v) => `${(v / 1024).toFixed(1)} KB`, 0.8],
  ['bannerMs', 'navigation → banner visible', (v) => `${v.toFixed(0)} ms`, 0.8],
  ['taskMs', 'main-thread task time (TaskDuration), whole page', (v) => `${v.toFixed(0)} ms`, null],
  ['scriptMs', 'main-thread script time (ScriptDuration), whole page', (v) => `${v.toFixed(0)} ms`, null],
  ['longTasks', 'long tasks (count)', (v) => v.toFixed(0), null],
  ['longTaskMs', 'long tasks (total)', (v) => `${v.toFixed(0)} ms`, null],
  ['cls', 'cumulative layout shift', (v) => v.toFixed(4), 'zero'],
  ['heapKB', 'JS heap used after GC', (v) => `${(v / 1024).toFixed(2)} MB`, null],
  ['acceptToScriptMs', '"Accept all" click → gated script ran', (v) => `${v.toFixed(0)} ms`, null],
  ['returningBytes', 'returning visitor: widget bytes (gzip)', (v) => `${(v / 1024).toFixed(1)} KB`, null],
  ['returningScriptMs', 'returning visitor: script time, whole page', (v) => `${v.toFixed(0)} ms`, null],
  ['returningTaskMs', 'returning visitor: task time, whole page', (v) => `${v.toFixed(0)} ms`, null],
];

const verdict = (ratio, target) => (ratio <= target ? 'yes' : `no (${(ratio / target).toFixed(2)}× the target)`);
const ratioText = (ratio) => (Number.isFinite(ratio) ? ratio.toFixed(2) : '∞');

function table(results) {
  const lines = [
    '| metric | ours: median (min–max) | vanilla-cookieconsent: median (min–max) | ours / VCC | target | met |',
    '| --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const [key, label, format, target] of ROWS) {
    const [ours, vcc] = ['ours', 'vcc'].map((name) => results[name].map((run) => run[key]));
    const cell = (values) => `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
    const ratio = median(vcc) === 0 ? (median(ours) === 0 ? 1 : Infinity) : median(ours) / median(vcc);
    let targetText = '';
    let met = '';
    if (target === 'zero') {
      targetText = '0';
      met = Math.max(...ours) === 0 ? 'yes' : `no (max ${Math.max(...ours).toFixed(4)})`;
    } else if (typeof target === 'number') {
      targetText = `≤ ${target}`;
      met = verdict(ratio, target);
    }
    lines.push(`| ${label} | ${cell(ours)} | ${cell(vcc)} | ${ratioText(ratio)} | ${targetText} | ${met} |`);
  }
  const none = (key) => median(results.none.map((run) => run[key]));
  for (const [key, label, target] of OWN_ROWS) {
    const [ours, vcc] = ['ours', 'vcc'].map((name) => median(results[name].map((run) => run[key])) - none(key));
    const ratio = vcc <= 0 ? Infinity : ours / vcc;
    const targetText = target === null ? '' : `≤ ${target}`;
    const met = target === null ? '' : verdict(ratio, target);
    lines.push(`| ${label} | ${ours.toFixed(0)} ms | ${vcc.toFixed(0)} ms | ${ratioText(ratio)} | ${targetText} | ${met} |`);
  }
  lines.push(
    '',
    `The page without a widget (medians of ${results.none.length} runs): at ${FIRST_VISIT_TWIN_MS} ms, script ${none('scriptMs').toFixed(0)} ms, task ${none('taskMs').toFixed(0)} ms, heap ${(none('heapKB') / 1024).toFixed(2)} MB; opened again, script ${none('returningScriptMs').toFixed(0)} ms, task ${none('returningTaskMs').toFixed(0)} ms.`,
  );
  return lines.join('\n');
}

const server = await serve();
if (process.env.BENCH_SERVE_ONLY) { console.log(server.address().port); await new Promise(() => {}); }
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    ...chromiumArgs,
    // vanilla-cookieconsent hides itself from navigator.webdriver browsers; show it as to a person.
    '--disable-blink-features=AutomationControlled',
  ],
});
const started = Date.now();
const loadBefore = loadavg();
const results = { ours: [], vcc: [], none: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    for (const name of i % 2 === 0 ? ['ours', 'vcc', 'none'] : ['none', 'vcc', 'ours']) {
      results[name].push(name === 'none' ? await runBaseline(browser, origin) : await run(browser, origin, name));
    }
    process.stdout.write(`\rrun ${i + 1}/${RUNS} of each`);
  }
} finally {
  await browser.close().catch(() => undefined);
  server.close();
}
process.stdout.write('\n');

const shownToReturning = results.ours.filter((run) => run.returningBannerShown).length;
const cpu = cpus();
const machine = [
  `- CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores; load average ${loadBefore.map((n) => n.toFixed(2)).join(' / ')} before, ${loadavg().map((n) => n.toFixed(2)).join(' / ')} after`,
  `- OS: ${process.platform} ${release()}; Node ${process.version}`,
  `- Browser: ${browser.version()} (headless, ${process.env.CHROME_PATH || '/usr/bin/chromium'}), CPU throttled ${CPU_THROTTLE}× (Emulation.setCPUThrottlingRate)`,
  `- Widgets: cookie-consent-widget ${packageVersion('package.json')} (dist/cookie-consent.js and the chunks it loads), vanilla-cookieconsent ${packageVersion('node_modules/vanilla-cookieconsent/package.json')} (cookieconsent.umd.js + cookieconsent.css + its config script)`,
  `- ${RUNS} fresh browser contexts per widget and for the page without one, alternating; ${((Date.now() - started) / 1000).toFixed(0)} s in all; run at ${new Date().toISOString()}`,
].join('\n');
const report = table(results);
console.log(`\n${report}\n\n${machine}`);
if (shownToReturning > 0) console.log(`\nwarning: our banner showed to a returning visitor in ${shownToReturning} runs`);

writeFileSync(
  new URL('bench/results.md', root),
  `# Benchmark: cookie-consent-widget beside vanilla-cookieconsent

Written by \`npm run bench\` (bench/widgets.mjs); numbers are what that run measured.

${report}

${machine}

How each number is taken, per run, in a fresh browser context of headless Chromium with the CPU
throttled ${CPU_THROTTLE}×, on pages that are identical but for the widget (same text, the same four
purposes, one analytics script gated by the widget), served from 127.0.0.1 with gzip and no caching:

- *widget bytes*: the encoded (gzip) body size of the widget's files the page downloaded
  (resource timing): ours, the main file and the chunks it loaded (on a first visit the banner
  and the configuration check); VCC, its script, its CSS and the configuration script it needs.
- *banner visible*: \`performance.now()\` at the first animation frame in which the banner has a
  box inside the viewport, is not \`visibility: hidden\` and has a non-zero opacity.
- *main-thread task / script time*: \`Performance.getMetrics\` TaskDuration / ScriptDuration one
  second after the banner appeared, after a garbage collection, for the whole page (the pages are
  the same but for the widget). *JS heap*: JSHeapUsedSize at the same moment.
- *long tasks*, *layout shift*: PerformanceObserver entries (buffered) of the whole page load.
- *"Accept all" → gated script*: from the click to the gated script's first statement.
- *returning visitor*: the same context opens the page again with the decision stored; the
  widget's downloaded bytes and the page's script and task time, one second after the gated
  script ran.
- *the widget's own* time: the median for its page minus the median for the same page without a
  widget (its analytics script runs as a plain script), in fresh contexts alternating with the
  others, measured ${FIRST_VISIT_TWIN_MS} ms after navigation (about when the widgets' first
  visits are measured) and, opened again in the same context, a second after its analytics script
  ran. Every page runs the bench's probe, which polls every frame all along; the twin takes that
  off with the page's own parsing, layout and painting, which is most of the whole-page time (a
  widget that cost nothing would score the twin's time over VCC's). The main-thread and
  returning-visitor targets are judged on these rows.
`,
);
console.log('\nwritten to bench/results.md');
