import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConsentConfig } from '../../src/core/types.js';
import { resetBrowserState, waitFor } from '../helpers.js';
import { bringToFront, disposeManagers, enableWcag22Rules, focused, mountConsent, type Mounted, openDialog, settled } from './ui-fixture.js';

const withServices: Partial<ConsentConfig> = {
  categories: [
    { id: 'session', required: true, services: [{ id: 'login', label: 'Sign-in' }] },
    {
      id: 'analytics',
      services: [
        {
          id: 'statistics',
          label: 'Statistics',
          description: 'Counts visits without following you elsewhere.',
          provider: 'Stats Ltd.',
          policyUrl: 'https://stats.example/privacy',
          cookies: [{ name: '_stat', provider: 'Stats Ltd.', duration: '1 year', purpose: 'Tells visits apart' }],
        },
        { id: 'heatmap', label: 'Heatmap', description: 'Shows where visitors click.' },
      ],
    },
    {
      id: 'promotional',
      services: [
        { id: 'pixel', label: 'Ad pixel' },
        { id: 'video', label: 'Video host' },
      ],
    },
  ],
};

const control = (mounted: Mounted, id: string) => mounted.$<HTMLInputElement>(`#cc-switch-${id}`);

async function press(mounted: Mounted, id: string): Promise<void> {
  control(mounted, id).focus();
  await sendKeys({ press: ' ' });
  await settled(mounted.el);
}

describe('a switch per service in the preferences dialog (compliance C19, C27)', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  beforeEach(bringToFront);
  afterEach(disposeManagers);

  it('each service has a switch under its category, named by its label and described by its text', async () => {
    const mounted = await mountConsent(withServices);
    await openDialog(mounted);
    for (const [id, name] of [
      ['statistics', 'Statistics'],
      ['heatmap', 'Heatmap'],
      ['pixel', 'Ad pixel'],
      ['video', 'Video host'],
    ]) {
      const input = control(mounted, id!);
      expect(input.getAttribute('role')).to.equal('switch');
      expect(input.labels![0]!.textContent).to.equal(name);
      expect(input.checked, `${id} starts off (compliance C2)`).to.equal(false);
      expect(input.closest('.cc-category')!.querySelector('.cc-category-head input')!.id, `${id} sits under its category`).to.not.equal(input.id);
    }
    const described = mounted.$(`#${control(mounted, 'statistics').getAttribute('aria-describedby')}`);
    expect(described.textContent).to.include('Counts visits without following you elsewhere.').and.to.include('Stats Ltd.');
    expect(mounted.$<HTMLAnchorElement>('[part~="service-policy-link"]').href).to.equal('https://stats.example/privacy');
    expect(mounted.$<HTMLAnchorElement>('[part~="service-policy-link"]').textContent).to.equal('Privacy policy of Stats Ltd.');
    expect(control(mounted, 'login').checked && control(mounted, 'login').disabled, "a required category's service is on and disabled").to.equal(true);
    await expect(mounted.el).to.be.accessible();
  });

  it('the keyboard turns a category on with its services, then one service off; the category stays on until its last service is off', async () => {
    const mounted = await mountConsent(withServices);
    await openDialog(mounted);
    await press(mounted, 'analytics');
    expect([control(mounted, 'statistics').checked, control(mounted, 'heatmap').checked]).to.deep.equal([true, true]);
    await press(mounted, 'heatmap');
    expect(focused()).to.equal(control(mounted, 'heatmap'));
    expect([control(mounted, 'analytics').checked, control(mounted, 'statistics').checked, control(mounted, 'heatmap').checked]).to.deep.equal([
      true,
      true,
      false,
    ]);
    await press(mounted, 'statistics');
    expect(control(mounted, 'analytics').checked, 'the last service off turns its category off').to.equal(false);
    await press(mounted, 'video');
    expect(control(mounted, 'promotional').checked, 'a service on turns its category on').to.equal(true);
    expect(control(mounted, 'pixel').checked).to.equal(false);
    await expect(mounted.el).to.be.accessible();
  });

  it('saving keeps each service as switched, and the receipt names the allowed services of a category partly allowed', async () => {
    const mounted = await mountConsent(withServices);
    await openDialog(mounted);
    await press(mounted, 'analytics');
    await press(mounted, 'heatmap');
    mounted.$('[part~="save"]').click();
    await waitFor(() => mounted.manager.decision !== null, 'the choice saved');
    expect(mounted.manager.decision!.services).to.deep.equal({ login: true, statistics: true, heatmap: false, pixel: false, video: false });
    await openDialog(mounted);
    expect(control(mounted, 'heatmap').checked, 'the dialog shows the saved choice').to.equal(false);
    expect(control(mounted, 'statistics').checked).to.equal(true);
    expect(mounted.$('.cc-receipt').textContent).to.include('Custom choice: Analytics (Statistics)');
    await expect(mounted.el).to.be.accessible();
  });
});
