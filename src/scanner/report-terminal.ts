import {
  describeCategory,
  describeChoices,
  describeExpiry,
  describeFlags,
  describeInitiator,
  describeLeak,
  describeSeen,
  SECTION_TITLES,
  undeclared,
} from './describe.js';
import type { ItemKind, ScannedItem, ScanReport } from './types.js';

/** Columns padded to their widest cell; the last one runs on. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')}`.trimEnd());
}

function rowFor(item: ScannedItem): string[] {
  const setBy = describeInitiator(item.first.initiator);
  if (item.kind === 'cookie') {
    return [item.name, item.scope, describeExpiry(item.cookie), describeFlags(item.cookie) || '-', describeSeen(item), describeCategory(item), setBy];
  }
  if (item.kind === 'request')
    return [item.name, item.resourceType ?? '', describeSeen(item), describeCategory(item), `by ${describeInitiator(item.first.initiator)}`];
  return [item.name, item.scope, describeSeen(item), describeCategory(item), setBy];
}

const HEADERS: Record<ItemKind, string[]> = {
  cookie: ['name', 'domain', 'expires', 'flags', 'seen', 'category', 'set by'],
  localStorage: ['key', 'origin', 'seen', 'category', 'set by'],
  sessionStorage: ['key', 'origin', 'seen', 'category', 'set by'],
  indexedDB: ['database', 'origin', 'seen', 'category', 'opened by'],
  request: ['host', 'type', 'seen', 'category', 'initiator'],
};

/** The report a person reads in a terminal or a CI log. */
export function terminalReport(report: ScanReport): string {
  const lines = [
    `Cookie scan of ${report.startUrl}: ${report.pages.length} page${report.pages.length === 1 ? '' : 's'} in ${(report.durationMs / 1000).toFixed(1)} s`,
    `Consent widget: ${describeChoices(report)}`,
    `"seen" is before the choice / after "Accept all" / after "Reject all".`,
    '',
  ];
  if (report.leaks.length > 0) {
    lines.push(`LEAKS (${report.leaks.length}): not required, yet set before consent or after "Reject all"`);
    for (const leak of report.leaks) lines.push(`  LEAK ${describeLeak(leak)}`);
    lines.push('');
  }
  for (const kind of Object.keys(HEADERS) as ItemKind[]) {
    const items = report.items.filter((item) => item.kind === kind);
    if (items.length === 0) continue;
    lines.push(`${SECTION_TITLES[kind]} (${items.length})`, ...table([HEADERS[kind], ...items.map(rowFor)]), '');
  }
  if (report.items.length === 0) lines.push('Nothing was stored and no third-party request was made.', '');
  const missing = undeclared(report);
  if (missing.length > 0) {
    lines.push(`${missing.length} item${missing.length === 1 ? '' : 's'} not declared by the configuration: ${missing.map((item) => item.name).join(', ')}`);
    lines.push('  (--config FILE writes a configuration with them in their cookie tables)', '');
  }
  lines.push(
    report.leaks.length > 0 ? `Result: ${report.leaks.length} leak${report.leaks.length === 1 ? '' : 's'} (exit code 1)` : 'Result: clean (exit code 0)',
  );
  return lines.join('\n');
}
