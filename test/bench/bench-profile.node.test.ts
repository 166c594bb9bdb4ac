import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { type CallFrame, addProfile, distFileOf, emptyTotals } from '../../bench/lib/cpu-profile.mjs';
import { nameInSource } from '../../bench/lib/source-names.mjs';

const frame = (functionName: string, url: string, lineNumber = 0, columnNumber = 0): CallFrame => ({ functionName, url, lineNumber, columnNumber });

describe('CPU profile self time', () => {
  it('gives each sample the time until the next one, by built file and by function, idle left out', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('boot', 'http://127.0.0.1:1/dist/cookie-consent.js', 0, 100) },
        { id: 3, callFrame: frame('draw', 'http://127.0.0.1:1/dist/cookie-consent.banner.js?v=abc', 0, 7) },
        { id: 4, callFrame: frame('(idle)', '') },
        { id: 5, callFrame: frame('poll', 'http://127.0.0.1:1/probe.js') },
      ],
      samples: [2, 2, 3, 4, 5, 2],
      timeDeltas: [0, 100, 200, 300, 400, 500],
    };
    const totals = addProfile(addProfile(emptyTotals(), profile), profile);
    // boot: samples 0 and 1 last 100 + 200 µs; the last sample has no end and counts nothing.
    assert.equal(totals.modules.get('cookie-consent.js'), 600);
    assert.equal(totals.modules.get('cookie-consent.banner.js'), 600);
    assert.equal(totals.modules.get('(page, probe and other scripts)'), 1000);
    assert.equal(totals.modules.has('(idle)'), false);
    assert.deepEqual(
      [...totals.functions.values()].map(({ module, micros }) => [module, micros]),
      [
        ['cookie-consent.js', 600],
        ['cookie-consent.banner.js', 600],
      ],
    );
  });

  it('knows the widget’s files by their dist/ path, query dropped', () => {
    assert.equal(distFileOf('https://cdn.example/pkg/dist/cookie-consent.ui.js?v=1'), 'cookie-consent.ui.js');
    assert.equal(distFileOf('http://127.0.0.1/analytics.js'), null);
  });
});

describe('function names from the source line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-names-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'sample.ts');
  writeFileSync(
    file,
    [
      'export function ownScript(doc: Document) {',
      '  const apply = (): void => {',
      "    guarded('mutation', () => {",
      '  private readonly onChange: Handler = async () => {',
      '  return [1].map((n) => n);',
    ].join('\n'),
  );

  it('reads declarations, assignments and the call a callback is passed to', () => {
    assert.equal(nameInSource(file, 0, 6), 'ownScript');
    assert.equal(nameInSource(file, 1, 16), 'apply');
    assert.equal(nameInSource(file, 2, 24), '(callback of guarded)');
    assert.equal(nameInSource(file, 3, 45), 'onChange');
    assert.equal(nameInSource(file, 4, 17), '(callback of map)');
    assert.equal(nameInSource(file, 9, 0), null);
  });
});
