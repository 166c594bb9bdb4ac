/**
 * `npm test`: every check. Steps run as soon as what they need is done, several at once (most of
 * them wait on browsers, servers and the disk as much as on the CPU): lint beside the build; then
 * the typecheck, the package checks, the size ceilings and the Node tests; then the browser tests; last,
 * alone, the Node tests that time the receiver under load. Each step's output is printed in one
 * piece when it ends. The first step to fail stops the others (but the size ceilings, whose failure
 * still lets every other check run). Stops at once, with one line that
 * says how to install them, when a browser is missing.
 *
 * TEST_SERIAL=1 runs the steps one at a time, in the order listed.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg, setPriority } from 'node:os';
import { installHint, missingBrowsers } from './browsers.mjs';

const missing = missingBrowsers();
if (missing.length > 0) {
  console.error(installHint(missing));
  process.exit(1);
}

/**
 * name, command, arguments, the steps it needs done first, and whether it yields the CPU to the
 * others (nice 10): lint, typecheck and the package checks only have to end before the last step,
 * while the build holds up everything and the tests have timeouts.
 */
const steps = [
  { name: 'lint (ESLint, Prettier)', command: 'npm', args: ['run', 'lint', '--silent'], needs: [], yields: true },
  // The tests import the built package from dist/, and so does the typecheck: test/slice-npm.test.ts,
  // and test/types/ checks its published declarations under moduleResolution bundler and node16.
  { name: 'build', command: 'npm', args: ['run', 'build', '--silent'], needs: [] },
  { name: 'typecheck', command: 'npm', args: ['run', 'typecheck', '--silent'], needs: ['build'], yields: true },
  { name: 'package (publint, are-the-types-wrong)', command: 'npm', args: ['run', 'lint:package', '--silent'], needs: ['build'], yields: true },
  // A build over its size ceiling still gets every other check run: this step fails without stopping them.
  { name: 'size (ceilings)', command: 'npm', args: ['run', 'size', '--silent'], needs: ['build'], yields: true, stopsOthers: false },
  { name: 'node tests', command: 'node', args: ['scripts/node-tests.mjs', '--shared'], needs: ['build'] },
  // After the Node tests, not beside them: browser tests hold timings a visitor sees (another tab
  // hears a decision within a second), and three Node files starting Chromium and servers beside
  // them pushed a 2-core machine to a load of 19, where Firefox took 1.24 s.
  { name: 'browser tests', command: 'npx', args: ['web-test-runner'], needs: ['node tests'] },
  // Latency under load, measured with nothing else of the suite running beside them.
  {
    name: 'node tests (timed, alone)',
    command: 'node',
    args: ['scripts/node-tests.mjs', '--alone'],
    needs: ['lint (ESLint, Prettier)', 'typecheck', 'package (publint, are-the-types-wrong)', 'size (ceilings)', 'node tests', 'browser tests'],
  },
];
if (process.env.TEST_SERIAL === '1') steps.forEach((step, index) => (step.needs = index === 0 ? [] : [steps[index - 1].name]));

const started = Date.now();
const seconds = (ms) => (ms / 1000).toFixed(1);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/**
 * CPU seconds of the steps that have ended (Linux: this process's reaped children, their own
 * children included, from /proc/self/stat); null elsewhere. Read as each step ends, the growth is
 * that step's CPU time.
 */
function childrenCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}
let cpuSoFar = childrenCpu();

/** Tests counted from the runners' own summaries: node's "# pass N" (once per run), the browsers' "N passed, M failed". */
function count(output) {
  const totals = { passed: 0, failed: 0 };
  for (const match of output.matchAll(/^# pass (\d+)$/gm)) totals.passed += Number(match[1]);
  for (const match of output.matchAll(/^# fail (\d+)$/gm)) totals.failed += Number(match[1]);
  const perBrowser = new Map();
  for (const match of output.matchAll(/^(\w+):\s+\|.*\| (\d+) passed, (\d+) failed/gm)) perBrowser.set(match[1], match);
  for (const match of perBrowser.values()) {
    totals.passed += Number(match[2]);
    totals.failed += Number(match[3]);
  }
  return totals;
}

/** Runs a step in a process group of its own (so that stopping it stops its browsers and servers too), keeping its output. */
function run(step) {
  step.started = Date.now();
  console.log(`▶ ${step.name} (at ${seconds(step.started - started)}s, load ${load()})`);
  const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  step.child = child;
  if (step.yields) {
    try {
      setPriority(child.pid, 10);
    } catch {
      // Not allowed here: it runs at the same priority as the rest.
    }
  }
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      output += `${error.message}\n`;
    });
    child.on('close', (status, signal) => {
      step.ended = Date.now();
      const cpu = childrenCpu();
      if (cpu !== null && cpuSoFar !== null) step.cpu = cpu - cpuSoFar;
      cpuSoFar = cpu;
      step.child = null;
      resolve({ status: status ?? (signal ? 1 : 0), output });
    });
  });
}

function stop(step) {
  try {
    process.kill(-step.child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

const running = new Set();
/** Steps that have ended: passed, or failed without stopping the others. */
const ended = new Set();
/** Steps that failed; the first one that stops the others, if any. */
const failures = [];
let stoppedBy = null;
const totals = { passed: 0, failed: 0 };

// Ctrl-C: the steps are in process groups of their own, so the terminal's signal does not reach them.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const step of running) stop(step);
    process.exit(130);
  });
}

await new Promise((resolveAll) => {
  const next = () => {
    if (!stoppedBy) {
      for (const step of steps) {
        if (step.started || !step.needs.every((name) => ended.has(name))) continue;
        running.add(step);
        void run(step).then(({ status, output }) => {
          running.delete(step);
          const counted = count(output);
          totals.passed += counted.passed;
          totals.failed += counted.failed;
          const took = seconds(step.ended - step.started);
          if (stoppedBy && status !== 0) {
            console.log(`(${step.name} stopped)`);
          } else {
            process.stdout.write(`\n── ${step.name} ──\n${output}`);
            if (status === 0) console.log(`✔ ${step.name} (${took}s)`);
            else console.error(`\n✖ ${step.name} failed after ${took}s`);
          }
          if (status === 0 || step.stopsOthers === false) ended.add(step.name);
          if (status !== 0 && !stoppedBy) {
            failures.push(step);
            if (step.stopsOthers !== false) {
              stoppedBy = step;
              for (const other of running) stop(other);
            }
          }
          next();
        });
      }
    }
    if (running.size === 0) resolveAll();
  };
  next();
});

const total = seconds(Date.now() - started);
console.log(`\nSteps (seconds: start, duration, CPU; load now ${load()}):`);
for (const step of steps) {
  const state = !step.started ? 'not run' : failures.includes(step) ? 'FAILED' : ended.has(step.name) ? '' : 'stopped';
  const cpu = step.cpu === undefined ? '' : `cpu ${step.cpu.toFixed(1)}`;
  const timing = step.started
    ? `${seconds(step.started - started).padStart(6)} +${seconds(step.ended - step.started).padStart(6)} ${cpu.padStart(9)}`
    : ''.padStart(24);
  console.log(`  ${timing}  ${step.name}${state ? `  ${state}` : ''}`);
}
if (stoppedBy) {
  console.log(`\nTests so far: ${totals.passed} passed, ${totals.failed} failed; stopped at ${stoppedBy.name} (${total}s)`);
  process.exit(1);
}
if (failures.length > 0) {
  console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed; failed: ${failures.map((step) => step.name).join(', ')} (${total}s)`);
  process.exit(1);
}
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed (${total}s)`);
