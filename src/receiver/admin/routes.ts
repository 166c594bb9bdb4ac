import type { IncomingMessage, ServerResponse } from 'node:http';
import type { QueryableConsentStore } from '../../server/stores/store.js';
import { streamExport } from '../export.js';
import { insightsCsv, insightsPage } from '../insights/routes.js';
import { sendError, sendHtml } from '../respond.js';
import { adminLayout, escapeHtml, recordsTable, type NavLink } from './html.js';
import { stylesheetRoute } from './stylesheet.js';

export interface AdminContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  store: QueryableConsentStore;
  /** Where the admin lives as the browser sees it, e.g. `/api/admin/`. */
  adminPath: string;
  /** The admin's pages, for the navigation. */
  nav: NavLink[];
  /** The receiver's adminNote, for every page. */
  note: string | undefined;
  /** The receiver's clock (ms since the epoch). */
  now: () => number;
  onError: (error: unknown) => void;
}

/** One admin route: a page (with a `title`, listed in the navigation) or a download. */
export interface AdminRoute {
  /** Under the admin path: '' for the index, `records.csv`, … */
  path: string;
  title?: string;
  handle(context: AdminContext): Promise<void>;
}

const PAGE_ROWS = 100;
const CURSOR = /^[0-9A-Za-z.:|-]{1,80}$/;

const recordsPage: AdminRoute = {
  path: '',
  title: 'Records',
  async handle({ res, url, store, adminPath, nav, note }) {
    const before = url.searchParams.get('before');
    if (before !== null && !CURSOR.test(before)) return sendError(res, 400, 'before must be a cursor from an "Older" link');
    let page;
    try {
      page = await store.listPage({ after: before, limit: PAGE_ROWS, order: 'newest' });
    } catch (error) {
      if (error instanceof TypeError) return sendError(res, 400, 'before must be a cursor from an "Older" link');
      throw error;
    }
    const total = await store.count();
    const older = page.next === null ? '' : `<p><a href="${escapeHtml(`${adminPath}?before=${encodeURIComponent(page.next)}`)}">Older</a></p>`;
    const body = `<h1>Consent records</h1>
<p>${total} stored, newest first. Export every record: <a href="${adminPath}records.csv">CSV</a> · <a href="${adminPath}records.ndjson">NDJSON</a></p>
${page.records.length > 0 ? recordsTable(page.records) : '<p>No records here.</p>'}${older}`;
    sendHtml(res, 200, adminLayout('Consent records — admin', { adminPath, nav, note }, body));
  },
};

const csvExport: AdminRoute = { path: 'records.csv', handle: ({ res, store, onError }) => streamExport(res, store, 'csv', onError) };
const ndjsonExport: AdminRoute = { path: 'records.ndjson', handle: ({ res, store, onError }) => streamExport(res, store, 'ndjson', onError) };

/** Every admin route; a new page is one more entry here. */
export const ADMIN_ROUTES: readonly AdminRoute[] = [recordsPage, insightsPage, csvExport, ndjsonExport, insightsCsv, stylesheetRoute];
