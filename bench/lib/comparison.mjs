/**
 * `npm run bench [-- --repeat N]`: N full runs, each of `visitors` fresh visitors per widget and
 * for the page without one, interleaved; each run's table, then the median of the runs' medians
 * judged against the targets, written to bench/results.md.
 */
import { launchBrowser } from './browser.mjs';
import { currentLoad, describeMachine, loadText, loadWarning } from './machine.mjs';
import { FIRST_VISIT_TWIN_MS, measureBaseline, measureWidget } from './measure.mjs';
import { comparisonTable, summaryWarnings } from './report.mjs';
import { writeResultsSection } from './results-file.mjs';
import { combineRuns, summarizeRun } from './summary.mjs';
import { judgeTargets, targetsTable } from './targets.mjs';
import { WIDGETS, WIDGET_NAMES } from './widgets.mjs';

const PAGES = [...WIDGET_NAMES, 'none'];

async function oneRun(origin, visitors, label) {
  const loadBefore = currentLoad();
  const started = Date.now();
  const browser = await launchBrowser();
  const browserVersion = browser.version();
  const samples = Object.fromEntries(PAGES.map((name) => [name, []]));
  try {
    for (let i = 0; i < visitors; i++) {
      // Each page takes each place in the order in turn, so none always runs after the same one.
      const order = [...PAGES.slice(i % PAGES.length), ...PAGES.slice(0, i % PAGES.length)];
      for (const name of order) {
        samples[name].push(name === 'none' ? await measureBaseline(browser, origin) : await measureWidget(browser, origin, WIDGETS[name]));
      }
      process.stdout.write(`\r${label}: visitor ${i + 1}/${visitors} of each page`);
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  process.stdout.write('\n');
  const loadAfter = currentLoad();
  return {
    summary: summarizeRun(samples),
    browserVersion,
    loadBefore,
    loadAfter,
    seconds: (Date.now() - started) / 1000,
    at: new Date().toISOString(),
  };
}

const runHeading = (run, index) =>
  `Run ${index + 1}, ${run.at}, ${run.seconds.toFixed(0)} s; load average ${loadText(run.loadBefore)} before, ${loadText(run.loadAfter)} after`;

export async function runComparison({ origin, visitors, repeat }) {
  const runs = [];
  for (let index = 0; index < repeat; index++) {
    console.log(`run ${index + 1}/${repeat}: load average ${loadText(currentLoad())}`);
    const run = await oneRun(origin, visitors, `run ${index + 1}/${repeat}`);
    runs.push(run);
    const warnings = [loadWarning(run.loadBefore, run.loadAfter), ...summaryWarnings(run.summary)].filter(Boolean);
    console.log(`\n${runHeading(run, index)}\n\n${comparisonTable(run.summary, 'min–max of visitors')}\n${warnings.map((w) => `\n${w}`).join('')}\n`);
    run.warnings = warnings;
  }
  const combined = repeat > 1 ? combineRuns(runs.map((run) => run.summary)) : runs[0].summary;
  const spreadOf = repeat > 1 ? `min–max of the ${repeat} runs' medians` : 'min–max of visitors';
  const judged = judgeTargets(combined);
  const machine = describeMachine(runs[0].browserVersion);
  const title = repeat > 1 ? `median of ${repeat} runs' medians, ${visitors} visitors per page each` : `1 run, ${visitors} visitors per page`;
  console.log(`Targets (${title}):\n\n${targetsTable(judged)}\n`);
  if (repeat > 1) console.log(`Median of the runs' medians:\n\n${comparisonTable(combined, spreadOf)}\n`);
  console.log(machine);

  writeResultsSection(
    'comparison',
    `## Comparison: ${title}

### Targets

${targetsTable(judged)}

### All three widgets${repeat > 1 ? ": median of the runs' medians" : ''}

${comparisonTable(combined, spreadOf)}

${machine}

${runs
  .map((run, index) =>
    repeat > 1
      ? `### ${runHeading(run, index)}\n\n${comparisonTable(run.summary, 'min–max of visitors')}${run.warnings.map((w) => `\n\n${w}`).join('')}`
      : `${runHeading(run, index)}${run.warnings.map((w) => `\n\n${w}`).join('')}`,
  )
  .join('\n\n')}

### How each number is taken

Per visitor, a fresh browser context of headless Chromium with the CPU throttled 4×, on pages that
are identical but for the widget (same text, the same four purposes with the session one required,
one analytics script gated by the widget: ours and VCC by a \`type="text/plain"\` script, Orejime
by a \`<template data-purpose>\`), served from 127.0.0.1 with gzip and no caching. In each run the
visitors of the three widgets and of the page without one are interleaved, each page taking each
place in the order in turn.

- *widget bytes*: the encoded (gzip) body size of the widget's files the page downloaded
  (resource timing): ours, the main file and the chunks it loaded; VCC and Orejime, their script,
  their CSS and the configuration script each needs.
- *banner visible*: \`performance.now()\` at the first animation frame in which the banner has a
  box inside the viewport, is not \`visibility: hidden\` and has a non-zero opacity.
- *task / script time*: \`Performance.getMetrics\` TaskDuration / ScriptDuration one second after
  the banner appeared, after a garbage collection, for the whole page. *JS heap*: JSHeapUsedSize
  at the same moment.
- *long tasks*, *layout shift*: PerformanceObserver entries (buffered) of the whole page load;
  the layout-shift target is judged on the worst visit.
- *"Accept all" → gated script*: from the click to the gated script's first statement.
- *returning visitor*: the same context opens the page again with the decision stored; the
  widget's downloaded bytes and the page's script and task time, one second after the gated
  script ran.
- *the widget's own* time: the median for its page minus the median for the same page without a
  widget (its analytics script runs as a plain script), measured ${FIRST_VISIT_TWIN_MS} ms after
  navigation (about when the widgets' first visits are measured) and, opened again in the same
  context, a second after its analytics script ran. Every page runs the bench's probe, which polls
  every frame; the twin takes that off with the page's own parsing, layout and painting. The
  script-time and task-time targets are judged on these rows.
- With several runs, each value is the median of the runs' medians (an own time: the median of
  the runs' own times), and (min–max) is the range of the runs' medians.`,
  );
  console.log('\nwritten to bench/results.md');
  return judged;
}
