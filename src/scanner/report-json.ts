import type { ScanReport } from './types.js';

/** Bumped when a field changes meaning or goes away, so CI scripts can check what they read. */
export const JSON_REPORT_VERSION = 1;

/** The report for machines (`--json`): a leak names its item instead of repeating it. */
export function jsonReport(report: ScanReport): string {
  const { leaks, ...rest } = report;
  return JSON.stringify(
    {
      version: JSON_REPORT_VERSION,
      ...rest,
      leaks: leaks.map(({ item, ...leak }) => ({ kind: item.kind, name: item.name, scope: item.scope, category: item.category ?? null, ...leak })),
    },
    null,
    2,
  );
}
