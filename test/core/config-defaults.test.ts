import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../src/core/config.js';
import { withDefaults } from '../../src/core/config-defaults.js';
import type { ConsentConfig } from '../../src/core/types.js';

/**
 * The script-tag build's main file fills in defaults with withDefaults and leaves the check to
 * a chunk: for every valid configuration both must agree, or a returning visitor's page would
 * run on another configuration than the one the check passed.
 */
const VALID: [string, ConsentConfig][] = [
  ['the minimum', { revision: 1, policyUrl: '/privacy' }],
  [
    'an endpoint, a language and translations',
    { revision: 3, policyUrl: '/p', endpoint: '/api/consent', language: 'lv', translations: { lv: { acceptAll: 'Pieņemt visus' }, 'en-GB': {} } },
  ],
  ['layout, theme, expiry', { revision: 0, policyUrl: 'https://example.com/privacy', layout: 'modal', theme: 'dark', expiresDays: 30 }],
  ['a cookie with every option', { revision: 1, policyUrl: '/p', cookie: { name: 'site_consent', domain: 'example.com', path: '/shop', sameSite: 'Strict' } }],
  ['a cookie with only a name', { revision: 1, policyUrl: '/p', cookie: { name: 'c' } }],
  [
    'categories with labels, cookies and erase patterns',
    {
      revision: 1,
      policyUrl: '/p',
      categories: [
        { id: 'necessary', required: true, label: 'Necessary', description: 'Keeps you signed in.' },
        { id: 'analytics', cookies: [{ name: '_ga', provider: 'Google', duration: '2 years', purpose: 'Counts visits' }], erase: ['_ga*', '_gid'] },
        { id: 'video', required: false },
      ],
    },
  ],
  [
    'categories with services',
    {
      revision: 1,
      policyUrl: '/p',
      categories: [
        { id: 'session', required: true, services: [{ id: 'login' }] },
        {
          id: 'analytics',
          erase: ['_ga*'],
          services: [
            { id: 'statistics', label: 'Statistics', provider: 'Stats Ltd.', policyUrl: 'https://stats.example/privacy', erase: ['_st*'] },
            { id: 'heatmap', description: 'Where visitors click.', cookies: [{ name: 'hm', provider: 'Heat', duration: '1 day', purpose: 'Clicks' }] },
          ],
        },
      ],
    },
  ],
  ['Consent Mode off', { revision: 1, policyUrl: '/p', googleConsentMode: false }],
  ['Consent Mode on', { revision: 1, policyUrl: '/p', googleConsentMode: true }],
  ['Consent Mode with options', { revision: 1, policyUrl: '/p', googleConsentMode: { waitForUpdate: 500, region: ['LV', 'US-CA'] } }],
  ['Consent Mode with a region only', { revision: 1, policyUrl: '/p', googleConsentMode: { region: ['LV'] } }],
  [
    'every switch the other way',
    { revision: 1, policyUrl: '/p', gpc: false, uet: true, meta: true, reloadOnWithdraw: true, settingsButton: false, dnt: false, debug: true },
  ],
  ['reloadOnWithdraw false', { revision: 1, policyUrl: '/p', reloadOnWithdraw: false }],
];

describe("withDefaults, the script-tag build's unchecked fill-in, agrees with resolveConfig", () => {
  for (const [name, config] of VALID) {
    it(`for ${name}`, () => {
      expect(withDefaults(structuredClone(config))).to.deep.equal(resolveConfig(structuredClone(config)));
    });
  }

  it('drops, unchecked, what the check would refuse and could do harm: erase-everything patterns, cookie attributes, endpoints', () => {
    const filled = withDefaults({
      revision: 1,
      policyUrl: '/p',
      endpoint: 'javascript:alert(1)',
      cookie: { name: 'x; Domain=evil.example', path: '/; Secure=0', domain: 'evil example', sameSite: 'Loose' as 'Lax' },
      categories: [{ id: 'analytics', erase: ['*', '_ga*', 'a;b', ''], services: [{ id: 'heatmap', erase: ['*', 'hm*'], policyUrl: 'javascript:alert(1)' }] }],
    });
    expect(filled.categories[0]!.erase).to.deep.equal(['_ga*']);
    expect(filled.categories[0]!.services).to.deep.equal([{ id: 'heatmap', cookies: [], erase: ['hm*'] }]);
    expect(filled.cookie).to.deep.equal({ name: 'cookie_consent', path: '/', sameSite: 'Lax' });
    expect(filled.endpoint).to.equal(undefined);
  });

  it('never throws on input the check refuses, so the check is what reports it', () => {
    const hostile: unknown[] = [
      { revision: 'x', policyUrl: 'javascript:alert(1)' },
      { revision: 1, policyUrl: '/p', categories: 'all' },
      { revision: 1, policyUrl: '/p', categories: [null, 3, { id: 'a', cookies: 'x', erase: 5 }] },
      { revision: 1, policyUrl: '/p', cookie: 'name=x', googleConsentMode: 'yes', translations: 7 },
    ];
    for (const input of hostile) {
      expect(() => withDefaults(input as ConsentConfig), JSON.stringify(input)).to.not.throw();
      expect(() => resolveConfig(input), JSON.stringify(input)).to.throw(/cookie-consent: config\./);
    }
  });
});
