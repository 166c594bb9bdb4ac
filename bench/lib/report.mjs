/** The comparison of the three widgets as a markdown table, with ratios to VCC and to Orejime. */
import { MEASURED_ROWS, OWN_ROWS, format } from './metrics.mjs';
import { FIRST_VISIT_TWIN_MS } from './measure.mjs';

function ratio(ours, other) {
  if (other === 0) return ours === 0 ? '1.00' : '∞';
  if (other < 0) return '—';
  return (ours / other).toFixed(2);
}

const cell = (unit, row) =>
  row.min === undefined ? format(unit, row.median) : `${format(unit, row.median)} (${format(unit, row.min)}–${format(unit, row.max)})`;

/**
 * `spreadOf` names what the (min–max) is: the visitors of one run, or the medians of several.
 */
export function comparisonTable(summary, spreadOf) {
  const { ours, vcc, orejime } = summary.widgets;
  const lines = [
    `| metric | ours: median (${spreadOf}) | vanilla-cookieconsent | Orejime | ours / VCC | ours / Orejime |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { key, label, unit } of [...MEASURED_ROWS, ...OWN_ROWS]) {
    const [a, b, c] = [ours, vcc, orejime].map((widget) => widget.rows[key]);
    lines.push(`| ${label} | ${cell(unit, a)} | ${cell(unit, b)} | ${cell(unit, c)} | ${ratio(a.median, b.median)} | ${ratio(a.median, c.median)} |`);
  }
  const none = summary.none;
  lines.push(
    '',
    `The page without a widget (medians): at ${FIRST_VISIT_TWIN_MS} ms, script ${format('ms', none.scriptMs)}, task ${format('ms', none.taskMs)}, heap ${format('MB', none.heapKB)}; opened again, script ${format('ms', none.returningScriptMs)}, task ${format('ms', none.returningTaskMs)}.`,
  );
  return lines.join('\n');
}

/** Warnings a reader of the numbers must see: a banner shown to a returning visitor. */
export function summaryWarnings(summary) {
  return Object.entries(summary.widgets)
    .filter(([, widget]) => widget.bannerShownToReturning > 0)
    .map(([name, widget]) => `warning: ${name}'s banner showed to a returning visitor in ${widget.bannerShownToReturning} visits`);
}
