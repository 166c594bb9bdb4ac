import { expect } from '@open-wc/testing';
import { openGatingPage, requestedFixtures, resetBrowserState, pageSettled, waitFor } from '../helpers.js';

/** A gated script built the way a framework or another script would add it. */
function gated(doc: Document, consent: string, source: { src?: string; text?: string }): HTMLScriptElement {
  const script = doc.createElement('script');
  script.type = 'text/plain';
  script.setAttribute('data-consent', consent);
  if (source.src) script.setAttribute('src', source.src);
  if (source.text) script.text = source.text;
  return script;
}

const recordUrl = (id: string): string => `/test/fixtures/gating/record.js?id=${id}`;

describe('marked elements added to the page later (MutationObserver)', () => {
  beforeEach(resetBrowserState);

  it('compliance C1, C4: elements added before the decision wait, then run once in document order when it comes', async () => {
    const { frame, page } = await openGatingPage('empty.html');
    const doc = page().document;
    const app = doc.getElementById('app')!;
    app.append(
      gated(doc, 'analytics', { src: recordUrl('added-external-1') }),
      gated(doc, 'analytics', { text: "record('added-inline-2')" }),
      gated(doc, 'promotional', { text: "record('added-promotional')" }),
    );
    const template = doc.createElement('template');
    template.setAttribute('data-consent', 'analytics');
    template.innerHTML = '<p class="late-template">late</p>';
    app.append(template);
    await pageSettled();
    expect(page().runs).to.deep.equal([]);
    expect(requestedFixtures(page())).to.deep.equal([]);
    expect(doc.querySelector('.late-template')).to.equal(null);

    await page().manager.set({ analytics: true });
    await waitFor(() => page().runs.length >= 2, 'the added analytics scripts');
    await pageSettled();
    expect(page().runs).to.deep.equal(['added-external-1', 'added-inline-2']);
    expect(doc.querySelectorAll('.late-template').length).to.equal(1);
    expect(requestedFixtures(page())).to.deep.equal([recordUrl('added-external-1')]);
    frame.remove();
  });

  it('compliance C4: elements added after the decision run at once when granted, a whole rendered subtree in order, never twice', async () => {
    const { frame, page } = await openGatingPage('empty.html');
    await page().manager.set({ analytics: true });
    const doc = page().document;
    const app = doc.getElementById('app')!;
    app.append(gated(doc, 'analytics', { text: "record('after-inline')" }));
    await waitFor(() => page().runs.length === 1, 'the inline script');

    // A framework renders a component with two tags at once.
    const component = doc.createElement('section');
    component.append(
      gated(doc, 'analytics', { src: recordUrl('component-external') }),
      gated(doc, 'analytics', { text: "record('component-inline')" }),
      gated(doc, 'promotional', { src: recordUrl('component-promotional') }),
    );
    app.append(component);
    await waitFor(() => page().runs.length === 3, 'the component scripts');
    await pageSettled();
    expect(page().runs).to.deep.equal(['after-inline', 'component-external', 'component-inline']);
    expect(requestedFixtures(page())).to.deep.equal([recordUrl('component-external')]);

    // Moving the rendered component around (a re-render) runs nothing again.
    app.append(component);
    await page().manager.set({ analytics: true, preferences: true });
    await pageSettled();
    expect(page().runs).to.deep.equal(['after-inline', 'component-external', 'component-inline']);
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('compliance C4: an element added with a refused category does not run, and runs once when granted later', async () => {
    const { frame, page } = await openGatingPage('empty.html');
    await page().manager.rejectAll();
    const doc = page().document;
    doc
      .getElementById('app')!
      .append(gated(doc, 'analytics', { text: "record('refused-then-granted')" }), gated(doc, '!analytics', { text: "record('on-refusal')" }));
    await waitFor(() => page().runs.length === 1, 'the refusal script');
    await pageSettled();
    expect(page().runs).to.deep.equal(['on-refusal']);
    await page().manager.set({ analytics: true });
    await waitFor(() => page().runs.length === 2, 'the granted script');
    expect(page().runs).to.deep.equal(['on-refusal', 'refused-then-granted']);
    frame.remove();
  });
});
