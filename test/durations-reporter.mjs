import { writeFileSync } from 'node:fs';

/**
 * A web-test-runner reporter that times each test file in each browser, from the moment a browser
 * takes it (INITIALIZING) to its results being in (FINISHED). Silent unless WTR_DURATIONS is set:
 * then it prints the slowest files at the end and, when WTR_DURATIONS names a file (not "1"), writes
 * every timing there as JSON. `WTR_DURATIONS=1 npx web-test-runner` profiles the browser tests.
 */
/** Each test's own duration (mocha's), slowest first. */
function testsOf(suite, path = []) {
  if (!suite) return [];
  const own = suite.tests.map((test) => ({ name: [...path, test.name].join(' > '), ms: test.duration ?? 0 }));
  const nested = suite.suites.flatMap((child) => testsOf(child, [...path, child.name]));
  return [...own, ...nested].sort((a, b) => b.ms - a.ms);
}

export function durationsReporter({ top = 15 } = {}) {
  const target = process.env.WTR_DURATIONS;
  const started = new Map();
  const timings = [];
  let logger;
  return {
    start({ sessions, config }) {
      if (!target) return;
      logger = config.logger;
      // Sessions a browser took before this reporter started count from now.
      for (const session of sessions.all()) if (session.status !== 'SCHEDULED') started.set(session.id, Date.now());
      sessions.on('session-status-updated', (session) => {
        if (session.status !== 'SCHEDULED' && !started.has(session.id)) started.set(session.id, Date.now());
        if (session.status === 'FINISHED' && started.has(session.id)) {
          timings.push({
            file: session.testFile.replace(`${process.cwd()}/`, ''),
            browser: session.browser.name,
            ms: Date.now() - started.get(session.id),
            passed: Boolean(session.passed),
            tests: testsOf(session.testResults),
          });
        }
      });
    },
    stop() {
      if (!target) return;
      timings.sort((a, b) => b.ms - a.ms);
      if (target !== '1') writeFileSync(target, `${JSON.stringify(timings, null, 2)}\n`);
      const lines = timings.slice(0, top).map(({ file, browser, ms }) => `${(ms / 1000).toFixed(1).padStart(6)} s  ${browser.padEnd(9)} ${file}`);
      (logger ?? console).log(`\nSlowest browser test files (of ${timings.length}):\n${lines.join('\n')}`);
    },
  };
}
