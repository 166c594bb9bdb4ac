// The DOM-free parts of running consented scripts (src/core/gating/script-order.ts) in Node, on
// a fake clock: which kind a script is, the order scripts start in, the load timeout. Real
// scripts running in real pages are in test/gating/scripts.test.ts.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { EXTERNAL, inParserOrder, kindOf, LOAD_TIMEOUT_MS, MODULE, settles } from '../../src/core/gating/script-order.js';
import { captureWarnings, fakeClock, until } from '../delivery/fakes.js';

/** A script element as far as kindOf reads it: its attributes. */
const script = (attributes: Record<string, string>) => ({ getAttribute: (name: string) => attributes[name] ?? null });

describe('what orders a script', () => {
  it('an inline classic script is neither external nor a module', () => {
    assert.equal(kindOf(script({ 'data-consent': 'analytics' })), 0);
  });

  it('src, or data-src for markup the browser must not even fetch, makes it external', () => {
    assert.equal(kindOf(script({ src: '/a.js' })), EXTERNAL);
    assert.equal(kindOf(script({ 'data-src': '/a.js' })), EXTERNAL);
  });

  it('data-type="module" makes it a module, compared as browsers compare types (trimmed, any case)', () => {
    assert.equal(kindOf(script({ 'data-type': ' Module ' })), MODULE);
    assert.equal(kindOf(script({ 'data-type': 'module', src: '/m.js' })), EXTERNAL | MODULE);
    assert.equal(kindOf(script({ 'data-type': 'text/javascript' })), 0);
  });
});

/**
 * Scripts handed to inParserOrder(): each `insert` is logged and returns a promise the test
 * settles with `ran(name)`, as the browser's load event (or an inline script's running) would.
 */
function scripts() {
  const start = inParserOrder();
  const inserted: string[] = [];
  const running = new Map<string, () => void>();
  return {
    inserted,
    add(name: string, kind: number) {
      start(kind, () => {
        inserted.push(name);
        // An inline classic script has run once inserted, as the browser runs it.
        if (kind === 0) return Promise.resolve();
        return new Promise<void>((resolve) => running.set(name, resolve));
      });
    },
    ran(name: string) {
      running.get(name)!();
    },
  };
}

describe('consented scripts start in the order the parser would run them', () => {
  beforeEach(() => captureWarnings());
  afterEach(() => mock.restoreAll());

  it('external classic scripts one after another start together (the browser keeps their order)', async () => {
    const page = scripts();
    page.add('a.js', EXTERNAL);
    page.add('b.js', EXTERNAL);
    await until(() => page.inserted.length === 2, 'both scripts inserted');
    assert.deepEqual(page.inserted, ['a.js', 'b.js']);
  });

  it('an inline script waits until the external script before it has run', async () => {
    const page = scripts();
    page.add('a.js', EXTERNAL);
    page.add('inline', 0);
    await until(() => page.inserted.length === 1, 'the external script inserted');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(page.inserted, ['a.js'], 'the inline script waits');
    page.ran('a.js');
    await until(() => page.inserted.length === 2, 'the inline script inserted');
  });

  it('a module waits for the scripts before it, and the scripts after it wait for the module', async () => {
    const page = scripts();
    page.add('a.js', EXTERNAL);
    page.add('m', MODULE);
    page.add('b.js', EXTERNAL);
    await until(() => page.inserted.length === 1, 'the first script');
    page.ran('a.js');
    await until(() => page.inserted.length === 2, 'the module');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(page.inserted, ['a.js', 'm'], 'b.js waits for the module');
    page.ran('m');
    await until(() => page.inserted.length === 3, 'the script after the module');
  });

  it('inline scripts one after another start at once: each has run when inserted', async () => {
    const page = scripts();
    page.add('one', 0);
    page.add('two', 0);
    page.add('three', 0);
    await until(() => page.inserted.length === 3, 'all three');
    assert.deepEqual(page.inserted, ['one', 'two', 'three']);
  });

  it('a script that cannot be started is warned about, and those after it still start', async () => {
    const warnings = captureWarnings();
    const start = inParserOrder();
    const inserted: string[] = [];
    start(0, () => {
      throw new Error('broken');
    });
    start(0, async () => void inserted.push('after'));
    await until(() => inserted.length === 1, 'the script after the broken one');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /could not be started/);
  });
});

describe('a consented script that never loads (a fake clock)', () => {
  let warnings: string[] = [];
  beforeEach(() => {
    warnings = captureWarnings();
  });
  afterEach(() => mock.restoreAll());

  it('settles when the script has run, clears its timer and stops listening', async () => {
    const clock = fakeClock();
    let stopped = 0;
    let done: () => void = () => undefined;
    const settled = settles(
      (callback) => {
        done = callback;
        return () => void stopped++;
      },
      true,
      clock,
    );
    assert.deepEqual(clock.pending(), [LOAD_TIMEOUT_MS]);
    done();
    await settled;
    assert.deepEqual(clock.pending(), []);
    assert.equal(stopped, 1);
    assert.deepEqual(warnings, []);
  });

  it(`holds back the scripts after it for ${LOAD_TIMEOUT_MS / 1000} s, then lets them run, with one warning`, async () => {
    const clock = fakeClock();
    let stopped = 0;
    let isSettled = false;
    void settles(() => () => void stopped++, true, clock).then(() => (isSettled = true));
    clock.advance(LOAD_TIMEOUT_MS - 1);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(isSettled, false, 'not a millisecond early');
    clock.advance(1);
    await until(() => isSettled, 'the timeout');
    assert.equal(stopped, 1);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /did not load within 15 s; the scripts after it run anyway/);
  });

  it('an inline module that never reports is let go quietly: no warning', async () => {
    const clock = fakeClock();
    const settled = settles(() => undefined, false, clock);
    clock.next();
    await settled;
    assert.deepEqual(warnings, []);
  });
});
