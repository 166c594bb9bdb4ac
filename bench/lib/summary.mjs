/**
 * From raw samples (one entry per fresh visitor) to one run's medians, and from several runs to
 * the median of their medians.
 */
import { BASELINE_KEYS, MEASURED_ROWS, OWN_ROWS } from './metrics.mjs';
import { median } from './stats.mjs';
import { WIDGET_NAMES } from './widgets.mjs';

const spread = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/** `samples`: { ours: [...], vcc: [...], orejime: [...], none: [...] }, one entry per visitor. */
export function summarizeRun(samples) {
  const none = Object.fromEntries(BASELINE_KEYS.map((key) => [key, median(samples.none.map((run) => run[key]))]));
  const widgets = {};
  for (const name of WIDGET_NAMES) {
    const rows = {};
    for (const { key } of MEASURED_ROWS) rows[key] = spread(samples[name].map((run) => run[key]));
    for (const { key, of } of OWN_ROWS) rows[key] = { median: rows[of].median - none[of] };
    widgets[name] = {
      rows,
      // Layout shift is judged on the worst visit, not the median one.
      worstCls: rows.cls.max,
      bannerShownToReturning: samples[name].filter((run) => run.returningBannerShown).length,
    };
  }
  return { widgets, none, visitors: samples.none.length };
}

/** Several runs' summaries as one: each value the median of the runs' medians, min–max of those. */
export function combineRuns(summaries) {
  const widgets = {};
  for (const name of WIDGET_NAMES) {
    const rows = {};
    for (const { key } of [...MEASURED_ROWS, ...OWN_ROWS]) {
      const medians = summaries.map((summary) => summary.widgets[name].rows[key].median);
      rows[key] = spread(medians);
    }
    widgets[name] = {
      rows,
      worstCls: Math.max(...summaries.map((summary) => summary.widgets[name].worstCls)),
      bannerShownToReturning: summaries.reduce((sum, summary) => sum + summary.widgets[name].bannerShownToReturning, 0),
    };
  }
  const none = Object.fromEntries(BASELINE_KEYS.map((key) => [key, median(summaries.map((summary) => summary.none[key]))]));
  return { widgets, none, visitors: summaries.reduce((sum, summary) => sum + summary.visitors, 0) };
}
