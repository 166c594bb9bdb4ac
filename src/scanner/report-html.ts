import { describeCategory, describeChoices, describeExpiry, describeFlags, describeInitiator, describeLeak, describeSeen, SECTION_TITLES } from './describe.js';
import type { ItemKind, ScannedItem, ScanReport } from './types.js';

/** Everything in the report comes from the scanned site: every piece of text is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const cells = (tag: 'td' | 'th', values: string[]) => values.map((value) => `<${tag}>${escapeHtml(value)}</${tag}>`).join('');

const COLUMNS: Record<ItemKind, [string, (item: ScannedItem) => string][]> = {
  cookie: [
    ['Name', (item) => item.name],
    ['Domain', (item) => item.scope],
    ['Path', (item) => item.cookie?.path ?? ''],
    ['Expires', (item) => describeExpiry(item.cookie)],
    ['Flags', (item) => describeFlags(item.cookie)],
  ],
  localStorage: [
    ['Key', (item) => item.name],
    ['Origin', (item) => item.scope],
  ],
  sessionStorage: [
    ['Key', (item) => item.name],
    ['Origin', (item) => item.scope],
  ],
  indexedDB: [
    ['Database', (item) => item.name],
    ['Origin', (item) => item.scope],
  ],
  request: [
    ['Host', (item) => item.name],
    ['Type', (item) => item.resourceType ?? ''],
    ['Example URL', (item) => item.exampleUrl ?? ''],
  ],
};

const SHARED_COLUMNS: [string, (item: ScannedItem) => string][] = [
  ['Seen (before / accept / reject)', describeSeen],
  ['Category', describeCategory],
  ['First set by', (item) => describeInitiator(item.first.initiator)],
  ['First on', (item) => item.first.page],
];

function section(kind: ItemKind, items: ScannedItem[]): string {
  const columns = [...COLUMNS[kind], ...SHARED_COLUMNS];
  const rows = items.map(
    (item) =>
      `<tr class="${item.required ? 'required' : 'optional'}">${cells(
        'td',
        columns.map(([, value]) => value(item)),
      )}</tr>`,
  );
  return `<h2>${escapeHtml(SECTION_TITLES[kind])} (${items.length})</h2>
<table><thead><tr>${cells(
    'th',
    columns.map(([title]) => title),
  )}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fff}
table{border-collapse:collapse;width:100%;margin-bottom:2rem;font-size:13px}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top;word-break:break-word}
th{background:#f0f0f0}.leaks{border-left:4px solid #b00020;padding:.5rem 1rem;background:#fff1f2}.clean{border-left:4px solid #137333;padding:.5rem 1rem;background:#effaf1}
tr.optional td:nth-last-child(3){font-weight:600}`;

/** A self-contained HTML page of the report (no scripts, no outside resources). */
export function htmlReport(report: ScanReport): string {
  const leaks =
    report.leaks.length > 0
      ? `<section class="leaks"><h2>Leaks (${report.leaks.length})</h2><p>Not required, yet set before consent or after "Reject all".</p><ul>${report.leaks
          .map((leak) => `<li>${escapeHtml(describeLeak(leak))}</li>`)
          .join('')}</ul></section>`
      : '<section class="clean"><h2>Clean</h2><p>Nothing that is not required was set before consent or after "Reject all".</p></section>';
  const kinds = Object.keys(COLUMNS) as ItemKind[];
  const sections = kinds.flatMap((kind) => {
    const items = report.items.filter((item) => item.kind === kind);
    return items.length > 0 ? [section(kind, items)] : [];
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cookie scan of ${escapeHtml(report.startUrl)}</title><style>${STYLE}</style></head>
<body><h1>Cookie scan of ${escapeHtml(report.startUrl)}</h1>
<p>${report.pages.length} pages in ${(report.durationMs / 1000).toFixed(1)} s. Consent widget: ${escapeHtml(describeChoices(report))}.
Classification of what the configuration does not declare: Open Cookie Database (Apache License 2.0).</p>
${leaks}
${sections.join('\n') || '<p>Nothing was stored and no third-party request was made.</p>'}
<h2>Pages</h2><ol>${report.pages.map((page) => `<li>${escapeHtml(page)}</li>`).join('')}</ol>
</body></html>
`;
}
