/** How the insights page words its numbers and keys. */
import { hasRate, type Share } from './tally.js';

// One formatter: toLocaleString would build a new one for every number of a year's tables.
const NUMBER = new Intl.NumberFormat('en-US');
export const count = (n: number): string => NUMBER.format(n);

export const decisionsText = (n: number): string => `${count(n)} decision${n === 1 ? '' : 's'}`;

/** The text a share shows where it has too few decisions behind it. */
export const tooFewText = (of: number): string => (of === 0 ? 'no decisions' : `${decisionsText(of)} — too few for a rate`);

/** One decimal: the numbers are read beside each other, and 0.4 % is not 0 %. */
export const percent = (share: Share): string => `${((100 * share.count) / share.of).toFixed(1)}%`;

/** A share as a table shows it: `41.3% (82 of 200)`, or the count it would rest on. */
export const shareText = (share: Share): string => (hasRate(share) ? `${percent(share)} (${count(share.count)} of ${count(share.of)})` : tooFewText(share.of));

const METHOD_LABELS: Record<string, string> = {
  'accept-all': 'Accept all',
  'reject-all': 'Reject all',
  custom: 'Custom',
  withdraw: 'Withdraw',
  gpc: 'GPC',
};
const LAYER_LABELS: Record<string, string> = { banner: 'Banner', preferences: 'Preferences', placeholder: 'Placeholder', api: 'API' };
const DELAY_LABELS: Record<string, string> = {
  'under-1h': 'Within an hour',
  'under-1d': 'Within a day',
  'under-7d': 'Within a week',
  'under-30d': 'Within 30 days',
  later: 'After 30 days or more',
};

export const methodLabel = (key: string): string => METHOD_LABELS[key] ?? key;
export const layerLabel = (key: string): string => LAYER_LABELS[key] ?? key;
export const delayLabel = (key: string): string => DELAY_LABELS[key] ?? key;
/** A banner text by the start of its hash, enough to tell versions apart. */
export const textLabel = (hash: string): string => `text ${hash.slice(0, 8)}`;
