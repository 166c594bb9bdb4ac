import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserPool } from './browser-pool.mjs';

/** A stand-in for one browser instance: sessions start when the test says, and it notes what happened. */
function fakeLauncher(log: string[], index: number) {
  const active = new Set<string>();
  const starts = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  let browser: Promise<void> | null = null;
  let launch!: () => void;
  const launched = new Promise<void>((resolve) => (launch = resolve));
  return {
    name: 'Fake',
    type: 'fake',
    getOrStartBrowser() {
      if (!browser) log.push(`launch ${index}`);
      browser ??= launched;
      return browser;
    },
    finishLaunch: () => launch(),
    async startSession(sessionId: string) {
      await this.getOrStartBrowser();
      await new Promise<void>((resolve, reject) => starts.set(sessionId, { resolve, reject }));
      active.add(sessionId);
      log.push(`start ${sessionId} on ${index}`);
    },
    started: (sessionId: string) => starts.get(sessionId)!.resolve(),
    failed: (sessionId: string) => starts.get(sessionId)!.reject(new Error(`${sessionId} failed`)),
    isActive: (sessionId: string) => active.has(sessionId),
    getBrowserUrl: () => undefined,
    getPage: (sessionId: string) => `page of ${sessionId} on ${index}`,
    async stopSession(sessionId: string) {
      active.delete(sessionId);
      log.push(`stop ${sessionId} on ${index}`);
      return {};
    },
    startDebugSession: async () => {},
  };
}

function setUp(size = 2) {
  const log: string[] = [];
  const launchers: ReturnType<typeof fakeLauncher>[] = [];
  const pool = browserPool(() => {
    const launcher = fakeLauncher(log, launchers.length);
    launchers.push(launcher);
    return launcher;
  }, size);
  return { log, launchers, pool };
}

/** Lets the pool's promises run: a few turns of the event loop. */
const tick = async () => {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
};

describe('browserPool (web-test-runner: several instances of a browser, one test page each)', () => {
  it('runs one session per instance, launches the instances one after another, and frees an instance when its session stops', async () => {
    const { log, launchers, pool } = setUp();
    assert.equal(pool.concurrency, 2);
    assert.equal(pool.name, 'Fake');
    const a = pool.startSession('a', 'url');
    const b = pool.startSession('b', 'url');
    await tick();
    assert.deepEqual(log, ['launch 0'], 'the second waits for the first to launch');
    launchers[0]!.finishLaunch();
    await tick();
    assert.deepEqual(log, ['launch 0', 'launch 1']);
    launchers[1]!.finishLaunch();
    await tick();
    launchers[0]!.started('a');
    launchers[1]!.started('b');
    await Promise.all([a, b]);
    assert.equal(pool.getPage('b'), 'page of b on 1');
    assert.equal(pool.isActive('a'), true);
    await pool.stopSession('a');
    const c = pool.startSession('c', 'url');
    await tick();
    launchers[0]!.started('c');
    await c;
    assert.deepEqual(log.slice(2), ['start a on 0', 'start b on 1', 'stop a on 0', 'start c on 0']);
  });

  it('frees the instance of a session that failed to start', async () => {
    const { log, launchers, pool } = setUp(1);
    launchers[0]!.finishLaunch();
    const a = pool.startSession('a', 'url');
    await tick();
    launchers[0]!.failed('a');
    await assert.rejects(a, /a failed/);
    assert.equal(pool.isActive('a'), false);
    const b = pool.startSession('b', 'url');
    await tick();
    launchers[0]!.started('b');
    await b;
    assert.deepEqual(log, ['launch 0', 'start b on 0']);
  });

  it('takes over the instance of a session the runner gave up on while it started, and stops what that start left', async () => {
    const { log, launchers, pool } = setUp(1);
    launchers[0]!.finishLaunch();
    const a = pool.startSession('a', 'url');
    await tick();
    // The runner's browserStartTimeout passed: it fails session a (not active, so not stopped) and starts b.
    const b = pool.startSession('b', 'url');
    await tick();
    launchers[0]!.started('a');
    await a;
    await tick();
    launchers[0]!.started('b');
    await b;
    assert.deepEqual(log, ['launch 0', 'start a on 0', 'stop a on 0', 'start b on 0']);
    assert.equal(pool.isActive('b'), true);
  });
});
