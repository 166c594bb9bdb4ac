/**
 * Charts as SVG text, drawn on the server: no script, no style attribute (the admin's CSP allows
 * neither), colours and dashes from classes in the admin stylesheet so light and dark themes
 * follow prefers-color-scheme. Each SVG is one image (role="img") with an accessible name; its
 * numbers are in the table beside it, which is what assistive technology reads.
 */
import { escapeHtml } from '../admin/html.js';
import { count, percent, tooFewText } from './labels.js';
import { hasRate, MIN_DECISIONS_FOR_RATE, type Marker, type Share } from './tally.js';

const WIDTH = 640;
const LEFT = 48;
const RIGHT = 20;
const TOP = 34;
const BOTTOM = 30;
const PLOT_HEIGHT = 190;
/** Beyond this many points a dot on each would blur the line; lone points still get one. */
const MAX_DOTTED_POINTS = 62;
const MAX_AXIS_LABELS = 7;
export const SERIES_STYLES = 8;

const round = (n: number): string => String(Math.round(n * 10) / 10);

export interface LineSeries {
  label: string;
  points: Share[];
}

export interface LineChart {
  /** The accessible name. */
  name: string;
  axisLabels: string[];
  series: LineSeries[];
  /** Decisions per point: a point with some but too few is marked on the axis. */
  decisions: number[];
  markers: (Marker & { label: string })[];
  /** Shown across the plot when no point has a rate. */
  emptyText: string;
}

