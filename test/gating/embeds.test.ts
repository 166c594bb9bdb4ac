import { expect } from '@open-wc/testing';
import { openGatingPage, requestedFixtures, resetBrowserState, pageSettled, waitFor } from '../helpers.js';

describe('gated iframes and templates', () => {
  beforeEach(resetBrowserState);

  it('compliance C1: before consent no embed loads; placeholders say what each needs, as text only', async () => {
    const { frame, page } = await openGatingPage('embeds.html');
    const doc = page().document;
    await waitFor(() => doc.querySelectorAll('[data-consent-placeholder]').length === 3, 'the three placeholders');
    await pageSettled();
    const placeholders = [...doc.querySelectorAll<HTMLElement>('[data-consent-placeholder]')];
    expect(placeholders.map((box) => box.getAttribute('data-consent-placeholder'))).to.deep.equal(['promotional', 'analytics', 'promotional']);
    expect(placeholders.every((box) => box.classList.contains('cc-placeholder'))).to.equal(true);
    expect(placeholders[0]!.nextElementSibling!.id, 'each placeholder sits where its embed is').to.equal('video');
    expect(placeholders[0]!.textContent, 'named by the category label the interface shows').to.contain('Product video').and.to.contain('Promotional');
    expect(placeholders[0]!.querySelector('button')!.textContent).to.equal('Allow Promotional');
    expect(placeholders[0]!.style.width).to.equal('320px');
    expect(placeholders[1]!.textContent, 'an embed without a title is named by its host').to.contain(page().location.hostname);
    // docs/compliance.md C22: a hostile title is shown as text and runs nothing.
    expect(placeholders[2]!.textContent).to.contain('<img src=x onerror=window.xss=1>');
    expect(placeholders[2]!.querySelector('img')).to.equal(null);
    expect((page() as unknown as { xss?: number }).xss).to.equal(undefined);
    for (const id of ['video', 'map', 'hostile']) {
      const embed = doc.getElementById(id) as HTMLIFrameElement;
      expect(embed.hasAttribute('src'), `${id} has no src`).to.equal(false);
      expect(embed.hidden, `${id} is hidden`).to.equal(true);
    }
    expect(requestedFixtures(page())).to.deep.equal([]);
    expect(doc.querySelector('.from-template')).to.equal(null);
    expect(page().runs).to.deep.equal([]);
    frame.remove();
  });

  it('compliance C4, C12: the placeholder button grants that category in place, as a decision of layer "placeholder"', async () => {
    const { frame, page } = await openGatingPage('embeds.html');
    const doc = page().document;
    // The placeholders' code loads once the page has a gated iframe.
    await waitFor(() => doc.querySelector('[data-consent-placeholder="promotional"] button') !== null, 'the placeholder');
    doc.querySelector<HTMLButtonElement>('[data-consent-placeholder="promotional"] button')!.click();
    await waitFor(() => page().runs.includes('embed-video') && page().runs.includes('embed-hostile'), 'the promotional embeds to load');
    await pageSettled();
    const change = page().changes.at(-1)!;
    expect(change.layer).to.equal('placeholder');
    expect(change.decision?.method).to.equal('custom');
    expect(change.decision?.categories).to.deep.equal({ session: true, preferences: false, analytics: false, promotional: true });
    const video = doc.getElementById('video') as HTMLIFrameElement;
    expect(video.getAttribute('src')).to.equal('/test/fixtures/gating/embed.html?id=video');
    expect(video.hidden).to.equal(false);
    expect([...doc.querySelectorAll('[data-consent-placeholder]')].map((box) => box.getAttribute('data-consent-placeholder'))).to.deep.equal(['analytics']);
    expect(
      page()
        .runs.filter((id) => id.startsWith('embed-'))
        .sort(),
    ).to.deep.equal(['embed-hostile', 'embed-video']);
    expect(
      requestedFixtures(page()).some((path) => path.includes('id=map')),
      'the analytics embed stays unloaded',
    ).to.equal(false);
    frame.remove();
  });

  it('compliance C9: refusing the category again unloads the embed and brings the placeholder back', async () => {
    const { frame, page } = await openGatingPage('embeds.html');
    await page().manager.set({ analytics: true });
    await waitFor(() => page().runs.includes('embed-map'), 'the map to load');
    const map = page().document.getElementById('map') as HTMLIFrameElement;
    await page().manager.set({ analytics: false });
    await waitFor(() => map.hidden, 'the map to be hidden');
    expect(map.getAttribute('src')).to.equal('about:blank');
    expect(map.previousElementSibling!.getAttribute('data-consent-placeholder')).to.equal('analytics');
    frame.remove();
  });

  it('compliance C4: a template is inserted once when granted; its scripts run once, gated ones by their own category', async () => {
    const { frame, page } = await openGatingPage('embeds.html');
    const doc = page().document;
    await page().manager.set({ analytics: true });
    await waitFor(() => page().runs.includes('template-script'), 'the template script');
    await pageSettled();
    expect(doc.querySelectorAll('.from-template').length).to.equal(1);
    expect(doc.getElementById('chart')!.nextElementSibling!.className, 'inserted right after the template').to.equal('from-template');
    expect(page().runs.filter((id) => id.startsWith('template-'))).to.deep.equal(['template-script']);
    await page().manager.set({ preferences: true });
    await waitFor(() => page().runs.includes('template-preferences'), 'the gated script inside the template');
    await page().manager.set({ analytics: true, preferences: true, promotional: false });
    await pageSettled();
    expect(doc.querySelectorAll('.from-template').length, 'never inserted twice').to.equal(1);
    expect(page().runs.filter((id) => id.startsWith('template-'))).to.deep.equal(['template-script', 'template-preferences']);
    frame.remove();
  });
});
