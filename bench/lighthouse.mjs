/**
 * `npm run bench:lighthouse`: Lighthouse 12 (mobile defaults) on the bench page of our widget (a
 * first visit) and on the demo shop's home page, BENCH_LIGHTHOUSE_RUNS times each (default 3),
 * medians printed with the target judged and the audits below full score, written to
 * bench/lighthouse-results.md.
 */
import { writeFileSync } from 'node:fs';
import { parseRuns } from './lib/lighthouse-options.mjs';
import { startDemo } from './lib/demo-server.mjs';
import { failingAuditsList, scoresTable, summarizePage } from './lib/lighthouse-report.mjs';
import { lighthouseRun } from './lib/lighthouse-run.mjs';
import { currentLoad, describeHost, loadText, loadWarning } from './lib/machine.mjs';
import { originOf, servePages } from './lib/pages.mjs';

let runs;
try {
  runs = parseRuns(process.env);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

let browserVersion = 'unknown';

async function audit(name, url) {
  const lhrs = [];
  for (let i = 0; i < runs; i++) {
    process.stdout.write(`\r${name}: run ${i + 1}/${runs}`);
    const { lhr, browserVersion: version } = await lighthouseRun(url);
    lhrs.push(lhr);
    browserVersion = version;
  }
  process.stdout.write('\n');
  return summarizePage(name, url, lhrs);
}

const loadBefore = currentLoad();
const started = Date.now();
const pages = [];
const bench = await servePages();
try {
  pages.push(await audit('bench page, ours (first visit)', `${originOf(bench)}/ours.html`));
} finally {
  bench.close();
}
// The demo's / redirects to its Latvian home page; audited directly, as a visitor lands there.
const demo = await startDemo();
try {
  pages.push(await audit('demo home page (/lv/)', `${demo.origin}/lv/`));
} finally {
  demo.stop();
}
const loadAfter = currentLoad();
const warning = loadWarning(loadBefore, loadAfter);

const context = `Lighthouse ${pages[0].version}, default (mobile) configuration: simulated slow 4G and 4× CPU slowdown, Moto G Power screen; median of ${runs} runs per page, each in a fresh headless Chromium; ${new Date().toISOString()}, ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadText(loadBefore)} before, ${loadText(loadAfter)} after`;
const report = `${scoresTable(pages)}\n\n${pages.map(failingAuditsList).join('\n\n')}`;
console.log(`\n${context}\n\n${report}${warning ? `\n\n${warning}` : ''}`);
writeFileSync(
  new URL('lighthouse-results.md', import.meta.url),
  `# Lighthouse: the bench page and the demo home page

Written by \`npm run bench:lighthouse\` (bench/lighthouse.mjs); every number is what that run measured.

${context}${warning ? `\n\n${warning}` : ''}

${describeHost(browserVersion, 'throttled by Lighthouse itself (simulated)')}

${report}

Scores are each category's median over the runs (0–100), TBT, LCP and CLS the medians of the
audits' numeric values. The target is Performance, Accessibility and Best Practices 100 and Total
Blocking Time 0 ms on both pages; SEO is reported beside them. An audit is listed when it scored
below 1 in any run (audits that are informative, manual or not applicable have no score).
`,
);
console.log('\nwritten to bench/lighthouse-results.md');
