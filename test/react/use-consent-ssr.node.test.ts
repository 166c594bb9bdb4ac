import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

// The built package, as a server-rendering framework (Next.js, Remix) imports it: no window, no document.
describe('useConsent() on the server (renderToString in Node)', () => {
  it('compliance C1: renders nothing decided and nothing granted, required categories included, without throwing', async () => {
    const { useConsent } = await import('cookie-consent-widget/react');
    const seen: unknown[] = [];
    function Status() {
      const { decision, granted, manager } = useConsent();
      seen.push({ decision, session: granted('session'), analytics: granted('analytics'), started: manager.started });
      return createElement(
        'section',
        { 'aria-label': 'Consent' },
        createElement('p', { className: 'method' }, decision ? decision.method : 'undecided'),
        granted('analytics') ? createElement('p', { className: 'analytics' }, 'Analytics on') : null,
      );
    }
    // The same markup test/react/use-consent.test.ts hydrates in the browser.
    assert.equal(renderToString(createElement(Status)), '<section aria-label="Consent"><p class="method">undecided</p></section>');
    assert.deepEqual(seen, [{ decision: null, session: false, analytics: false, started: false }]);
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  });
});
