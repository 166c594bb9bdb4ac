/**
 * Runs test/**\/*.node.test.ts with Node's own runner, each file in a process of its own: most
 * files three at a time (NODE_TEST_CONCURRENCY to change it), the slow ones first; then, one at a
 * time, the few that time the receiver under load (ALONE below), so that no other test file is
 * the load they measure. Each file's output is printed in one piece when it ends, then the
 * slowest files. `--shared` runs only the first group and `--alone` only the second: `npm test`
 * runs the second after every other step has ended.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Never beside other tests: the file that measures latency (the p99 of POSTs during a 200,000-row
 * export), and the one that races four receiver processes over one PostgreSQL (beside the browser
 * tests on 2 cores it ran out of its 180 s once, at a load of 40).
 */
const ALONE = ['test/receiver/export-stream.node.test.ts', 'test/receiver/postgres-instances.node.test.ts'];
/**
 * The slowest files (browsers, servers and databases they start), started first so that none is
 * left to run alone at the end; the others follow in alphabetical order.
 */
const SLOW_FIRST = [
  'test/scanner/crawl.node.test.ts',
  'test/scanner/demo-scan.node.test.ts',
  'test/demo/demo-site.node.test.ts',
  'test/scanner/leaks.node.test.ts',
  'test/scanner/other-banner.node.test.ts',
  'test/server/postgres-store.node.test.ts',
  'test/receiver/insights-aggregates.node.test.ts',
];

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return find(path);
    return entry.name.endsWith('.node.test.ts') ? [path] : [];
  });
}

const files = find('test').sort();
if (files.length === 0) {
  console.error('No Node tests found under test/.');
  process.exit(1);
}
const rank = (file) => (SLOW_FIRST.includes(file) ? SLOW_FIRST.indexOf(file) : SLOW_FIRST.length);
const only = process.argv[2];
const groups = [
  {
    files: files.filter((file) => !ALONE.includes(file)).sort((a, b) => rank(a) - rank(b)),
    concurrency: Number(process.env.NODE_TEST_CONCURRENCY ?? 3),
    skip: only === '--alone',
  },
  { files: files.filter((file) => ALONE.includes(file)), concurrency: 1, skip: only === '--shared' },
];

/** One file with `node --test`; resolves with its exit status once its output is printed. */
function runFile(file) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status, signal) => {
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`\n# ── ${file} (${seconds.toFixed(1)}s) ──\n${output}`);
      resolve({ file, seconds, status: status ?? (signal ? 1 : 0) });
    });
  });
}

/** The files of a group, `concurrency` at a time, in order. */
async function runGroup({ files: queue, concurrency }) {
  const results = [];
  const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) results.push(await runFile(file));
  });
  await Promise.all(workers);
  return results;
}

const results = [];
for (const group of groups) {
  if (group.skip || group.files.length === 0) continue;
  results.push(...(await runGroup(group)));
  if (results.some((result) => result.status !== 0)) break;
}
const failed = results.filter((result) => result.status !== 0);
console.log(`\n# Slowest Node test files (of ${results.length}):`);
for (const { file, seconds } of [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 10)) {
  console.log(`#   ${seconds.toFixed(1).padStart(6)}s  ${file}`);
}
if (failed.length > 0) console.log(`# Failed: ${failed.map((result) => result.file).join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
