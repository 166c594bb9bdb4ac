import { expect } from '@open-wc/testing';
import { act, createElement, StrictMode, type ReactNode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { useConsent } from '../../src/react/index.js';
import { ConsentManager } from '../../src/core/index.js';
import { resetBrowserState, storeDecision } from '../helpers.js';
import { enableWcag22Rules } from '../ui/ui-fixture.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CONFIG = { revision: 1, policyUrl: '/privacy' };

/** A component as a site writes one: what the visitor decided, and an embed only once analytics is granted. */
function Status({ manager }: { manager: ConsentManager }): ReactNode {
  const { decision, granted } = useConsent(manager);
  return createElement(
    'section',
    { 'aria-label': 'Consent' },
    createElement('p', { className: 'method' }, decision ? decision.method : 'undecided'),
    granted('analytics') ? createElement('p', { className: 'analytics' }, 'Analytics on') : null,
  );
}

/** A manager that keeps the listeners it holds, so a test sees whether the hook let go of them. */
class ListenerLedger extends ConsentManager {
  readonly listening = new Map<string, Set<unknown>>();
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    if (!this.listening.has(type)) this.listening.set(type, new Set());
    this.listening.get(type)!.add(listener);
    super.addEventListener(type, listener, options);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    this.listening.get(type)?.delete(listener);
    super.removeEventListener(type, listener, options);
  }
  count(type: string): number {
    return this.listening.get(type)?.size ?? 0;
  }
}

describe('useConsent() from cookie-consent-widget/react', () => {
  let container: HTMLElement;
  let root: Root | undefined;
  const managers: ConsentManager[] = [];
  const started = <T extends ConsentManager>(manager: T): T => {
    managers.push(manager);
    manager.start(CONFIG);
    return manager;
  };
  const text = (selector: string): string | undefined => container.querySelector(selector)?.textContent ?? undefined;

  before(enableWcag22Rules);
  beforeEach(async () => {
    await resetBrowserState();
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(async () => {
    if (root) await act(async () => root!.unmount());
    root = undefined;
    managers.splice(0).forEach((manager) => manager.dispose());
    container.remove();
  });

  it('re-renders on acceptAll() and set(); compliance C9: withdrawing a category takes away what it allowed', async () => {
    const manager = started(new ConsentManager());
    await manager.ready;
    root = createRoot(container);
    await act(async () => root!.render(createElement(Status, { manager })));
    expect(text('.method')).to.equal('undecided');
    expect(text('.analytics'), 'nothing before a decision').to.equal(undefined);
    await expect(container).to.be.accessible();

    await act(async () => void (await manager.acceptAll()));
    expect(text('.method')).to.equal('accept-all');
    expect(text('.analytics')).to.equal('Analytics on');

    await act(async () => void (await manager.set({ analytics: false })));
    expect(text('.method')).to.equal('custom');
    expect(text('.analytics'), 'gone once withdrawn').to.equal(undefined);
    await expect(container).to.be.accessible();
  });

  it('shows a stored decision on the first render', async () => {
    await storeDecision({ analytics: true });
    const manager = started(new ConsentManager());
    root = createRoot(container);
    await act(async () => root!.render(createElement(Status, { manager })));
    expect(text('.method')).to.equal('custom');
    expect(text('.analytics')).to.equal('Analytics on');
    await expect(container).to.be.accessible();
  });

  it('hydrates server HTML (nothing decided) without a mismatch, then shows the stored decision', async () => {
    await storeDecision({ analytics: true });
    const manager = started(new ConsentManager());
    // What renderToString makes of <Status> on the server (test/react/use-consent-ssr.node.test.ts).
    container.innerHTML = '<section aria-label="Consent"><p class="method">undecided</p></section>';
    const recoverable: unknown[] = [];
    await act(async () => {
      root = hydrateRoot(container, createElement(Status, { manager }), { onRecoverableError: (error) => recoverable.push(error) });
    });
    expect(recoverable, 'no hydration mismatch').to.deep.equal([]);
    expect(text('.method')).to.equal('custom');
    expect(text('.analytics')).to.equal('Analytics on');
    await expect(container).to.be.accessible();
  });

  it('holds one listener per event while mounted (StrictMode too), moves to a new manager and lets go on unmount', async () => {
    const first = started(new ListenerLedger());
    const second = started(new ListenerLedger());
    await Promise.all([first.ready, second.ready]);
    root = createRoot(container);
    const render = (manager: ConsentManager) => act(async () => root!.render(createElement(StrictMode, null, createElement(Status, { manager }))));

    await render(first);
    expect(first.count('consent-change'), 'StrictMode mounts twice; the first mount cleaned up').to.equal(1);
    await expect(container).to.be.accessible();

    await render(second);
    expect(first.count('consent-change'), 'the old manager is let go').to.equal(0);
    expect(second.count('consent-change')).to.equal(1);
    await act(async () => void (await second.acceptAll()));
    expect(text('.method')).to.equal('accept-all');

    await act(async () => root!.unmount());
    root = undefined;
    expect([first.count('consent-change'), second.count('consent-change'), second.count('consent-ready')], 'no listener left after unmount').to.deep.equal([
      0, 0, 0,
    ]);
  });
});
