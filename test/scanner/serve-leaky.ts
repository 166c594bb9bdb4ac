/**
 * `npx tsx test/scanner/serve-leaky.ts`: serves the leaky fixture shop the scanner's tests use,
 * to scan it by hand (README, "Cookie scanner"). Needs `npm run build` for the widget.
 */
import { serveLeakySite } from './leaky-site.js';

const { site } = await serveLeakySite();
console.log(`Leaky fixture shop: ${site.origin}/  (Ctrl+C to stop)`);
