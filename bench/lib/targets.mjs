/**
 * The targets our widget is judged by (the size and speed goals beside vanilla-cookieconsent 3.1
 * and Orejime 3.2), each on a summary's median, as met or missed by how much.
 */
import { format } from './metrics.mjs';

export const TARGETS = [
  { label: "returning visitor: the widget's own script time ≤ 0.8× VCC", key: 'ownReturningScriptMs', unit: 'ms', against: 'vcc', factor: 0.8 },
  { label: 'returning visitor: widget bytes ≤ 0.65× VCC', key: 'returningBytes', unit: 'KB', against: 'vcc', factor: 0.65 },
  { label: "first visit: the widget's own script time ≤ 0.8× VCC", key: 'ownScriptMs', unit: 'ms', against: 'vcc', factor: 0.8 },
  { label: "first visit: the widget's own task time ≤ 0.8× VCC", key: 'ownTaskMs', unit: 'ms', against: 'vcc', factor: 0.8 },
  { label: "first visit: widget bytes ≤ Orejime's", key: 'bytes', unit: 'KB', against: 'orejime', factor: 1 },
  { label: "first visit: banner visible no later than Orejime's", key: 'bannerMs', unit: 'ms', against: 'orejime', factor: 1 },
  { label: 'first visit: layout shift 0 (worst visit)', key: 'worstCls', unit: 'cls', limit: 0 },
  { label: '"Accept all" → gated script ran ≤ 33 ms (2 frames at 4×)', key: 'acceptToScriptMs', unit: 'ms', limit: 33 },
];

const valueOf = (widget, key) => (key === 'worstCls' ? widget.worstCls : widget.rows[key].median);

/** Each target with our value, the limit it sets and a verdict. */
export function judgeTargets(summary) {
  const ours = summary.widgets.ours;
  return TARGETS.map((target) => {
    const value = valueOf(ours, target.key);
    const limit = target.against ? target.factor * valueOf(summary.widgets[target.against], target.key) : target.limit;
    const met = value <= limit;
    const over = value - limit;
    const percent = limit > 0 ? ` (${((over / limit) * 100).toFixed(0)}% over)` : '';
    const verdict = met ? 'met' : `missed by ${format(target.unit, over)}${percent}`;
    return { ...target, value, limit, met, verdict };
  });
}

export function targetsTable(judged) {
  return [
    '| target | ours | limit | verdict |',
    '| --- | ---: | ---: | --- |',
    ...judged.map((t) => `| ${t.label} | ${format(t.unit, t.value)} | ${format(t.unit, t.limit)} | ${t.verdict} |`),
  ].join('\n');
}
