/**
 * `npm run bench -- --profile`: the DevTools CPU profiler (4× throttle, a sample every 100 µs) over
 * our page's first visit (navigation to a second after the banner showed), its "Accept all" (the
 * click to 300 ms after the gated script ran) and the same visitor's
 * returning visit (navigation to a second after the gated script ran), for several fresh
 * visitors; self time by module and by function, printed and written to bench/results.md.
 */
import { clickAccept, launchBrowser, newVisitor, openPage, waitForBanner, waitForGatedScript } from './browser.mjs';
import { currentLoad, describeMachine, loadText, loadWarning } from './machine.mjs';
import { SETTLE_MS } from './measure.mjs';
import { addProfile, emptyTotals } from './cpu-profile.mjs';
import { functionTable, moduleTable } from './profile-report.mjs';
import { writeResultsSection } from './results-file.mjs';
import { WIDGETS } from './widgets.mjs';

const SAMPLING_INTERVAL_MICROS = 100;
const PRINTED_FUNCTIONS = 25;

async function startProfiler(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_MICROS });
  await cdp.send('Profiler.start');
}

const stopProfiler = async (cdp) => (await cdp.send('Profiler.stop')).profile;

async function profileVisitor(browser, origin) {
  const widget = WIDGETS.ours;
  const context = await newVisitor(browser);
  try {
    const first = await openPage(context, origin + widget.page, startProfiler);
    await waitForBanner(first.page);
    await first.page.waitForTimeout(SETTLE_MS);
    const firstProfile = await stopProfiler(first.cdp);
    await startProfiler(first.cdp);
    await clickAccept(first.page, widget);
    await waitForGatedScript(first.page, 10);
    await first.page.waitForTimeout(300);
    const acceptProfile = await stopProfiler(first.cdp);
    await first.page.close();

    const next = await openPage(context, origin + widget.page, startProfiler);
    await waitForGatedScript(next.page);
    await next.page.waitForTimeout(SETTLE_MS);
    return { first: firstProfile, accept: acceptProfile, returning: await stopProfiler(next.cdp) };
  } finally {
    await context.close();
  }
}

/** Where the time of "Accept all" goes: our files and the browser's own work, largest first. */
function acceptModules(totals, visits) {
  const rows = [...totals.modules].sort((a, b) => b[1] - a[1]);
  const name = (module) => (module.startsWith('(') ? module : `dist/${module}`);
  return ['| module | self ms |', '| --- | ---: |', ...rows.map(([module, micros]) => `| ${name(module)} | ${(micros / visits / 1000).toFixed(2)} |`)].join(
    '\n',
  );
}

export async function runProfile({ origin, visitors }) {
  const loadBefore = currentLoad();
  const started = Date.now();
  const totals = { first: emptyTotals(), accept: emptyTotals(), returning: emptyTotals() };
  const browser = await launchBrowser();
  const browserVersion = browser.version();
  try {
    for (let i = 0; i < visitors; i++) {
      const profiles = await profileVisitor(browser, origin);
      addProfile(totals.first, profiles.first);
      addProfile(totals.accept, profiles.accept);
      addProfile(totals.returning, profiles.returning);
      process.stdout.write(`\rprofiled visitor ${i + 1}/${visitors}`);
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  process.stdout.write('\n');
  const loadAfter = currentLoad();
  const warning = loadWarning(loadBefore, loadAfter);
  const context = `${visitors} fresh visitors, ${new Date().toISOString()}, ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadText(loadBefore)} before, ${loadText(loadAfter)} after`;
  const tables = [
    `### Self time by module (mean per visit)\n\n${moduleTable(totals, visitors)}`,
    `### Our functions, first visit (top ${PRINTED_FUNCTIONS} by self time)\n\n${functionTable(totals.first, visitors, PRINTED_FUNCTIONS)}`,
    `### Our functions, returning visit (top ${PRINTED_FUNCTIONS} by self time)\n\n${functionTable(totals.returning, visitors, PRINTED_FUNCTIONS)}`,
    `### "Accept all": self time by module (mean per visit)\n\n${acceptModules(totals.accept, visitors)}`,
    `### "Accept all": our functions from the click until 300 ms after the gated script ran (top ${PRINTED_FUNCTIONS} by self time)\n\n${functionTable(totals.accept, visitors, PRINTED_FUNCTIONS)}`,
  ].join('\n\n');
  console.log(`\n${context}\n\n${tables}\n${warning ? `\n${warning}\n` : ''}`);
  writeResultsSection(
    'profile',
    `## CPU profile of our page (\`npm run bench -- --profile\`)

${context}${warning ? `\n\n${warning}` : ''}

${describeMachine(browserVersion)}

The DevTools CPU profiler (Profiler.start / Profiler.stop over CDP, a sample every
${SAMPLING_INTERVAL_MICROS} µs, CPU throttled 4×), from before navigation until a second after the banner
showed (first visit), from the click on "Accept all" until 300 ms after the gated script ran, and
from before navigation until a second after the gated script ran (the same visitor's returning visit).
Self time is the time of the samples in which the function was on top of the stack, summed over
the visitors and divided by their number. Samples are taken on the wall clock: on a loaded
machine, time the system takes the renderer off the CPU is charged to whatever function was
running, so absolute numbers are a quiet machine's only; the shares hold better. Functions are named by the source maps next to the
built files where one exists (dist/cookie-consent.js.map and on through dist/**/*.js.map to src/),
otherwise by the built file's own (minified) name and position.

${tables}`,
  );
  console.log('written to bench/results.md');
}
