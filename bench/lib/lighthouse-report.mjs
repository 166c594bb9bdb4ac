/**
 * Several Lighthouse runs of one page as one row (each value the median of the runs), the
 * target (Performance, Accessibility and Best Practices 100, Total Blocking Time 0) judged, and
 * the audits that kept a category below 100.
 */
import { median } from './stats.mjs';

export const CATEGORIES = [
  ['performance', 'Performance'],
  ['accessibility', 'Accessibility'],
  ['best-practices', 'Best Practices'],
  ['seo', 'SEO'],
];
/** The categories the target wants at 100 (SEO is reported beside them). */
const TARGET_CATEGORIES = ['performance', 'accessibility', 'best-practices'];

const METRICS = [
  ['total-blocking-time', 'TBT', (v) => `${v.toFixed(0)} ms`],
  ['largest-contentful-paint', 'LCP', (v) => `${v.toFixed(0)} ms`],
  ['cumulative-layout-shift', 'CLS', (v) => v.toFixed(3)],
];

const SHOWN_ITEMS = 3;

/** What an audit found, in a few words per item: the message, the reason, the element or the URL. */
function itemsOf(audit) {
  const items = Array.isArray(audit.details?.items) ? audit.details.items : [];
  return items
    .slice(0, SHOWN_ITEMS)
    .map((item) => {
      const what = item.description ?? item.reason ?? item.node?.snippet ?? item.url ?? item.source?.url;
      const where = item.sourceLocation?.url ?? (item.description || item.reason ? item.node?.snippet : undefined);
      return [what, where].filter((text) => typeof text === 'string').join(' — ');
    })
    .filter(Boolean);
}

const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);

export function summarizePage(name, url, lhrs) {
  const scores = Object.fromEntries(CATEGORIES.map(([id]) => [id, median(lhrs.map((lhr) => score(lhr, id)))]));
  const metrics = Object.fromEntries(METRICS.map(([id]) => [id, median(lhrs.map((lhr) => lhr.audits[id].numericValue))]));
  const failing = new Map();
  for (const lhr of lhrs) {
    for (const [id] of CATEGORIES) {
      for (const { id: auditId, weight } of lhr.categories[id].auditRefs) {
        const audit = lhr.audits[auditId];
        if (audit.score === null || audit.score >= 1) continue;
        const key = `${id}/${auditId}`;
        const entry = failing.get(key) ?? { category: id, id: auditId, title: audit.title, weight, runs: 0, values: [], items: [] };
        entry.runs += 1;
        if (audit.displayValue) entry.values.push(audit.displayValue);
        entry.items.push(...itemsOf(audit));
        failing.set(key, entry);
      }
    }
  }
  const missed = [
    ...TARGET_CATEGORIES.filter((id) => scores[id] < 100).map((id) => `${id} ${scores[id]}`),
    ...(metrics['total-blocking-time'] > 0 ? [`TBT ${metrics['total-blocking-time'].toFixed(0)} ms`] : []),
  ];
  return { name, url, runs: lhrs.length, scores, metrics, failing: [...failing.values()], missed, version: lhrs[0].lighthouseVersion };
}

export function scoresTable(pages) {
  return [
    `| page | ${CATEGORIES.map(([, label]) => label).join(' | ')} | ${METRICS.map(([, label]) => label).join(' | ')} | target 100/100/100, TBT 0 |`,
    `| --- | ${CATEGORIES.map(() => '---:').join(' | ')} | ${METRICS.map(() => '---:').join(' | ')} | --- |`,
    ...pages.map((page) => {
      const cells = [
        ...CATEGORIES.map(([id]) => page.scores[id]),
        ...METRICS.map(([id, , format]) => format(page.metrics[id])),
        page.missed.length === 0 ? 'met' : `missed: ${page.missed.join(', ')}`,
      ];
      return `| ${page.name} | ${cells.join(' | ')} |`;
    }),
  ].join('\n');
}

export function failingAuditsList(page) {
  if (page.failing.length === 0) return `${page.name}: no audit below full score in any run.`;
  const label = Object.fromEntries(CATEGORIES);
  const lines = page.failing
    .sort((a, b) => CATEGORIES.findIndex(([id]) => id === a.category) - CATEGORIES.findIndex(([id]) => id === b.category) || b.runs - a.runs)
    .map((audit) => {
      const counted = audit.weight > 0 ? '' : ', weight 0: not counted in the score';
      const values = audit.values.length ? `; ${[...new Set(audit.values)].join(', ')}` : '';
      const items = [...new Set(audit.items)].map((item) => `\n  - ${item.replace(/\s+/g, ' ').slice(0, 200)}`).join('');
      return `- ${label[audit.category]}: \`${audit.id}\` ${audit.title} (${audit.runs} of ${page.runs} runs${values}${counted})${items}`;
    });
  return `${page.name} — audits below full score:\n\n${lines.join('\n')}`;
}
