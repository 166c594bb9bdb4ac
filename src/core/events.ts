import type { ConsentRecord } from './delivery/record.js';
import type { ConsentDecision, ConsentLayer } from './types.js';

export type ConsentView = 'banner' | 'preferences' | 'none';

export interface ConsentReadyDetail {
  decision: ConsentDecision | null;
}

export interface ConsentChangeDetail {
  decision: ConsentDecision | null;
  previous: ConsentDecision | null;
  /** Ids of the categories whose state changed. */
  changed: string[];
  /**
   * `other-tab` when the decision was made in another tab of the same site; `checked` when a
   * stored decision takes effect only once the configuration passed its check (the first page
   * view after the configuration changed), just before `consent-ready`.
   */
  origin: 'this-tab' | 'other-tab' | 'checked';
  /** Where the visitor decided (for a decision made in this tab); absent after `reset()`. */
  layer?: ConsentLayer;
}

export interface ConsentViewDetail {
  view: ConsentView;
}

export interface ConsentLanguageDetail {
  /** The language the interface now speaks, as pickLanguage resolved it (`lv` for `lv-LV`). */
  language: string;
}

export interface ConsentDeliveredDetail {
  record: ConsentRecord;
  /** Tries it took, counting those of earlier page loads. */
  attempts: number;
}

export interface ConsentDeliveryFailedDetail extends ConsentDeliveredDetail {
  error: string;
  /** True while the record stays queued; false when it was refused (4xx) or pushed out of a full outbox. */
  willRetry: boolean;
}

export interface ConsentEventMap {
  'consent-ready': CustomEvent<ConsentReadyDetail>;
  'consent-change': CustomEvent<ConsentChangeDetail>;
  /** What the interface should show; the UI elements listen to this. */
  'consent-view': CustomEvent<ConsentViewDetail>;
  /** The interface's language changed: setLanguage(), or `<html lang>` followed. */
  'consent-language': CustomEvent<ConsentLanguageDetail>;
  /** The endpoint acknowledged a consent record (2xx). */
  'consent-delivered': CustomEvent<ConsentDeliveredDetail>;
  /** A try failed (`willRetry: true`), or a record was given up (`willRetry: false`). */
  'consent-delivery-failed': CustomEvent<ConsentDeliveryFailedDetail>;
}

declare global {
  // Merging the map makes `document.addEventListener('consent-change', e => e.detail…)` typed.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends ConsentEventMap {}
}
