export interface LighthouseAudit {
  title: string;
  score: number | null;
  numericValue?: number;
  displayValue?: string;
  details?: { items?: unknown };
}
export interface LighthouseResult {
  lighthouseVersion: string;
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, LighthouseAudit>;
}
export interface PageSummary {
  name: string;
  url: string;
  runs: number;
  scores: Record<string, number>;
  metrics: Record<string, number>;
  failing: { category: string; id: string; title: string; weight: number; runs: number; values: string[]; items: string[] }[];
  missed: string[];
  version: string;
}
export function summarizePage(name: string, url: string, lhrs: LighthouseResult[]): PageSummary;
export function scoresTable(pages: PageSummary[]): string;
export function failingAuditsList(page: PageSummary): string;
