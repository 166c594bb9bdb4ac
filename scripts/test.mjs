/**
 * `npm test`: every check, in the order that fails fastest. Stops at once, with one line that
 * says how to install them, when a browser is missing.
 */
import { spawn } from 'node:child_process';
import { installHint, missingBrowsers } from './browsers.mjs';

const missing = missingBrowsers();
if (missing.length > 0) {
  console.error(installHint(missing));
  process.exit(1);
}

const steps = [
  ['lint (ESLint, Prettier)', 'npm', ['run', 'lint', '--silent']],
  // The build comes before the typecheck: tests import the built package from dist/, and
  // test/types/ checks its published declarations under moduleResolution bundler and node16.
  ['build', 'npm', ['run', 'build', '--silent']],
  ['typecheck', 'npm', ['run', 'typecheck', '--silent']],
  ['package (publint, are-the-types-wrong)', 'npm', ['run', 'lint:package', '--silent']],
  ['node tests', 'npm', ['run', 'test:node', '--silent']],
  ['browser tests', 'npx', ['web-test-runner']],
  // Last, so that a build over its size ceiling still gets every other check run.
  ['size (ceilings)', 'npm', ['run', 'size', '--silent']],
];

/** Runs a step, passing its output through and keeping it to count the tests it ran. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** Tests counted from the runners' own summaries: node's "# pass N", the browsers' "N passed, M failed". */
function count(output) {
  const totals = { passed: 0, failed: 0 };
  const node = { pass: /^# pass (\d+)$/m.exec(output), fail: /^# fail (\d+)$/m.exec(output) };
  if (node.pass) totals.passed += Number(node.pass[1]);
  if (node.fail) totals.failed += Number(node.fail[1]);
  const perBrowser = new Map();
  for (const match of output.matchAll(/^(\w+):\s+\|.*\| (\d+) passed, (\d+) failed/gm)) perBrowser.set(match[1], match);
  for (const match of perBrowser.values()) {
    totals.passed += Number(match[2]);
    totals.failed += Number(match[3]);
  }
  return totals;
}

const totals = { passed: 0, failed: 0 };
for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const { status, output } = await run(command, args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counted = count(output);
  totals.passed += counted.passed;
  totals.failed += counted.failed;
  if (status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds}s`);
    console.log(`\nTests so far: ${totals.passed} passed, ${totals.failed} failed; stopped at ${name}`);
    process.exit(status ?? 1);
  }
  console.log(`✔ ${name} (${seconds}s)`);
}
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed`);
