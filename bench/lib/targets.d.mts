import type { RunSummary } from './summary.mjs';
export interface JudgedTarget {
  label: string;
  key: string;
  value: number;
  limit: number;
  met: boolean;
  verdict: string;
}
export function judgeTargets(summary: RunSummary): JudgedTarget[];
