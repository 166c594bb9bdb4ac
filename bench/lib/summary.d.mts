export type Sample = Record<string, number | boolean>;
export interface Spread {
  median: number;
  min?: number;
  max?: number;
}
export interface WidgetSummary {
  rows: Record<string, Spread>;
  worstCls: number;
  bannerShownToReturning: number;
}
export interface RunSummary {
  widgets: Record<string, WidgetSummary>;
  none: Record<string, number>;
  visitors: number;
}
export function summarizeRun(samples: Record<string, Sample[]>): RunSummary;
export function combineRuns(summaries: RunSummary[]): RunSummary;