/** Shares over time, one line per series, broken where a point has too few decisions for a rate. */
export function lineChart(chart: LineChart): string {
  const n = chart.axisLabels.length;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const x = (index: number): number => (n === 1 ? LEFT + plotWidth / 2 : LEFT + (index * plotWidth) / (n - 1));
  const y = (share: Share): number => TOP + (1 - share.count / share.of) * PLOT_HEIGHT;
  const parts: string[] = [];

  for (const level of [0, 0.25, 0.5, 0.75, 1]) {
    const at = round(TOP + (1 - level) * PLOT_HEIGHT);
    parts.push(`<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${at}" y2="${at}"/>`);
    parts.push(`<text class="axis" x="${LEFT - 6}" y="${at}" dy="0.35em" text-anchor="end">${level * 100}%</text>`);
  }
  const step = Math.max(1, Math.ceil(n / MAX_AXIS_LABELS));
  chart.axisLabels.forEach((label, index) => {
    if (index % step !== 0) return;
    const anchor = n === 1 ? 'middle' : index === 0 ? 'start' : index === n - 1 ? 'end' : 'middle';
    parts.push(`<text class="axis" x="${round(x(index))}" y="${TOP + PLOT_HEIGHT + 18}" text-anchor="${anchor}">${escapeHtml(label)}</text>`);
  });

  let lastLabelEnd = -Infinity;
  let row = 0;
  for (const marker of chart.markers) {
    const at = round(x(marker.bucket));
    // Labels that would overlap the previous one go on the second row.
    row = x(marker.bucket) < lastLabelEnd ? 1 - row : 0;
    lastLabelEnd = x(marker.bucket) + marker.label.length * 6 + 8;
    parts.push(
      `<line class="marker marker-${marker.kind}" x1="${at}" x2="${at}" y1="${TOP - 16 + row * 12}" y2="${TOP + PLOT_HEIGHT}" stroke-dasharray="3 3"/>`,
    );
    parts.push(`<text class="marker-label" x="${at}" y="${TOP - 20 + row * 12}" text-anchor="middle">${escapeHtml(marker.label)}</text>`);
  }

  chart.decisions.forEach((decisions, index) => {
    if (decisions === 0 || decisions >= MIN_DECISIONS_FOR_RATE) return;
    const [cx, cy] = [x(index), TOP + PLOT_HEIGHT];
    parts.push(
      `<path class="too-few" d="M${round(cx - 3)} ${round(cy - 3)}l6 6m0 -6l-6 6"><title>${escapeHtml(`${chart.axisLabels[index]}: ${tooFewText(decisions)}`)}</title></path>`,
    );
  });

  let anyRate = false;
  chart.series.forEach((series, index) => {
    const style = index % SERIES_STYLES;
    let d = '';
    const dots: string[] = [];
    series.points.forEach((share, at) => {
      if (!hasRate(share)) return;
      anyRate = true;
      const joined = at > 0 && hasRate(series.points[at - 1]!);
      d += `${joined ? 'L' : 'M'}${round(x(at))} ${round(y(share))}`;
      const lone = !joined && !(at + 1 < n && hasRate(series.points[at + 1]!));
      if (n <= MAX_DOTTED_POINTS || lone) dots.push(`<circle class="dot s${style}" cx="${round(x(at))}" cy="${round(y(share))}" r="2.5"/>`);
    });
    if (d) parts.push(`<path class="line s${style}" fill="none" d="${d}"/>`);
    parts.push(...dots);
  });
  if (!anyRate)
    parts.push(`<text class="empty" x="${LEFT + plotWidth / 2}" y="${TOP + PLOT_HEIGHT / 2}" text-anchor="middle">${escapeHtml(chart.emptyText)}</text>`);

  return `<svg class="chart" role="img" aria-label="${escapeHtml(chart.name)}" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

export interface BarRow {
  label: string;
  share: Share;
}

const BAR_LABEL_WIDTH = 150;
const BAR_HEIGHT = 18;
const BAR_GAP = 10;
const BAR_VALUE_ROOM = 64;

/**
 * Shares of one whole as horizontal bars on a 0–100 % scale; when the whole has too few decisions
 * for a rate, the bars show counts and the chart says why.
 */
export function barChart(name: string, rows: BarRow[]): string {
  const whole = rows[0]?.share.of ?? 0;
  const rated = whole >= MIN_DECISIONS_FOR_RATE;
  const top = rated ? 8 : 30;
  const height = top + rows.length * (BAR_HEIGHT + BAR_GAP) + 4;
  const room = WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_ROOM;
  const most = Math.max(1, ...rows.map((row) => row.share.count));
  const parts: string[] = [];
  if (!rated) parts.push(`<text class="empty" x="${BAR_LABEL_WIDTH}" y="18">${escapeHtml(`${tooFewText(whole)}: the bars show counts`)}</text>`);
  rows.forEach((row, index) => {
    const y = top + index * (BAR_HEIGHT + BAR_GAP);
    const width = rated ? (row.share.count / row.share.of) * room : (row.share.count / most) * room;
    const value = rated ? percent(row.share) : count(row.share.count);
    parts.push(
      `<text class="axis bar-label" x="${BAR_LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT / 2}" dy="0.35em" text-anchor="end">${escapeHtml(row.label)}</text>`,
    );
    parts.push(`<rect class="bar-track" x="${BAR_LABEL_WIDTH}" y="${y}" width="${room}" height="${BAR_HEIGHT}"/>`);
    if (width > 0) parts.push(`<rect class="bar" x="${BAR_LABEL_WIDTH}" y="${y}" width="${round(Math.max(1, width))}" height="${BAR_HEIGHT}"/>`);
    parts.push(`<text class="bar-value" x="${round(BAR_LABEL_WIDTH + room + 6)}" y="${y + BAR_HEIGHT / 2}" dy="0.35em">${escapeHtml(value)}</text>`);
  });
  return `<svg class="chart bars" role="img" aria-label="${escapeHtml(name)}" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** A sample of a series' line for the legend, beside its name in HTML. */
export function legendSwatch(index: number): string {
  return `<svg class="swatch" aria-hidden="true" viewBox="0 0 28 10" width="28" height="10"><path class="line s${index % SERIES_STYLES}" fill="none" d="M1 5H27"/></svg>`;
}
