export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
  scriptId?: string;
}
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}
export interface ProfileTotals {
  modules: Map<string, number>;
  functions: Map<string, { module: string; callFrame: CallFrame; micros: number }>;
}
export function distFileOf(url: string): string | null;
export function addProfile(totals: ProfileTotals, profile: CpuProfile): ProfileTotals;
export function emptyTotals(): ProfileTotals;
