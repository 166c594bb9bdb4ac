/**
 * `npm run test:file -- <file>...`: runs the test files named, each with the runner its name
 * asks for: `*.node.test.ts` with Node's own runner (as scripts/node-tests.mjs does),
 * any other `*.test.ts` in Chromium and Firefox ESR (web-test-runner with the project's config).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { installHint, missingBrowsers } from './browsers.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('Name the test files to run, for example: npm run test:file -- test/core/config.test.ts');
  process.exit(1);
}
for (const file of files) {
  if (!file.endsWith('.test.ts')) {
    console.error(`${file} is not a test file: expected a name ending in .test.ts (browser) or .node.test.ts (Node).`);
    process.exit(1);
  }
  if (!existsSync(file)) {
    console.error(`${file} does not exist (paths are relative to the repository root).`);
    process.exit(1);
  }
}

const nodeFiles = files.filter((file) => file.endsWith('.node.test.ts'));
const browserFiles = files.filter((file) => !file.endsWith('.node.test.ts'));

/** Runs a step with its output passed through; the exit status of the first that fails ends the run. */
function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (nodeFiles.length > 0) run(process.execPath, ['--import', 'tsx', '--test', ...nodeFiles]);
if (browserFiles.length > 0) {
  const missing = missingBrowsers();
  if (missing.length > 0) {
    console.error(installHint(missing));
    process.exit(1);
  }
  run('npx', ['web-test-runner', ...browserFiles]);
}
