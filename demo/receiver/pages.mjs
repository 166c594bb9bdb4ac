/** The receiver's pages and CSV, built server-side with every value escaped. */

const COLUMNS = ['receivedAt', 'timestamp', 'eventId', 'consentId', 'revision', 'method', 'layer', 'categories', 'language', 'textHash', 'widgetVersion', 'gpc', 'pageUrl'];

const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]);

const cell = (record, column) =>
  column === 'categories'
    ? Object.entries(record.categories).map(([id, granted]) => `${id}:${granted ? 'yes' : 'no'}`).join(' ')
    : String(record[column]);

const layout = (title, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}code{word-break:break-all}
button{font:inherit;padding:.4rem .8rem}</style></head><body>${body}</body></html>`;

const table = (records, columns) =>
  `<table><thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${records
    .map((r) => `<tr>${columns.map((c) => `<td>${escapeHtml(cell(r, c))}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

export function adminPage({ records, total, page }) {
  const pages = Math.max(1, Math.ceil(total / 100));
  const nav = [
    page > 1 ? `<a href="?page=${page - 1}">Newer</a>` : '',
    page < pages ? `<a href="?page=${page + 1}">Older</a>` : '',
  ].join(' ');
  return layout(
    'Consent records — admin',
    `<h1>Consent records</h1>
<p>${total} stored. Page ${page} of ${pages}. Export: <a href="/api/admin/records.csv">CSV</a> · <a href="/api/admin/records.json">JSON</a></p>
${records.length ? table(records, COLUMNS) : '<p>No records yet.</p>'}<p>${nav}</p>`,
  );
}

export function myRecordsPage({ consentId, records, erased }) {
  const note = erased === null ? '' : `<p role="status">${escapeHtml(erased)} record(s) erased.</p>`;
  if (!consentId) return layout('Your consent records', `<h1>Your consent records</h1>${note}<p>This browser has no consent decision for this site, so there is nothing stored about it.</p>`);
  return layout(
    'Your consent records',
    `<h1>Your consent records</h1>${note}
<p>Consent id <code>${escapeHtml(consentId)}</code> (random, kept in this browser's cookie). We store no IP address and nothing else about you.</p>
${records.length ? table(records, ['timestamp', 'method', 'layer', 'categories', 'revision', 'language', 'pageUrl']) : '<p>No records stored.</p>'}
<form method="post" action="/api/my-records/erase"><button type="submit">Erase my records</button></form>
<p><a href="/api/consent/${escapeHtml(consentId)}">The same as JSON</a></p>`,
  );
}

/** RFC 4180; cells that a spreadsheet would run as a formula get a leading apostrophe. */
export function toCsv(records) {
  const quote = (value) => {
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [COLUMNS.join(','), ...records.map((record) => COLUMNS.map((column) => quote(cell(record, column))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
