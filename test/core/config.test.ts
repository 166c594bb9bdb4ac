import { expect } from '@open-wc/testing';
import { ConsentConfigError, resolveConfig } from '../../src/core/config.js';

const valid = { revision: 1, policyUrl: '/privacy' };

/** Each row: a configuration change, the key the error must name, and words of what was expected. */
const invalid: [string, Record<string, unknown>, string, string][] = [
  ['unknown top-level key', { colour: 'red' }, 'config.colour', 'known keys'],
  ['revision missing', { revision: undefined }, 'config.revision', 'an integer'],
  ['revision as a string', { revision: '1' }, 'config.revision', 'an integer'],
  ['revision negative', { revision: -1 }, 'config.revision', 'an integer'],
  ['revision fractional', { revision: 1.5 }, 'config.revision', 'an integer'],
  ['policyUrl missing', { policyUrl: undefined }, 'config.policyUrl', 'http(s) or relative URL'],
  ['policyUrl javascript:', { policyUrl: 'javascript:alert(1)' }, 'config.policyUrl', 'http(s) or relative URL'],
  ['policyUrl JavaScript: mixed case', { policyUrl: 'JaVaScRiPt:alert(1)' }, 'config.policyUrl', 'http(s) or relative URL'],
  ['policyUrl data:', { policyUrl: 'data:text/html,<script>alert(1)</script>' }, 'config.policyUrl', 'http(s)'],
  ['policyUrl with a tab in the scheme', { policyUrl: 'java\tscript:alert(1)' }, 'config.policyUrl', 'http(s)'],
  ['policyUrl with leading space', { policyUrl: ' javascript:alert(1)' }, 'config.policyUrl', 'http(s)'],
  ['policyUrl a number', { policyUrl: 42 }, 'config.policyUrl', 'http(s)'],
  ['endpoint javascript:', { endpoint: 'javascript:void 0' }, 'config.endpoint', 'http(s) or relative URL'],
  ['endpoint empty', { endpoint: '' }, 'config.endpoint', 'http(s) or relative URL'],
  ['language not a tag', { language: 'english language' }, 'config.language', 'language tag'],
  ['language a number', { language: 7 }, 'config.language', 'language tag'],
  ['translations an array', { translations: [] }, 'config.translations', 'an object'],
  ['translations bad language', { translations: { 'not a tag': {} } }, 'config.translations.not a tag', 'language tag'],
  ['translations non-string text', { translations: { lv: { acceptAll: 3 } } }, 'config.translations.lv.acceptAll', 'a string'],
  ['layout unknown', { layout: 'popup' }, 'config.layout', '"bar", "box", "modal"'],
  ['theme unknown', { theme: 'blue' }, 'config.theme', '"light", "dark", "auto"'],
  ['expiresDays zero', { expiresDays: 0 }, 'config.expiresDays', 'greater than 0'],
  ['expiresDays too long', { expiresDays: 5000 }, 'config.expiresDays', 'at most 3650'],
  ['expiresDays a string', { expiresDays: '182' }, 'config.expiresDays', 'a number of days'],
  ['cookie not an object', { cookie: 'consent' }, 'config.cookie', 'an object'],
  ['cookie unknown key', { cookie: { maxAge: 1 } }, 'config.cookie.maxAge', 'known keys'],
  ['cookie.name with a space', { cookie: { name: 'my cookie' } }, 'config.cookie.name', 'cookie name'],
  ['cookie.name with "="', { cookie: { name: 'a=b' } }, 'config.cookie.name', 'cookie name'],
  ['cookie.path relative', { cookie: { path: 'shop' } }, 'config.cookie.path', 'starting with "/"'],
  ['cookie.path with ";"', { cookie: { path: '/;x' } }, 'config.cookie.path', 'starting with "/"'],
  ['cookie.sameSite lower case', { cookie: { sameSite: 'lax' } }, 'config.cookie.sameSite', '"Lax"'],
  ['cookie.domain with a path', { cookie: { domain: 'example.com/x' } }, 'config.cookie.domain', 'host name'],
  ['categories empty', { categories: [] }, 'config.categories', 'an array of 1 to'],
  ['categories not an array', { categories: {} }, 'config.categories', 'an array'],
  ['category not an object', { categories: ['analytics'] }, 'config.categories[0]', 'an object'],
  ['category id missing', { categories: [{}] }, 'config.categories[0].id', 'lower-case letters'],
  ['category id upper case', { categories: [{ id: 'Analytics' }] }, 'config.categories[0].id', 'lower-case letters'],
  ['category id with "~"', { categories: [{ id: 'a~b' }] }, 'config.categories[0].id', 'lower-case letters'],
  ['duplicate category id', { categories: [{ id: 'analytics' }, { id: 'ads' }, { id: 'analytics' }] }, 'config.categories[2].id', 'not used by another'],
  ['category unknown key', { categories: [{ id: 'ads', purpose: 'x' }] }, 'config.categories[0].purpose', 'known keys'],
  ['category required not boolean', { categories: [{ id: 'ads', required: 'yes' }] }, 'config.categories[0].required', 'true or false'],
  ['category label empty', { categories: [{ id: 'ads', label: '' }] }, 'config.categories[0].label', 'non-empty string'],
  ['category erase not array', { categories: [{ id: 'ads', erase: '_ga' }] }, 'config.categories[0].erase', 'cookie names'],
  ['category erase with "*" inside', { categories: [{ id: 'ads', erase: ['_g*a'] }] }, 'config.categories[0].erase', 'prefix*'],
  [
    'category cookie missing purpose',
    { categories: [{ id: 'ads', cookies: [{ name: '_fbp', provider: 'Meta', duration: '90 days' }] }] },
    'config.categories[0].cookies[0].purpose',
    'non-empty string',
  ],
  ['category cookies not array', { categories: [{ id: 'ads', cookies: {} }] }, 'config.categories[0].cookies', 'an array'],
  ['services not an array', { categories: [{ id: 'ads', services: { id: 'pixel' } }] }, 'config.categories[0].services', 'an array of services'],
  ['service not an object', { categories: [{ id: 'ads', services: ['pixel'] }] }, 'config.categories[0].services[0]', 'an object'],
  ['service id upper case', { categories: [{ id: 'ads', services: [{ id: 'Pixel' }] }] }, 'config.categories[0].services[0].id', 'lower-case letters'],
  [
    'service unknown key',
    { categories: [{ id: 'ads', services: [{ id: 'pixel', required: true }] }] },
    'config.categories[0].services[0].required',
    'known keys',
  ],
  [
    'service policyUrl javascript:',
    { categories: [{ id: 'ads', services: [{ id: 'pixel', policyUrl: 'javascript:alert(1)' }] }] },
    'config.categories[0].services[0].policyUrl',
    'http(s) or relative URL',
  ],
  [
    'service provider empty',
    { categories: [{ id: 'ads', services: [{ id: 'pixel', provider: '' }] }] },
    'config.categories[0].services[0].provider',
    'non-empty',
  ],
  ['service erase a lone "*"', { categories: [{ id: 'ads', services: [{ id: 'pixel', erase: ['*'] }] }] }, 'config.categories[0].services[0].erase', 'prefix*'],
  [
    'service cookie missing provider',
    { categories: [{ id: 'ads', services: [{ id: 'pixel', cookies: [{ name: '_fbp', duration: '90 days', purpose: 'Ads' }] }] }] },
    'config.categories[0].services[0].cookies[0].provider',
    'non-empty string',
  ],
  [
    'service id used by a category (one namespace)',
    { categories: [{ id: 'analytics' }, { id: 'ads', services: [{ id: 'analytics' }] }] },
    'config.categories[1].services[0].id',
    'not used by another category or service',
  ],
  [
    'service id used twice in two categories',
    {
      categories: [
        { id: 'analytics', services: [{ id: 'video' }] },
        { id: 'ads', services: [{ id: 'video' }] },
      ],
    },
    'config.categories[1].services[0].id',
    'not used by another category or service',
  ],
  [
    'more than 96 services',
    { categories: [{ id: 'ads', services: Array.from({ length: 97 }, (_, i) => ({ id: `s${i}` })) }] },
    'config.categories',
    'at most 96 services',
  ],
  [
    'ids too long in total for the consent cookie (compliance C26)',
    {
      categories: Array.from({ length: 24 }, (_, c) => ({
        id: `c${c}`.padEnd(32, 'x'),
        services: Array.from({ length: 4 }, (_, s) => ({ id: `s${c * 4 + s}`.padEnd(32, 'x') })),
      })),
    },
    'config.categories',
    'ids short enough for the consent cookie (at most 3072 characters',
  ],
  ['gpc not boolean', { gpc: 'yes' }, 'config.gpc', 'true or false'],
  ['googleConsentMode a string', { googleConsentMode: 'on' }, 'config.googleConsentMode', 'true, false or'],
  ['googleConsentMode.waitForUpdate negative', { googleConsentMode: { waitForUpdate: -5 } }, 'config.googleConsentMode.waitForUpdate', 'milliseconds'],
  ['googleConsentMode.region lower case', { googleConsentMode: { region: ['lv'] } }, 'config.googleConsentMode.region', 'ISO 3166'],
  ['googleConsentMode unknown key', { googleConsentMode: { ads: true } }, 'config.googleConsentMode.ads', 'known keys'],
  ['uet not boolean', { uet: 1 }, 'config.uet', 'true or false'],
  ['meta not boolean', { meta: 'true' }, 'config.meta', 'true or false'],
  ['reloadOnWithdraw not boolean', { reloadOnWithdraw: 'auto' }, 'config.reloadOnWithdraw', 'true or false'],
  ['settingsButton not boolean', { settingsButton: null }, 'config.settingsButton', 'true or false'],
  ['dnt not boolean', { dnt: 'yes' }, 'config.dnt', 'true or false'],
  ['debug not boolean', { debug: 1 }, 'config.debug', 'true or false'],
];

