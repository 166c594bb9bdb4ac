export interface BenchOptions {
  visitors: number;
  repeat: number;
  profile: boolean;
  serveOnly: boolean;
}
export function parseBenchOptions(argv: string[], env: Record<string, string | undefined>): BenchOptions;
