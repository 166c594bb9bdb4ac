/**
 * A month of made-up decisions for the demo's consent insights, the same every time for a given
 * end: a Latvian banner text reworded on day 9, policy revision 1 from day 18, a few visitors who
 * change their minds and withdraw. Every record says it is seeded: widgetVersion SEED_VERSION.
 */
import { createHash } from 'node:crypto';
import { seededRandom } from '../scripts/seeded-random.mjs';

export const SEED_VERSION = '0.0.0-demo-seed';
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const CATEGORIES = ['preferences', 'analytics', 'promotional'];
/** The demo's services (demo/consent-config.mjs), and how often a custom choice keeps each. */
const SERVICES = { analytics: ['statistics', 'heatmap'], promotional: ['pixel', 'video'] };
const KEPT_IN_CUSTOM = { statistics: 0.9, heatmap: 0.5, pixel: 0.6, video: 0.8 };

const hash = (text) => createHash('sha256').update(text).digest('hex');
/** A version-4 UUID from the generator. */
function uuid(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)];
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * The decisions of the `days` days before `endMs`, oldest first; `origin` is the shop's, for
 * pageUrl. Each has `receivedAt` (ms), a moment after it was made.
 */
export function demoDecisions({ endMs, days = 30, origin = 'http://127.0.0.1', seed = 20 }) {
  const random = seededRandom(seed);
  // A generator of its own, so the services leave every other draw as it was.
  const serviceRandom = seededRandom(seed + 1);
  const pick = (weights) => {
    let roll = random() * weights.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of weights) if ((roll -= weight) < 0) return value;
    return weights.at(-1)[0];
  };
  const startMs = Math.floor(endMs / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  const records = [];
  for (let day = 0; day < days; day++) {
    const dayStart = startMs + day * DAY_MS;
    const weekday = new Date(dayStart).getUTCDay();
    const volume = Math.round((weekday === 0 || weekday === 6 ? 110 : 170) * (0.85 + random() * 0.3));
    const revision = day >= 18 ? 1 : 0;
    for (let n = 0; n < volume; n++) {
      const at = dayStart + Math.floor(random() * DAY_MS);
      if (at > endMs) continue;
      const language = random() < 0.62 ? 'lv' : 'en';
      // The reworded Latvian banner (day 9 on) is taken up a little more often.
      const acceptAll = 0.42 + (language === 'lv' && day >= 9 ? 0.08 : 0) - (revision === 1 ? 0.03 : 0);
      const method = pick([
        ['accept-all', acceptAll],
        ['reject-all', 0.36],
        ['custom', 0.17],
        ['gpc', 0.03],
      ]);
      const layer =
        method === 'custom'
          ? pick([
              ['preferences', 0.8],
              ['placeholder', 0.2],
            ])
          : method === 'gpc'
            ? 'api'
            : 'banner';
      const categories = { session: true };
      for (const id of CATEGORIES) {
        categories[id] =
          method === 'accept-all' ||
          (method === 'custom' && random() < { preferences: 0.7, analytics: 0.45, promotional: layer === 'placeholder' ? 1 : 0.2 }[id]);
      }
      const services = servicesOf(categories, method, layer, serviceRandom);
      const record = decision(random, { at, revision, method, layer, language, categories, services, day, origin });
      records.push(record);
      if (method === 'reject-all' || method === 'gpc') continue;
      // Some who granted withdraw later: soon after, or weeks on.
      if (random() < 0.05) {
        const delay =
          pick([
            [0.5 * HOUR_MS, 3],
            [8 * HOUR_MS, 3],
            [3 * DAY_MS, 2],
            [12 * DAY_MS, 2],
          ]) *
          (0.3 + random());
        const withdrawAt = at + delay;
        if (withdrawAt > endMs) continue;
        const withdrawDay = Math.floor((withdrawAt - startMs) / DAY_MS);
        records.push(
          decision(random, {
            at: withdrawAt,
            revision: withdrawDay >= 18 ? 1 : 0,
            method: 'withdraw',
            layer: 'preferences',
            language,
            categories: { session: true, preferences: false, analytics: false, promotional: false },
            services: { statistics: false, heatmap: false, pixel: false, video: false },
            day: withdrawDay,
            origin,
            consentId: record.consentId,
          }),
        );
      }
    }
  }
  return records.sort((a, b) => a.receivedAt - b.receivedAt);
}

/**
 * Each service as the widget would save it: off with its category, all on with "Accept all",
 * and in a custom choice some refused, but never all of a granted category's (it would then be
 * refused); a placeholder grants its video alone.
 */
function servicesOf(categories, method, layer, random) {
  const services = {};
  for (const [category, ids] of Object.entries(SERVICES)) {
    for (const id of ids) {
      const kept = method !== 'custom' || (layer === 'placeholder' ? id === 'video' : random() < KEPT_IN_CUSTOM[id]);
      services[id] = categories[category] && kept;
    }
    if (categories[category] && !ids.some((id) => services[id])) services[ids[0]] = true;
  }
  return services;
}

function decision(random, { at, revision, method, layer, language, categories, services, day, origin, consentId = uuid(random) }) {
  const wording = language === 'lv' && day >= 9 ? 'lv-2' : `${language}-1`;
  return {
    schema: 1,
    eventId: uuid(random),
    consentId,
    timestamp: new Date(at).toISOString(),
    revision,
    method,
    layer,
    categories,
    services,
    language,
    textHash: hash(`demo banner text ${wording}`),
    widgetVersion: SEED_VERSION,
    gpc: method === 'gpc',
    pageUrl: `${origin}/${language}/`,
    receivedAt: at + 200 + Math.floor(random() * 800),
  };
}
