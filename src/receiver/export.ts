import type { ServerResponse } from 'node:http';
import { yieldToEventLoop, type QueryableConsentStore, type StoredConsentRecord } from '../server/stores/store.js';
import { CSV_HEADER, csvLine } from './csv.js';

/** Rows per page: small enough that one synchronous SQLite page takes a millisecond or two. */
export const EXPORT_PAGE_ROWS = 100;

export const EXPORT_FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', header: CSV_HEADER, line: csvLine },
  ndjson: { type: 'application/x-ndjson; charset=utf-8', header: '', line: (record: StoredConsentRecord) => `${JSON.stringify(record)}\n` },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/**
 * Streams every record, oldest first, page by page with keyset paging: memory holds one page,
 * the socket's buffer is respected, and other requests run between two pages. If the store fails
 * midway the connection is cut, so the download is visibly incomplete rather than silently short.
 */
export async function streamExport(res: ServerResponse, store: QueryableConsentStore, format: ExportFormat, onError: (error: unknown) => void): Promise<void> {
  const { type, header, line } = EXPORT_FORMATS[format];
  res.writeHead(200, {
    'content-type': type,
    'content-disposition': `attachment; filename="consent-records.${format}"`,
    'cache-control': 'no-store',
  });
  if (header) res.write(header);
  let after: string | null = null;
  try {
    do {
      const page = await store.listPage({ after, limit: EXPORT_PAGE_ROWS });
      if (res.destroyed) return;
      if (!res.write(page.records.map(line).join(''))) await drained(res);
      after = page.next;
      await yieldToEventLoop();
    } while (after !== null && !res.destroyed);
    res.end();
  } catch (error) {
    onError(error);
    res.destroy();
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
