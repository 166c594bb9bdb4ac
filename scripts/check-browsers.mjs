import { installHint, missingBrowsers } from './browsers.mjs';

const missing = missingBrowsers();
if (missing.length > 0) {
  console.error(installHint(missing));
  process.exit(1);
}
