import { expect } from '@open-wc/testing';
import type { ConsentRecord } from '../../src/core/delivery/record.js';
import { fr } from '../../src/ui/i18n/fr.js';
import { importLanguage } from '../../src/ui/i18n/import-language.js';
import { loadStrings } from '../../src/ui/i18n/languages.js';
import { shownStrings } from '../../src/ui/i18n/shown-strings.js';
import { newLane } from '../delivery/lane.js';
import { resetBrowserState, waitFor } from '../helpers.js';
import { disposeManagers, enableWcag22Rules, mountConsent, openDialog } from './ui-fixture.js';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

// One test in its file: delivery keeps the consent database open, which a later test could not delete.
describe('a consent record after a switch of language (npm build)', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  afterEach(disposeManagers);

  it('compliance C12, C21: a choice saved in the dialog after setLanguage() carries the new language and the hash of its strings', async () => {
    const lane = newLane();
    const mounted = await mountConsent({ endpoint: lane.endpoint });
    const delivered: ConsentRecord[] = [];
    mounted.manager.addEventListener('consent-delivered', (event) => delivered.push(event.detail.record));
    await openDialog(mounted);
    mounted.manager.setLanguage('fr');
    await waitFor(() => mounted.$('#cc-preferences-title').textContent === fr.preferencesTitle, 'the dialog in French');
    await expect(mounted.el).to.be.accessible();
    mounted.$<HTMLButtonElement>('[part~="save"]').click();
    await waitFor(() => delivered.length === 1, 'the record', 8000);
    const french = await loadStrings('fr', {}, importLanguage);
    expect(delivered[0]!.language).to.equal('fr');
    expect(delivered[0]!.layer).to.equal('preferences');
    expect(delivered[0]!.textHash).to.equal(await sha256Hex(shownStrings(mounted.manager.config!, french).join('\n')));
    await expect(mounted.el).to.be.accessible();
  });
});
