/**
 * `node bench/scanner.mjs` (after `npm run build`): how long `cookie-consent-widget scan` takes
 * over a 20-page site: each page has the script-tag widget, a gated analytics script, a gated
 * pixel and one ungated script (a leak, so the reports have something to say). The site is
 * served on 127.0.0.1 by this process; the scan runs through the package's bin in a child
 * process, BENCH_RUNS times (default 3). Wall time per run, the machine's core count and load
 * average are printed and written to bench/scanner-results.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(root, 'dist', 'scanner', 'cli.js'))) {
  console.error('dist/scanner/cli.js is missing: run `npm run build` first.');
  process.exit(1);
}

const config = JSON.stringify({
  revision: 1,
  policyUrl: '/privacy',
  categories: [
    { id: 'session', required: true },
    { id: 'analytics', cookies: [{ name: 'bench_views', provider: 'Bench', duration: '1 year', purpose: 'Counts views' }] },
    { id: 'promotional', cookies: [{ name: 'bench_promo', provider: 'Bench', duration: '6 months', purpose: 'Offers' }] },
  ],
});
const nav = Array.from({ length: PAGES }, (_, index) => `<a href="/page-${index}.html">Page ${index}</a>`).join(' ');
const page = (index) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page ${index}</title>
<script type="application/json" id="cookie-consent-config">${config}</script>
<script src="/dist/cookie-consent.js"></script>
<script type="text/plain" data-consent="analytics" src="/views.js"></script>
<script type="text/plain" data-consent="promotional" src="/promo.js"></script>
<script src="/ungated.js"></script>
</head><body><h1>Page ${index}</h1><nav>${nav}</nav><p>${'Text. '.repeat(200)}</p></body></html>`;
const scripts = {
  '/views.js': "localStorage.setItem('bench_views', String(Number(localStorage.getItem('bench_views') ?? 0) + 1));",
  '/promo.js': "document.cookie = 'bench_promo=1; Max-Age=15552000; Path=/; SameSite=Lax';",
  '/ungated.js': "document.cookie = 'bench_ungated=1; Max-Age=15552000; Path=/; SameSite=Lax';",
};

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url, 'http://bench');
  const match = /^\/(?:page-(\d+)\.html)?$/.exec(pathname);
  if (match) return void response.writeHead(200, { 'content-type': 'text/html' }).end(page(Number(match[1] ?? 0)));
  if (scripts[pathname]) return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(scripts[pathname]);
  if (pathname.startsWith('/dist/') && /^[\w.-]+$/.test(pathname.slice(6)) && existsSync(join(root, pathname))) {
    return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(root, pathname)));
  }
  response.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const dir = mkdtempSync(join(tmpdir(), 'bench-scanner-'));

function scanOnce() {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [
      join(root, 'bin', 'cookie-consent-widget.mjs'),
      'scan',
      `${origin}/`,
      '--json',
      '--quiet',
      '--pages',
      String(PAGES),
      '--html',
      join(dir, 'report.html'),
    ]);
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', (code) => resolve({ code, seconds: (performance.now() - started) / 1000, report: JSON.parse(stdout || '{}') }));
  });
}

const runs = [];
for (let run = 0; run < RUNS; run++) {
  const load = loadavg()[0];
  const result = await scanOnce();
  runs.push({ ...result, load });
  console.log(
    `run ${run + 1}: ${result.seconds.toFixed(1)} s, exit ${result.code}, ${result.report.pages?.length} pages, ${result.report.items?.length} items, ${result.report.leaks?.length} leaks (load average before: ${load.toFixed(1)})`,
  );
}
server.close();
rmSync(dir, { recursive: true, force: true });

const seconds = runs.map((run) => run.seconds).sort((a, b) => a - b);
const median = seconds[Math.floor(seconds.length / 2)];
const lines = [
  '# Scanner benchmark',
  '',
  `\`node bench/scanner.mjs\` on ${new Date().toISOString().slice(0, 10)}: ${PAGES} pages, each visited before any choice, after "Accept all" and after "Reject all" (${PAGES * 3 + 2} page loads), ${cpus().length} cores, Node ${process.version}.`,
  '',
  '| run | wall time (s) | exit code | pages | items | leaks | load average (1 min) before |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...runs.map(
    (run, index) =>
      `| ${index + 1} | ${run.seconds.toFixed(1)} | ${run.code} | ${run.report.pages?.length} | ${run.report.items?.length} | ${run.report.leaks?.length} | ${run.load.toFixed(1)} |`,
  ),
  '',
  `Median: ${median.toFixed(1)} s (budget: under 60 s on 2 cores).`,
  '',
];
writeFileSync(join(root, 'bench', 'scanner-results.md'), lines.join('\n'));
console.log(`median ${median.toFixed(1)} s; written to bench/scanner-results.md`);