describe('configuration validation (errors name the key, what was expected and what was given)', () => {
  for (const [name, change, key, expected] of invalid) {
    it(`rejects ${name}`, () => {
      const config = { ...valid, ...change };
      let error: unknown;
      try {
        resolveConfig(config);
      } catch (caught) {
        error = caught;
      }
      expect(error, 'an error is thrown').to.be.instanceOf(ConsentConfigError);
      const message = (error as Error).message;
      expect(message).to.contain(`${key} `);
      expect(message).to.contain(expected);
      expect(message).to.match(/, got .+$/);
    });
  }

  it('rejects a configuration that is not an object', () => {
    expect(() => resolveConfig(null)).to.throw(ConsentConfigError, /an object \{ revision, policyUrl/);
    expect(() => resolveConfig('revision=1')).to.throw(ConsentConfigError, /got "revision=1"/);
  });

  it('says what was given, quoted', () => {
    expect(() => resolveConfig({ ...valid, layout: 'popup' })).to.throw('config.layout must be one of "bar", "box", "modal", got "popup"');
  });

  it('fills in every default (compliance C10: about six months)', () => {
    const config = resolveConfig(valid);
    expect(config.expiresDays).to.equal(182);
    expect(config.cookie).to.deep.equal({ name: 'cookie_consent', path: '/', sameSite: 'Lax' });
    expect(config.categories.map((c) => [c.id, c.required])).to.deep.equal([
      ['session', true],
      ['preferences', false],
      ['analytics', false],
      ['promotional', false],
    ]);
    expect(config.layout).to.equal('bar');
    expect(config.theme).to.equal('auto');
    expect(config.gpc).to.equal(true);
    expect(config.googleConsentMode).to.deep.equal({});
    expect(config.uet).to.equal(false);
    expect(config.meta).to.equal(false);
    expect(config.settingsButton).to.equal(true);
    expect(config.dnt, 'Do Not Track honoured by default').to.equal(true);
    expect(config.debug).to.equal(false);
    expect(config.reloadOnWithdraw).to.equal(undefined);
  });

  it('accepts every key with a valid value', () => {
    const config = resolveConfig({
      revision: 7,
      policyUrl: 'https://example.com/privacy#cookies',
      endpoint: '/api/consent',
      language: 'lv',
      translations: { lv: { acceptAll: 'Pieņemt visus' }, 'en-GB': {} },
      layout: 'modal',
      theme: 'dark',
      expiresDays: 365,
      cookie: { name: 'site_consent', domain: 'example.com', path: '/shop', sameSite: 'Strict' },
      categories: [
        { id: 'necessary', required: true, label: 'Necessary', description: 'Keeps you signed in.' },
        {
          id: 'analytics',
          cookies: [{ name: '_ga', provider: 'Google', duration: '2 years', purpose: 'Counts visits' }],
          erase: ['_ga*', '_gid'],
        },
        {
          id: 'promotional',
          services: [
            {
              id: 'video',
              label: 'Video host',
              description: 'Plays our product videos.',
              provider: 'Video Ltd.',
              policyUrl: 'https://video.example/privacy',
              cookies: [{ name: 'vid', provider: 'Video Ltd.', duration: '1 year', purpose: 'Remembers playback' }],
              erase: ['vid_*'],
            },
          ],
        },
      ],
      gpc: false,
      googleConsentMode: { waitForUpdate: 500, region: ['LV', 'US-CA'] },
      uet: true,
      meta: true,
      reloadOnWithdraw: false,
      settingsButton: false,
      dnt: false,
      debug: true,
    });
    expect(config.cookie).to.deep.equal({ name: 'site_consent', domain: 'example.com', path: '/shop', sameSite: 'Strict' });
    expect(config.categories[1]!.erase).to.deep.equal(['_ga*', '_gid', '_ga']);
    expect(config.categories[1]!.services).to.deep.equal([]);
    expect(config.categories[2]!.services).to.deep.equal([
      {
        id: 'video',
        label: 'Video host',
        description: 'Plays our product videos.',
        provider: 'Video Ltd.',
        policyUrl: 'https://video.example/privacy',
        cookies: [{ name: 'vid', provider: 'Video Ltd.', duration: '1 year', purpose: 'Remembers playback' }],
        erase: ['vid_*', 'vid'],
      },
    ]);
    expect(config.googleConsentMode).to.deep.equal({ waitForUpdate: 500, region: ['LV', 'US-CA'] });
    expect(config.reloadOnWithdraw).to.equal(false);
    expect([config.dnt, config.debug]).to.deep.equal([false, true]);
  });

  it('accepts relative and http(s) URLs only (compliance C22)', () => {
    for (const url of ['/privacy', 'privacy.html', '../legal/privacy', '?page=privacy', '#policy', 'http://example.com', 'HTTPS://example.com/p']) {
      expect(resolveConfig({ ...valid, policyUrl: url }).policyUrl).to.equal(url);
    }
  });
});
