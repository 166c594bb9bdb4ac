/**
 * `npm run test:stress -- [runs] [--hogs N] [--warm]`: the whole `npm test`, `runs` times in a row
 * (3 unless given), each beside N CPU-bound processes (`node -e 'for(;;){}'`, 2 unless given) that
 * take the machine's cores from it, as a busy CI host or a laptop doing something else would. For
 * each run: passed or failed, the total time, each step's time, the load average; then a summary,
 * with the failed tests of the runs that failed. The full output of each run is kept in a log file.
 *
 * Each run starts as from a fresh clone: no dist/ and no lint or typecheck caches (--warm keeps
 * them). The hogs are killed at the end, on Ctrl-C and on any error.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args.splice(at, 2)[1];
};
const hogCount = Number(option('--hogs', 2));
const warm = args.includes('--warm');
if (warm) args.splice(args.indexOf('--warm'), 1);
const runs = Number(args[0] ?? 3);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(hogCount) || hogCount < 0) {
  console.error('Usage: npm run test:stress -- [runs] [--hogs N] [--warm]   (runs: 3, hogs: 2 unless given)');
  process.exit(2);
}

const root = new URL('..', import.meta.url);
const logDir = mkdtempSync(join(tmpdir(), 'ccw-test-stress-'));
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

const hogs = [];
let current = null;
function cleanUp() {
  for (const hog of hogs.splice(0)) {
    try {
      hog.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
  // npm test stops its own steps (browsers, servers) when told to stop.
  if (current && current.exitCode === null) current.kill('SIGTERM');
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the run and the CPU hogs`);
    cleanUp();
    process.exit(130);
  });
}
process.on('uncaughtException', (error) => {
  console.error(error);
  cleanUp();
  process.exit(1);
});

// `for(;;){}`, which also ends itself if this script is killed without a chance to clean up (SIGKILL).
const HOG = 'const parent = process.ppid; for (let i = 0; ; i++) if (i % 5e7 === 0 && process.ppid !== parent) process.exit();';
for (let i = 0; i < hogCount; i++) hogs.push(spawn(process.execPath, ['-e', HOG], { stdio: 'ignore' }));
console.log(`${runs} run(s) of npm test beside ${hogCount} CPU hog(s) (pids ${hogs.map((hog) => hog.pid).join(', ') || 'none'}); logs in ${logDir}`);

/** One `npm test` (scripts/test.mjs), its output into a log file; resolves with what the run reported. */
function runOnce(index) {
  if (!warm) {
    for (const path of ['dist', 'node_modules/.cache/eslint', 'node_modules/.cache/prettier', 'node_modules/.cache/typecheck']) {
      rmSync(new URL(path, root), { recursive: true, force: true });
    }
  }
  const log = join(logDir, `run-${index}.log`);
  const file = createWriteStream(log);
  const startLoad = load();
  const started = Date.now();
  return new Promise((resolve) => {
    current = spawn(process.execPath, ['scripts/test.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [current.stdout, current.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        file.write(chunk);
      });
    }
    current.on('close', (status) => {
      file.end();
      current = null;
      const steps = [...output.matchAll(/^✔ (.+) \(([\d.]+)s\)$/gm)].map((match) => ({ name: match[1], seconds: Number(match[2]), ok: true }));
      for (const match of output.matchAll(/^✖ (.+) failed after ([\d.]+)s$/gm)) steps.push({ name: match[1], seconds: Number(match[2]), ok: false });
      // The tests that failed: Node's "not ok" lines and the browsers' ❌ lines.
      const failures = [...output.matchAll(/^\s*(not ok \d+ - .+|❌ .+)$/gm)].map((match) => match[1].trim());
      const tests = /^Tests(?: so far)?: (.+)$/m.exec(output)?.[1] ?? '';
      resolve({ index, ok: status === 0, seconds: (Date.now() - started) / 1000, steps, failures, tests, log, startLoad, endLoad: load() });
    });
  });
}

const results = [];
for (let index = 1; index <= runs; index++) {
  console.log(`\n▶ run ${index}/${runs} (load ${load()})`);
  const result = await runOnce(index);
  results.push(result);
  console.log(
    `${result.ok ? '✔ passed' : '✖ FAILED'} in ${result.seconds.toFixed(1)}s (load ${result.startLoad} at the start, ${result.endLoad} at the end); ${result.tests}`,
  );
  for (const step of result.steps) console.log(`    ${step.ok ? '✔' : '✖'} ${step.seconds.toFixed(1).padStart(6)}s  ${step.name}`);
  for (const failure of result.failures) console.log(`    ${failure}`);
  if (!result.ok) console.log(`    log: ${result.log}`);
}
cleanUp();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};
const passed = results.filter((result) => result.ok);
const totals = results.map((result) => result.seconds);
console.log(`\nSummary: ${passed.length}/${runs} passed beside ${hogCount} CPU hog(s)`);
console.log(`  total: min ${Math.min(...totals).toFixed(1)}s, median ${median(totals).toFixed(1)}s, max ${Math.max(...totals).toFixed(1)}s`);
const names = [...new Set(results.flatMap((result) => result.steps.map((step) => step.name)))];
for (const name of names) {
  const times = results.flatMap((result) => result.steps.filter((step) => step.name === name && step.ok).map((step) => step.seconds));
  if (times.length > 0) console.log(`  ${name}: median ${median(times).toFixed(1)}s, max ${Math.max(...times).toFixed(1)}s`);
}
for (const result of results.filter((run) => !run.ok)) {
  console.log(`  run ${result.index} failed: ${result.failures.length > 0 ? result.failures.join('; ') : 'see its log'} (${result.log})`);
}
process.exit(passed.length === runs ? 0 : 1);
