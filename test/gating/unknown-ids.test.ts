import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../src/core/config.js';
import { configuredIds } from '../../src/core/configured-ids.js';
import { openGatingPage, pageSettled, resetBrowserState, waitFor } from '../helpers.js';

/** A gated script built the way a framework or another script would add it. */
function gated(doc: Document, consent: string): HTMLScriptElement {
  const script = doc.createElement('script');
  script.type = 'text/plain';
  script.setAttribute('data-consent', consent);
  script.text = `record(${JSON.stringify(consent)})`;
  return script;
}

const unknown = (id: string): string => `cookie-consent: data-consent names "${id}", which is not a configured id.`;

describe('a data-consent mark naming an id that is not configured warns, debug mode or not', () => {
  beforeEach(resetBrowserState);

  it('the configured ids are the categories', () => {
    const config = resolveConfig({ revision: 1, policyUrl: '/privacy', categories: [{ id: 'necessary', required: true }, { id: 'stats' }] });
    expect(configuredIds(config)).to.deep.equal(['necessary', 'stats']);
    expect(configuredIds(undefined)).to.deep.equal([]);
  });

  it('warns once per id, with the element, for marks added later and for those a template inserts', async () => {
    const { frame, page } = await openGatingPage('empty.html');
    const win = page();
    expect(win.manager.config!.debug, 'debug mode is off').to.equal(false);
    // The frame's own console, to see the element itself (the harness keeps only text).
    const frameConsole = (win as unknown as typeof globalThis).console;
    const heard: unknown[][] = [];
    const warn = frameConsole.warn;
    frameConsole.warn = (...args: unknown[]) => {
      heard.push(args);
      warn.apply(frameConsole, args);
    };
    const doc = win.document;
    const typo = gated(doc, 'analytcs');
    const refused = gated(doc, '!marketing');
    const template = doc.createElement('template');
    template.setAttribute('data-consent', 'preferences');
    template.innerHTML = '<script type="text/plain" data-consent="chat">record("chat")</script>';
    doc.getElementById('app')!.append(typo, gated(doc, 'analytcs promotional'), refused, gated(doc, 'analytics !promotional'), template);
    await waitFor(() => heard.length >= 2, 'the warnings about "analytcs" and "marketing"');

    await win.manager.set({ preferences: true });
    await waitFor(() => heard.length >= 3, 'the warning about the script the template inserted');
    await pageSettled();
    expect(heard.map((args) => args[0])).to.deep.equal([unknown('analytcs'), unknown('marketing'), unknown('chat')]);
    expect(heard[0]![1], 'the first element naming the id').to.equal(typo);
    expect(heard[1]![1]).to.equal(refused);
    expect((heard[2]![1] as Element).getAttribute('data-consent')).to.equal('chat');
    expect(win.runs, 'a mark naming an unknown id never runs').to.not.include('chat');
    frame.remove();
  });

  it('warns about the marks of the page as parsed, without debug mode', async () => {
    const { frame, page } = await openGatingPage('debug.html', { config: { revision: 1, policyUrl: '/privacy' } });
    // The harness keeps each warning as text: the element comes after the message.
    const aboutMarks = (): string[] => page().warnings.filter((text) => text.includes('data-consent names'));
    await waitFor(() => aboutMarks().length > 0, 'the warning about "marketing"');
    await pageSettled();
    expect(aboutMarks()).to.deep.equal([`${unknown('marketing')} [object HTMLScriptElement]`]);
    expect(
      page().warnings.filter((text) => text.includes('debug:')),
      'no debug warnings',
    ).to.deep.equal([]);
    frame.remove();
  });
});
