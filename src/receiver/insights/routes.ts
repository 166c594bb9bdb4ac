/**
 * GET /admin/insights and /admin/insights.csv: opt-in rates over time, from the store's daily
 * counters. A page view reads the counters of the period (a few per day and key) and never the
 * records themselves.
 */
import type { ConsentInsightQueries } from '../../server/stores/insights/counters.js';
import type { QueryableConsentStore } from '../../server/stores/store.js';
import { adminLayout } from '../admin/html.js';
import type { AdminContext, AdminRoute } from '../admin/routes.js';
import { sendError, sendHtml, sendText } from '../respond.js';
import { FIGURE_IDS, figures, type FigureId } from './figures.js';
import { errorBody, insightsBody, NO_COUNTERS_BODY } from './page.js';
import { dayString, parsePeriod, PeriodError, type Period } from './period.js';
import { tableCsv } from './tables.js';
import { tally } from './tally.js';

const TITLE = 'Consent insights — admin';

const hasCounters = (store: QueryableConsentStore): store is QueryableConsentStore & ConsentInsightQueries =>
  typeof store.insightCounters === 'function' && typeof store.insightFirstSeen === 'function';

async function figuresFor(store: ConsentInsightQueries, period: Period) {
  const [counters, firstSeen] = await Promise.all([
    store.insightCounters({ from: period.from, to: period.to, points: period.points }),
    store.insightFirstSeen(),
  ]);
  const result = tally(counters, firstSeen, period);
  return { tally: result, figures: figures(result, period) };
}

/** The period asked for, or null once a 400 page saying what is wrong has been sent. */
function periodOrRefusal({ url, res, adminPath, nav, note, now }: AdminContext, send: 'html' | 'json'): Period | null {
  const today = dayString(now());
  try {
    return parsePeriod(url.searchParams, today);
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    if (send === 'json') sendError(res, 400, error.message);
    else
      sendHtml(
        res,
        400,
        adminLayout(TITLE, { adminPath, nav, note }, errorBody(adminPath, error.message, { name: '30d', from: today, to: today, pointsChoice: 'auto' })),
      );
    return null;
  }
}

export const insightsPage: AdminRoute = {
  path: 'insights',
  title: 'Insights',
  async handle(context) {
    const { res, store, adminPath, nav, note } = context;
    if (!hasCounters(store)) return sendHtml(res, 200, adminLayout(TITLE, { adminPath, nav, note }, NO_COUNTERS_BODY));
    const period = periodOrRefusal(context, 'html');
    if (!period) return;
    const { tally: numbers, figures: shown } = await figuresFor(store, period);
    sendHtml(res, 200, adminLayout(TITLE, { adminPath, nav, note }, insightsBody(adminPath, period, numbers.decisions, shown)));
  },
};

export const insightsCsv: AdminRoute = {
  path: 'insights.csv',
  async handle(context) {
    const { res, store, url } = context;
    if (!hasCounters(store)) return sendError(res, 404, "this receiver's store keeps no insight counters");
    const chart = url.searchParams.get('chart') as FigureId | null;
    if (!chart || !FIGURE_IDS.includes(chart)) return sendError(res, 400, `chart must be one of ${FIGURE_IDS.join(', ')}`);
    const period = periodOrRefusal(context, 'json');
    if (!period) return;
    const figure = (await figuresFor(store, period)).figures.find((each) => each.id === chart);
    if (!figure) return sendError(res, 404, `no ${chart} in this period`);
    sendText(res, 200, 'text/csv; charset=utf-8', tableCsv(figure.table), {
      'content-disposition': `attachment; filename="consent-insights-${chart}-${period.from}-to-${period.to}.csv"`,
    });
  },
};
