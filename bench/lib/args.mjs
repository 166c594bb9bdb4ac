/** The options of `npm run bench -- …`, checked before anything runs. */
const USAGE = `usage: npm run bench [-- --repeat N] | [-- --profile]
  --repeat N   N full runs (default 1) and the median of their medians, judged against the targets
  --profile    instead, CPU-profile our first and returning visits and tabulate self time
environment: BENCH_RUNS=N visitors per page and run (default 15); BENCH_SERVE_ONLY=1 only serves the pages`;

function positiveInteger(text, what) {
  if (!/^[1-9]\d*$/.test(String(text))) throw new Error(`${what} must be a positive whole number, got "${text}"\n${USAGE}`);
  return Number(text);
}

export function parseBenchOptions(argv, env) {
  const options = {
    visitors: env.BENCH_RUNS === undefined ? 15 : positiveInteger(env.BENCH_RUNS, 'BENCH_RUNS'),
    repeat: 1,
    profile: false,
    serveOnly: Boolean(env.BENCH_SERVE_ONLY),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--profile') options.profile = true;
    else if (arg === '--repeat') options.repeat = positiveInteger(argv[++i], '--repeat');
    else if (arg.startsWith('--repeat=')) options.repeat = positiveInteger(arg.slice('--repeat='.length), '--repeat');
    else throw new Error(`unknown option "${arg}"\n${USAGE}`);
  }
  if (options.profile && options.repeat !== 1) throw new Error(`--profile and --repeat are separate commands\n${USAGE}`);
  return options;
}
