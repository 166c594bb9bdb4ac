import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { browsers, chromiumArgs } from './scripts/browsers.mjs';
import { deliveryTestServer } from './test/delivery/server-plugin.mjs';
import { verbatimScriptTagBuild } from './test/fast-path/verbatim-dist.mjs';
import { cspTestServer } from './test/security/csp-server.mjs';
import { insightsTestServer } from './test/receiver/insights-server-plugin.mjs';
import { bringToFrontPlugin } from './test/bring-to-front-plugin.mjs';
import { browserPool } from './test/browser-pool.mjs';
import { durationsReporter } from './test/durations-reporter.mjs';
import { reactAsEsModules } from './test/react/react-esm-plugin.mjs';
import { mediaFeaturesPlugin } from './test/ui/media-features-plugin.mjs';

const [chromium, firefox] = browsers;

// Every test file gets a browser context of its own: fresh cookies, storage and IndexedDB.
// In front from the start: Firefox may hold back the timers of a page it thinks is behind another.
const freshContextPage = async ({ browser }) => {
  const page = await (await browser.createBrowserContext()).newPage();
  await page.bringToFront();
  return page;
};

export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 2,
  concurrentBrowsers: 2,
  // A hang detector, not a speed limit: on a busy machine (npm run test:stress: the whole suite
  // beside two CPU hogs) an axe run over a large page alone can take 10 s.
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 240000,
  // A browser starting on a busy machine (npm run test:stress) can take longer than the default 30 s.
  browserStartTimeout: 120000,
  // WTR_DURATIONS=1 (or =file.json): the slowest test files, per browser (test/durations-reporter.mjs).
  reporters: [defaultReporter(), durationsReporter()],
  // Coverage (Chromium only) costs ~2 s per test file: npm run test:coverage.
  coverage: false,
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov'],
  },
  // The consent-record receiver with switchable faults that test/delivery/ sends to.
  // Pages with a real CSP header and a fresh nonce per request that test/security/ loads.
  // verbatimScriptTagBuild: the script-tag build as built, since its chunks are checked against SRI hashes.
  // The receiver's insights page over a seeded month, that test/receiver/insights-browser.test.ts loads.
  middleware: [deliveryTestServer, cspTestServer, verbatimScriptTagBuild, insightsTestServer],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), reactAsEsModules(), mediaFeaturesPlugin(), bringToFrontPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromium.path,
        headless: true,
        args: chromiumArgs,
      },
      createPage: freshContextPage,
      // Passing puppeteer-core itself makes the reporter name the browsers (Chromium, Firefox).
      puppeteer: puppeteerCore,
    }),
    // Firefox runs one test page per process (see concurrency below), so two processes take turns
    // at the files: WTR_FIREFOX_INSTANCES, 2 unless set (test/browser-pool.mjs).
    browserPool(
      () =>
        chromeLauncher({
          launchOptions: {
            browser: 'firefox',
            executablePath: firefox.path,
            headless: true,
            // Firefox throttles the timers of pages it considers in the background; two test pages
            // run at once, and each must run as a visitor's page in front would.
            extraPrefsFirefox: {
              'dom.min_background_timeout_value': 4,
              'dom.min_background_timeout_value_without_budget_throttling': 4,
              'dom.timeout.enable_budget_timer_throttling': false,
              'dom.suspend_inactive.enabled': false,
              'layout.throttled_frame_rate': 60,
            },
          },
          // A new test page takes the window focus from the one before it, and in Firefox keys then
          // go astray: keyboard tests are only reliable with one page at a time in each Firefox.
          concurrency: 1,
          createPage: freshContextPage,
          // Passing puppeteer-core itself makes the reporter name the browsers (Chromium, Firefox).
          puppeteer: puppeteerCore,
        }),
      Number(process.env.WTR_FIREFOX_INSTANCES ?? 2),
    ),
  ],
};
