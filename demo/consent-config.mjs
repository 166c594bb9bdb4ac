/**
 * The demo shop's consent configuration, per language: the categories its privacy policy names,
 * with every cookie and storage key the site's own scripts set, so that refusing a category
 * erases exactly those.
 */
const cookieTexts = {
  en: {
    site: 'Elektronika Rīga',
    sessionPurpose: 'Keeps your shopping cart between pages',
    sessionDuration: 'Until the browser closes',
    currencyPurpose: 'Remembers the currency you chose',
    analyticsPurpose: 'Counts your page views, to improve the shop',
    promoPurpose: 'Recognises you as a returning customer to show offers',
    videoPurpose: 'Lets the product video player remember you',
    year: '1 year',
    months: '6 months',
  },
  lv: {
    site: 'Elektronika Rīga',
    sessionPurpose: 'Saglabā jūsu iepirkumu grozu starp lapām',
    sessionDuration: 'Līdz pārlūka aizvēršanai',
    currencyPurpose: 'Atceras jūsu izvēlēto valūtu',
    analyticsPurpose: 'Uzskaita jūsu lapu skatījumus, lai uzlabotu veikalu',
    promoPurpose: 'Atpazīst jūs kā atkārtotu klientu, lai rādītu piedāvājumus',
    videoPurpose: 'Ļauj produkta video atskaņotājam jūs atcerēties',
    year: '1 gads',
    months: '6 mēneši',
  },
};

export const CONSENT_REVISION = 1;

export function consentConfig(language) {
  const t = cookieTexts[language] ?? cookieTexts.en;
  return {
    revision: CONSENT_REVISION,
    policyUrl: `/${language}/privacy.html`,
    endpoint: '/api/consent',
    language,
    categories: [
      {
        id: 'session',
        required: true,
        cookies: [{ name: 'shop_cart', provider: t.site, duration: t.sessionDuration, purpose: t.sessionPurpose }],
      },
      {
        id: 'preferences',
        cookies: [{ name: 'shop_currency', provider: t.site, duration: t.year, purpose: t.currencyPurpose }],
      },
      {
        id: 'analytics',
        cookies: [{ name: 'demo_analytics_views', provider: t.site, duration: t.year, purpose: t.analyticsPurpose }],
        erase: ['demo_analytics*'],
      },
      {
        id: 'promotional',
        cookies: [
          { name: 'demo_promo', provider: t.site, duration: t.months, purpose: t.promoPurpose },
          { name: 'demo_video', provider: t.site, duration: t.months, purpose: t.videoPurpose },
        ],
      },
    ],
  };
}
