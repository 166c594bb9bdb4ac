import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConsentRecord } from '../../src/core/delivery/record.js';
import type { ConsentManager } from '../../src/core/manager.js';
import { cookieJar, openFrame, resetBrowserState, visibleIn, waitFor } from '../helpers.js';
import { newLane } from '../delivery/lane.js';
import { expectAccessibleInFrame } from '../ui/ui-helpers.js';

type ServicesPageWindow = Window & {
  cookieConsent?: ConsentManager;
  runs: string[];
  errors: string[];
  delivered: ConsentRecord[];
};

const config = (endpoint: string) => ({
  revision: 1,
  policyUrl: '/privacy',
  endpoint,
  reloadOnWithdraw: false,
  categories: [
    { id: 'session', required: true },
    {
      id: 'analytics',
      services: [
        { id: 'statistics', label: 'Statistics', erase: ['_stat*'] },
        { id: 'heatmap', label: 'Heatmap', cookies: [{ name: 'hm_session', provider: 'Heat Ltd.', duration: '1 day', purpose: 'Records clicks' }] },
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
});

async function openServicesPage(endpoint: string) {
  const opened = await openFrame(`/test/fast-path/fixtures/services.html?config=${encodeURIComponent(JSON.stringify(config(endpoint)))}`);
  const page = () => opened.frame.contentWindow as ServicesPageWindow;
  await waitFor(() => page().cookieConsent !== undefined, 'the manager');
  await page().cookieConsent!.ready;
  const element = () => opened.frame.contentDocument!.querySelector('cookie-consent')!;
  return { ...opened, page, element };
}

/** Focuses a control in the frame and presses a key, as a visitor on the keyboard does. */
async function press(control: HTMLElement, key: string): Promise<void> {
  control.focus();
  await sendKeys({ press: key });
}

describe('consent per service in the script-tag build (compliance C27)', () => {
  beforeEach(resetBrowserState);

  it("turning one analytics service off in the dialog keeps its script from running while the other's runs, erases its cookies and records it as refused", async function () {
    // A page, the interface chunk, a decision and its delivery: more than one page's work.
    this.timeout(20_000);
    document.cookie = 'hm_session=1; Path=/';
    document.cookie = '_stat_id=1; Path=/';
    const lane = newLane();
    const { frame, page, element } = await openServicesPage(lane.endpoint);
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="banner"]') !== null, 'the banner');
    visibleIn(element().shadowRoot, '[part~="customize"]')!.click();
    const root = () => element().shadowRoot!;
    const dialog = () => root().querySelector<HTMLDialogElement>('dialog[part~="dialog"]');
    await waitFor(() => dialog()?.open === true, 'the preferences dialog', 8000);
    const control = (id: string) => root().querySelector<HTMLInputElement>(`#cc-switch-${id}`)!;
    expect(control('heatmap').getAttribute('role')).to.equal('switch');
    expect(control('heatmap').labels![0]!.textContent).to.equal('Heatmap');

    await press(control('analytics'), ' ');
    await waitFor(() => control('statistics').checked && control('heatmap').checked, "the category's switch to take its services along");
    await press(control('heatmap'), ' ');
    await waitFor(() => !control('heatmap').checked, 'the heatmap switch off');
    expect(control('analytics').checked, 'the category stays on with one service on').to.equal(true);
    await expectAccessibleInFrame(element());
    await press(dialog()!.querySelector<HTMLButtonElement>('[part~="save"]')!, 'Enter');

    const manager = page().cookieConsent!;
    await waitFor(() => manager.decision !== null, 'the choice saved');
    expect(manager.decision!.categories).to.deep.equal({ session: true, analytics: true, promotional: false });
    expect(manager.decision!.services).to.deep.equal({ statistics: true, heatmap: false, pixel: false, video: false });
    await waitFor(() => page().runs.includes('statistics') && page().runs.includes('analytics-without-heatmap'), "the statistics tool's scripts");
    expect(page().runs, "the heatmap's script never ran").to.not.include('heatmap');
    await waitFor(() => !cookieJar(frame.contentDocument!).has('hm_session'), "the refused service's cookie erased");
    expect(cookieJar(frame.contentDocument!).get('_stat_id'), "the granted service's cookie is kept").to.equal('1');

    await waitFor(() => page().delivered.length === 1, 'the consent record delivered', 8000);
    const [record] = page().delivered;
    expect(record!.services).to.deep.equal({ statistics: true, heatmap: false, pixel: false, video: false });
    expect(record!.categories).to.deep.equal({ session: true, analytics: true, promotional: false });
    expect(record!.layer).to.equal('preferences');
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it("a returning visitor's services come from the cookie: only the granted service runs, and granting the other later runs it then", async () => {
    const lane = newLane();
    const first = await openServicesPage(lane.endpoint);
    await first.page().cookieConsent!.set({ analytics: true, heatmap: false });
    first.frame.remove();

    const { frame, page, element } = await openServicesPage(lane.endpoint);
    const manager = page().cookieConsent!;
    expect(manager.decision?.services).to.deep.equal({ statistics: true, heatmap: false, pixel: false, video: false });
    expect(manager.granted('statistics')).to.equal(true);
    expect(manager.granted('heatmap')).to.equal(false);
    await waitFor(() => page().runs.includes('statistics'), 'the granted service');
    expect(visibleIn(element().shadowRoot, '[part~="banner"]'), 'no banner for a returning visitor').to.equal(null);
    expect(page().runs).to.not.include('heatmap');

    const granted = manager.whenGranted('heatmap');
    await manager.set({ heatmap: true });
    await granted;
    await waitFor(() => page().runs.includes('heatmap'), "the heatmap's script, once granted");
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });
});
