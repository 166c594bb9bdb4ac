import { expect } from '@open-wc/testing';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { act } from 'react';
import { CookieConsent } from '../../src/react/index.js';
import type { ConsentChangeDetail } from '../../src/core/events.js';
import { ConsentManager } from '../../src/core/index.js';
import type { CookieConsentElement } from '../../src/ui/cookie-consent/cookie-consent.component.js';
import { resetBrowserState, waitFor } from '../helpers.js';
import { enableWcag22Rules, settled } from '../ui/ui-fixture.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('cookie-consent-widget/react', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);

  it('renders <CookieConsent>, passes props as properties and calls onConsentChange', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const manager = new ConsentManager();
    const changes: ConsentChangeDetail[] = [];
    try {
      await act(async () => {
        root.render(
          createElement(CookieConsent, {
            manager,
            config: { revision: 2, policyUrl: '/privacy', layout: 'box' },
            onConsentChange: (event: CustomEvent<ConsentChangeDetail>) => changes.push(event.detail),
          }),
        );
      });
      const el = container.querySelector<CookieConsentElement>('cookie-consent')!;
      expect(el).to.be.instanceOf(customElements.get('cookie-consent')!);
      await manager.ready;
      await waitFor(() => el.shadowRoot!.querySelector('[part~="banner"]') !== null, 'the banner');
      await settled(el);
      expect(el.getAttribute('layout')).to.equal('box');
      expect(manager.config?.revision).to.equal(2);
      await expect(el).to.be.accessible();

      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="reject-all"]')!.click();
      await waitFor(() => changes.length === 1, 'onConsentChange');
      expect(changes[0]!.decision?.method).to.equal('reject-all');
      await settled(el);
      await expect(el).to.be.accessible();
    } finally {
      await act(async () => root.unmount());
      manager.dispose();
      container.remove();
    }
  });
});
