/**
 * `npm run bench`: our script-tag build beside vanilla-cookieconsent 3.1 and Orejime 3.2 in
 * headless Chromium (CPU throttled 4×) on identical pages served from 127.0.0.1, judged against
 * the targets and written to bench/results.md (lib/comparison.mjs). `-- --repeat N` makes N full
 * runs and judges the median of their medians; `-- --profile` instead profiles our first and
 * returning visits with the DevTools CPU profiler (lib/profile.mjs).
 */
import { parseBenchOptions } from './lib/args.mjs';
import { originOf, servePages } from './lib/pages.mjs';

let options;
try {
  options = parseBenchOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const server = await servePages();
const origin = originOf(server);
if (options.serveOnly) {
  console.log(`${origin}/ours.html, /vcc.html, /orejime.html, /none.html (Ctrl+C to stop)`);
} else {
  try {
    if (options.profile) {
      const { runProfile } = await import('./lib/profile.mjs');
      await runProfile({ origin, visitors: options.visitors });
    } else {
      const { runComparison } = await import('./lib/comparison.mjs');
      await runComparison({ origin, visitors: options.visitors, repeat: options.repeat });
    }
  } finally {
    server.close();
  }
}
