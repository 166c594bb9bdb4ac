/** BENCH_LIGHTHOUSE_RUNS, checked before anything runs. */
export function parseRuns(env) {
  const text = env.BENCH_LIGHTHOUSE_RUNS;
  if (text === undefined) return 3;
  if (!/^[1-9]\d*$/.test(text)) throw new Error(`BENCH_LIGHTHOUSE_RUNS must be a positive whole number, got "${text}"`);
  return Number(text);
}
