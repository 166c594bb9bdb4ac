/** The insights page's HTML: the period form, what the numbers rest on, and each figure with its table and CSV link. */
import { escapeHtml } from '../admin/html.js';
import type { Figure } from './figures.js';
import { decisionsText } from './labels.js';
import { PERIODS, periodQuery, POINTS, type Period, type PeriodName, type PointsChoice } from './period.js';
import { tableHtml } from './tables.js';
import { MIN_DECISIONS_FOR_RATE } from './tally.js';

export interface FormValues {
  name: PeriodName;
  from: string;
  to: string;
  pointsChoice: PointsChoice;
}

export function periodForm(adminPath: string, values: FormValues): string {
  const radios = (Object.keys(PERIODS) as PeriodName[])
    .map((name) => `<label><input type="radio" name="period" value="${name}"${name === values.name ? ' checked' : ''}> ${PERIODS[name]}</label>`)
    .join('');
  const options = (Object.keys(POINTS) as PointsChoice[])
    .map((choice) => `<option value="${choice}"${choice === values.pointsChoice ? ' selected' : ''}>${POINTS[choice]}</option>`)
    .join('');
  return `<form class="period" method="get" action="${escapeHtml(`${adminPath}insights`)}">
<fieldset><legend>Period</legend>${radios}
<label>From <input type="date" name="from" value="${escapeHtml(values.from)}"></label>
<label>to <input type="date" name="to" value="${escapeHtml(values.to)}"></label></fieldset>
<label>Points <select name="points">${options}</select></label>
<button type="submit">Show</button></form>`;
}

function figureHtml(figure: Figure, csvHref: string): string {
  const id = `fig-${figure.id}`;
  return `<section class="insight" aria-labelledby="${id}-h">
<h2 id="${id}-h">${escapeHtml(figure.heading)}</h2>
<figure><figcaption>${escapeHtml(figure.caption)} <a href="${escapeHtml(csvHref)}" download>Download CSV: ${escapeHtml(figure.heading.toLowerCase())}</a></figcaption>
${figure.notes}
<div class="figure-body"><div class="figure-chart">${figure.legend}${figure.svg}</div>
<div class="figure-table" tabindex="0" role="region" aria-label="${escapeHtml(`${figure.heading}: the numbers`)}">${tableHtml(figure.table, `${figure.heading}: the numbers`)}</div></div>
</figure></section>`;
}

export function insightsBody(adminPath: string, period: Period, decisions: number, figures: Figure[]): string {
  const query = periodQuery(period);
  const csv = (figure: Figure): string => `${adminPath}insights.csv?chart=${figure.id}&${query}`;
  const body = decisions === 0 ? '<p>No decisions were recorded in this period.</p>' : figures.map((figure) => figureHtml(figure, csv(figure))).join('\n');
  return `<h1>Consent insights</h1>
${periodForm(adminPath, period)}
<p class="summary"><strong>${escapeHtml(decisionsText(decisions))}</strong> from ${period.from} to ${period.to} (UTC days on which visitors decided).</p>
<p class="honesty">Every rate here is a share of <strong>decisions</strong>, not of visitors: a visitor who decides twice counts twice,
and one who never decides is not counted. Each rate names the decisions it rests on, and below ${MIN_DECISIONS_FOR_RATE} decisions the
page shows the count instead of a rate. The counts come from daily counters the database keeps as records arrive, and lowers as
records are purged or erased: they hold what the log holds.</p>
${body}`;
}

export function errorBody(adminPath: string, message: string, values: FormValues): string {
  return `<h1>Consent insights</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>
${periodForm(adminPath, values)}`;
}

export const NO_COUNTERS_BODY = `<h1>Consent insights</h1>
<p>This receiver's store keeps no insight counters. The bundled stores (createSqliteStore, createPostgresStore,
createMemoryStore) keep them; a store of your own can offer insightCounters and insightFirstSeen (see docs/receiver.md).</p>`;
