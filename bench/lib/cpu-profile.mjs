/**
 * Self time from DevTools CPU profiles (Profiler.stop's `profile`), by module and by function,
 * summed over several profiles.
 */

/** V8's own entries: not code of any file. */
const V8_ENTRIES = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/** Microseconds of self time per profile node: each sample lasts until the next one. */
function selfTimeByNode({ samples, timeDeltas }) {
  const self = new Map();
  for (let i = 0; i < samples.length - 1; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + timeDeltas[i + 1]);
  return self;
}

/** The widget's file a URL names (dist/…, query dropped), or null for any other script. */
export function distFileOf(url) {
  const match = /\/dist\/([^?#]+)/.exec(url);
  return match ? match[1] : null;
}

function moduleOf({ url, functionName }) {
  if (!url) return V8_ENTRIES.has(functionName) ? functionName : '(V8 builtins)';
  return distFileOf(url) ?? '(page, probe and other scripts)';
}

/**
 * Adds one profile's self time into `totals`: { modules: Map(name → µs), functions: Map(key →
 * { callFrame, µs }) }, functions only for the widget's files.
 */
export function addProfile(totals, profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const [id, micros] of selfTimeByNode(profile)) {
    const { callFrame } = nodes.get(id);
    if (callFrame.functionName === '(idle)') continue;
    const module = moduleOf(callFrame);
    totals.modules.set(module, (totals.modules.get(module) ?? 0) + micros);
    if (!distFileOf(callFrame.url)) continue;
    const key = `${module}:${callFrame.lineNumber}:${callFrame.columnNumber}:${callFrame.functionName}`;
    const entry = totals.functions.get(key) ?? { module, callFrame, micros: 0 };
    entry.micros += micros;
    totals.functions.set(key, entry);
  }
  return totals;
}

export const emptyTotals = () => ({ modules: new Map(), functions: new Map() });
