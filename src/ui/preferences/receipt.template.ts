import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentReceipt } from '../../core/storage/history.js';
import { sameDecision } from '../../core/decision.js';
import type { ConsentDecision, ConsentMethod, ResolvedConfig } from '../../core/types.js';
import { categoryText, type Strings } from '../i18n/shown-strings.js';

const METHOD_KEYS: Record<ConsentMethod, keyof Strings> = {
  'accept-all': 'methodAcceptAll',
  'reject-all': 'methodRejectAll',
  custom: 'methodCustom',
  withdraw: 'methodWithdraw',
  gpc: 'methodGpc',
};

function when(timestamp: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(timestamp));
  } catch {
    return timestamp;
  }
}

/**
 * The receipts before the decision in force, newest first. Only the decision's own receipt (the
 * last one like it) is left out: two decisions can share a timestamp (a script's `set()` in the
 * same millisecond as a click), and the earlier one is still part of the history.
 */
function earlierReceipts(receipts: ConsentReceipt[], decision: ConsentDecision): ConsentReceipt[] {
  let own = -1;
  receipts.forEach((receipt, index) => {
    if (sameDecision(receipt, decision)) own = index;
  });
  return receipts.filter((_, index) => index !== own).reverse();
}

/** "Custom choice: Analytics": one string, so no formatting of the template can split the text. */
function choiceText(decision: ConsentDecision, config: ResolvedConfig, strings: Strings): string {
  return `${strings[METHOD_KEYS[decision.method]]}: ${allowed(decision, config, strings)}`;
}

/** "Analytics (Statistics)": a category with only some of its services allowed names those. */
function allowed(decision: ConsentDecision, config: ResolvedConfig, strings: Strings): string {
  const labels = config.categories
    .filter((category) => !category.required && decision.categories[category.id])
    .map((category) => {
      const label = categoryText(category, strings).label;
      const services = category.services.filter((service) => decision.services?.[service.id]).map((service) => categoryText(service, strings).label);
      return services.length < category.services.length ? `${label} (${services.join(', ')})` : label;
    });
  return labels.length > 0 ? labels.join(', ') : strings.receiptNothing;
}

/** The visitor's proof of what they chose, and what they chose before on this device. */
export function receiptTemplate(
  decision: ConsentDecision | null,
  receipts: ConsentReceipt[],
  config: ResolvedConfig,
  strings: Strings,
  language: string,
): TemplateResult {
  if (!decision) {
    return html`<section class="cc-receipt" aria-labelledby="cc-receipt-title">
      <h3 id="cc-receipt-title">${strings.receiptTitle}</h3>
      <p class="cc-muted">${strings.receiptNone}</p>
    </section>`;
  }
  const earlier = earlierReceipts(receipts, decision);
  return html`<section class="cc-receipt" part="receipt" aria-labelledby="cc-receipt-title">
    <h3 id="cc-receipt-title">${strings.receiptTitle}</h3>
    <dl>
      <dt>${strings.receiptConsentId}</dt>
      <dd><code>${decision.consentId}</code></dd>
      <dt>${strings.receiptDate}</dt>
      <dd><time datetime=${decision.timestamp}>${when(decision.timestamp, language)}</time></dd>
      <dt>${strings.receiptRevision}</dt>
      <dd>${decision.revision}</dd>
      <dt>${strings.receiptChoice}</dt>
      <dd>${choiceText(decision, config, strings)}</dd>
    </dl>
    ${
      earlier.length === 0
        ? nothing
        : html`<details>
            <summary>${strings.historyTitle} (${earlier.length})</summary>
            <ol>
              ${earlier.map(
                (receipt) =>
                  html`<li><time datetime=${receipt.timestamp}>${when(receipt.timestamp, language)}</time> — ${choiceText(receipt, config, strings)}</li>`,
              )}
            </ol>
          </details>`
    }
  </section>`;
}
