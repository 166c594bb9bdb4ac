/** The rows of the comparison table: what each key of a run's results means, and its unit. */
export const MEASURED_ROWS = [
  { key: 'bytes', label: 'first visit: widget bytes (gzip)', unit: 'KB' },
  { key: 'bannerMs', label: 'first visit: navigation → banner visible', unit: 'ms' },
  { key: 'taskMs', label: 'first visit: task time (TaskDuration), whole page', unit: 'ms' },
  { key: 'scriptMs', label: 'first visit: script time (ScriptDuration), whole page', unit: 'ms' },
  { key: 'longTasks', label: 'first visit: long tasks (count)', unit: 'count' },
  { key: 'longTaskMs', label: 'first visit: long tasks (total)', unit: 'ms' },
  { key: 'cls', label: 'first visit: cumulative layout shift', unit: 'cls' },
  { key: 'heapKB', label: 'first visit: JS heap used after GC', unit: 'MB' },
  { key: 'acceptToScriptMs', label: '"Accept all" click → gated script ran', unit: 'ms' },
  { key: 'returningBytes', label: 'returning visitor: widget bytes (gzip)', unit: 'KB' },
  { key: 'returningScriptMs', label: 'returning visitor: script time, whole page', unit: 'ms' },
  { key: 'returningTaskMs', label: 'returning visitor: task time, whole page', unit: 'ms' },
];

/** A widget's own time: the median of its page minus the median of the page without a widget. */
export const OWN_ROWS = [
  { key: 'ownTaskMs', of: 'taskMs', label: "first visit: task time, the widget's own (page − page without a widget)", unit: 'ms' },
  { key: 'ownScriptMs', of: 'scriptMs', label: "first visit: script time, the widget's own", unit: 'ms' },
  { key: 'ownReturningScriptMs', of: 'returningScriptMs', label: "returning visitor: script time, the widget's own", unit: 'ms' },
  { key: 'ownReturningTaskMs', of: 'returningTaskMs', label: "returning visitor: task time, the widget's own", unit: 'ms' },
];

export const BASELINE_KEYS = ['scriptMs', 'taskMs', 'heapKB', 'returningScriptMs', 'returningTaskMs'];

const FORMATS = {
  KB: (v) => `${(v / 1024).toFixed(1)} KB`,
  MB: (v) => `${(v / 1024).toFixed(2)} MB`,
  ms: (v) => `${v.toFixed(0)} ms`,
  count: (v) => v.toFixed(0),
  cls: (v) => v.toFixed(4),
};

export const format = (unit, value) => FORMATS[unit](value);
