/**
 * `npm test`: every check, in the order that fails fastest. Stops at once, with one line that
 * says how to install them, when a browser is missing.
 */
import { spawnSync } from 'node:child_process';
import { installHint, missingBrowsers } from './browsers.mjs';

const missing = missingBrowsers();
if (missing.length > 0) {
  console.error(installHint(missing));
  process.exit(1);
}

const steps = [
  ['lint', 'npx', ['eslint', '.']],
  // The build comes before the typecheck: tests import the built package from dist/.
  ['build', 'npm', ['run', 'build', '--silent']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['package (publint, are-the-types-wrong)', 'npm', ['run', 'lint:package', '--silent']],
  ['node tests', 'npm', ['run', 'test:node', '--silent']],
  ['browser tests', 'npx', ['web-test-runner']],
  // Last, so that a build over its size ceiling still gets every other check run.
  ['size (ceilings; budgets reported)', 'npm', ['run', 'size', '--silent']],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds}s)`);
}
