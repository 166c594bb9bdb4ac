/**
 * The insights page's figures: for each, a chart and the table of its numbers, built from the
 * same tally, so the chart, the table and the CSV download never disagree.
 */
import { escapeHtml } from '../admin/html.js';
import { count, decisionsText, delayLabel, layerLabel, methodLabel, textLabel } from './labels.js';
import type { Period } from './period.js';
import { barChart, legendSwatch, lineChart } from './svg.js';
import { MIN_DECISIONS_FOR_RATE, type Series, type Share, type SplitRow, type Tally, type TimeSeries } from './tally.js';

export type Cell = { text: string } | { number: number } | { share: Share };

/** A table: one header column (the row's name), then cells. */
export interface TableModel {
  columns: string[];
  rows: { head: string; cells: Cell[] }[];
}

export const FIGURE_IDS = ['categories', 'services', 'methods', 'layers', 'languages', 'revisions', 'withdrawals'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export interface Figure {
  id: FigureId;
  heading: string;
  /** Plain text: what is counted, over which period, resting on how many decisions. */
  caption: string;
  /** HTML: notes under the caption (markers on the time axis). */
  notes: string;
  /** HTML: the legend, for charts with several lines. */
  legend: string;
  svg: string;
  table: TableModel;
}

const POINT_WORDS = { day: 'per day', week: 'per week', month: 'per month' } as const;

function range(period: Period): string {
  return `${period.from} to ${period.to}`;
}

function timeFigure(
  id: FigureId,
  heading: string,
  what: string,
  data: TimeSeries,
  label: (series: Series) => string,
  tally: Tally,
  period: Period,
  restsOn = decisionsText(tally.decisions),
): Figure {
  const points = POINT_WORDS[period.points];
  const markers = tally.markers.map((marker) => ({ ...marker, label: marker.kind === 'revision' ? `rev. ${marker.key}` : 'new text' }));
  const svg = lineChart({
    name: `Line chart: ${what}, ${points}, ${range(period)}. The numbers are in the table beside it.`,
    axisLabels: period.buckets.map((bucket) => bucket.label),
    series: data.series.map((series) => ({ label: label(series), points: series.points })),
    decisions: data.decisions,
    markers,
    emptyText: tally.decisions === 0 ? 'No decisions in this period' : `No ${period.points} has the ${MIN_DECISIONS_FOR_RATE} decisions a rate needs`,
  });
  const legend = `<ul class="legend">${data.series.map((series, index) => `<li>${legendSwatch(index)}${escapeHtml(label(series))}</li>`).join('')}${
    data.decisions.some((decisions) => decisions > 0 && decisions < MIN_DECISIONS_FOR_RATE)
      ? `<li><span class="too-few-key" aria-hidden="true">×</span>fewer than ${MIN_DECISIONS_FOR_RATE} decisions: no rate</li>`
      : ''
  }</ul>`;
  const notes =
    tally.markers.length === 0
      ? ''
      : `<p class="markers">Marked on the time axis: ${tally.markers
          .map((marker) =>
            marker.kind === 'revision'
              ? `revision ${escapeHtml(marker.key)} first decided on ${marker.day}`
              : `a new banner text (${escapeHtml(textLabel(marker.key))}) first decided on ${marker.day}`,
          )
          .join('; ')}.</p>`;
  return {
    id,
    heading,
    caption: `Share of decisions ${what}, ${points}, ${range(period)}; ${restsOn}.`,
    notes,
    legend,
    svg,
    table: {
      columns: [period.points === 'day' ? 'Day' : period.points === 'week' ? 'Week' : 'Month', 'Decisions', ...data.series.map(label)],
      rows: period.buckets.map((bucket, index) => ({
        head: bucket.title,
        cells: [{ number: data.decisions[index]! }, ...data.series.map((series): Cell => ({ share: series.points[index]! }))],
      })),
    },
  };
}

function splitFigure(
  id: FigureId,
  heading: string,
  what: string,
  rows: SplitRow[],
  label: (key: string) => string,
  column: string,
  unit: string,
  period: Period,
): Figure {
  const whole = rows[0]?.share.of ?? 0;
  return {
    id,
    heading,
    caption: `${what}, ${range(period)}; ${count(whole)} ${unit}.`,
    notes: '',
    legend: '',
    svg: barChart(
      `Bar chart: ${what}, ${range(period)}. The numbers are in the table beside it.`,
      rows.map((row) => ({ label: label(row.key), share: row.share })),
    ),
    table: {
      columns: [column, capitalised(unit), `Share of ${unit}`],
      rows: rows.map((row) => ({ head: label(row.key), cells: [{ number: row.share.count }, { share: row.share }] })),
    },
  };
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Every figure the tally has data for; services only once some record carried them. */
export function figures(tally: Tally, period: Period): Figure[] {
  const result: Figure[] = [timeFigure('categories', 'Categories granted', 'granting each category', tally.categories, (series) => series.key, tally, period)];
  if (tally.services.series.length > 0) {
    result.push(
      timeFigure(
        'services',
        'Services granted',
        'granting each service, of those naming it',
        tally.services,
        (series) => series.key,
        tally,
        period,
        `${decisionsText(tally.decisions)} in all; the table gives the decisions behind each service's share`,
      ),
    );
  }
  result.push(
    timeFigure('methods', 'How visitors decided', 'by each method', tally.methods, (series) => methodLabel(series.key), tally, period),
    splitFigure('layers', 'Where visitors decided', 'Decisions by layer', tally.layers, layerLabel, 'Layer', 'decisions', period),
    splitFigure('languages', 'Languages', 'Decisions by language', tally.languages, (key) => key, 'Language', 'decisions', period),
    revisionsFigure(tally, period),
    {
      ...splitFigure(
        'withdrawals',
        'Withdrawals after a grant',
        'Visitors who withdrew after granting, by the time since their first grant',
        tally.withdrawals,
        delayLabel,
        'Withdrew',
        'visitors',
        period,
      ),
      notes: `<p>A visitor counts once, on the day of their first withdrawal after their first grant (accepting all, or allowing a category some decision refused). ${count(tally.firstGrants)} visitor${tally.firstGrants === 1 ? '' : 's'} granted for the first time in this period.</p>`,
    },
  );
  return result;
}

function revisionsFigure(tally: Tally, period: Period): Figure {
  const rows = tally.revisions;
  return {
    id: 'revisions',
    heading: 'Policy revisions',
    caption: `Decisions by policy revision, and the share granting each category under it, ${range(period)}; ${decisionsText(tally.decisions)}.`,
    notes: '',
    legend: '',
    svg: barChart(
      `Bar chart: decisions by policy revision, ${range(period)}. The numbers, and each category's share under each revision, are in the table beside it.`,
      rows.map((row) => ({ label: `Revision ${row.revision}`, share: row.share })),
    ),
    table: {
      columns: ['Revision', 'First decided', 'Decisions', 'Share of decisions', ...tally.categoryIds.map((id) => `${id} granted`)],
      rows: rows.map((row) => ({
        head: `Revision ${row.revision}`,
        cells: [
          { text: row.firstSeen },
          { number: row.share.count },
          { share: row.share },
          ...tally.categoryIds.map((id): Cell => ({ share: row.categories.get(id)! })),
        ],
      })),
    },
  };
}
