/**
 * The demo shop's consent configuration, per language: the categories its privacy policy names,
 * two tools in analytics and two in promotional as services the visitor can refuse one by one,
 * with every cookie and storage key the site's own scripts set, so that refusing a category or a
 * service erases exactly those.
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
    heatmapPurpose: 'Counts where visitors click, to improve the page layout',
    statistics: 'Visit statistics',
    statisticsText: 'Counts page views on this device, to see which products interest visitors.',
    heatmap: 'Click heatmap',
    heatmapText: 'Records where on a page visitors click (a stand-in for a heatmap tool).',
    heatmapProvider: 'Heatmap tool (demo stand-in)',
    pixel: 'Offers pixel',
    pixelText: 'Recognises a returning customer to greet them with an offer.',
    video: 'Product video host',
    videoText: 'Plays the product video; the host may set its own cookies.',
    videoProvider: 'Video host (demo stand-in)',
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
    heatmapPurpose: 'Uzskaita, kur apmeklētāji klikšķina, lai uzlabotu lapas izkārtojumu',
    statistics: 'Apmeklējumu statistika',
    statisticsText: 'Uzskaita lapu skatījumus šajā ierīcē, lai redzētu, kuri produkti interesē apmeklētājus.',
    heatmap: 'Klikšķu siltuma karte',
    heatmapText: 'Pieraksta, kur lapā apmeklētāji klikšķina (siltuma kartes rīka aizstājējs).',
    heatmapProvider: 'Siltuma kartes rīks (demo aizstājējs)',
    pixel: 'Piedāvājumu pikselis',
    pixelText: 'Atpazīst atkārtotu klientu, lai sveiktu viņu ar piedāvājumu.',
    video: 'Produktu video mitinātājs',
    videoText: 'Atskaņo produkta video; mitinātājs var iestatīt savas sīkdatnes.',
    videoProvider: 'Video mitinātājs (demo aizstājējs)',
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
        services: [
          {
            id: 'statistics',
            label: t.statistics,
            description: t.statisticsText,
            provider: t.site,
            cookies: [{ name: 'demo_analytics_views', provider: t.site, duration: t.year, purpose: t.analyticsPurpose }],
            erase: ['demo_analytics*'],
          },
          {
            id: 'heatmap',
            label: t.heatmap,
            description: t.heatmapText,
            provider: t.heatmapProvider,
            cookies: [{ name: 'demo_heatmap_clicks', provider: t.heatmapProvider, duration: t.months, purpose: t.heatmapPurpose }],
            erase: ['demo_heatmap*'],
          },
        ],
      },
      {
        id: 'promotional',
        services: [
          {
            id: 'pixel',
            label: t.pixel,
            description: t.pixelText,
            provider: t.site,
            cookies: [{ name: 'demo_promo', provider: t.site, duration: t.months, purpose: t.promoPurpose }],
          },
          {
            id: 'video',
            label: t.video,
            description: t.videoText,
            provider: t.videoProvider,
            cookies: [{ name: 'demo_video', provider: t.videoProvider, duration: t.months, purpose: t.videoPurpose }],
          },
        ],
      },
    ],
  };
}
