import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentReceipt } from '../../core/storage/history.js';
import type { ConsentChoice } from '../../core/decision.js';
import type { ConsentDecision, ResolvedConfig } from '../../core/types.js';
import { categoryTemplate, type Strings } from './category.template.js';
import { toggledDraft } from './draft.js';
import { receiptTemplate } from './receipt.template.js';

export interface PreferencesState {
  config: ResolvedConfig;
  strings: Strings;
  language: string;
  /** The switches' states by category and service id, until the visitor saves them. */
  draft: ConsentChoice;
  decision: ConsentDecision | null;
  receipts: ConsentReceipt[];
  gpcHonoured: boolean;
}

export interface PreferencesActions {
  changeDraft(draft: ConsentChoice): void;
  save(): void;
  acceptAll(): void;
  rejectAll(): void;
  dismiss(): void;
  onClose(event: Event): void;
  onKeydown(event: KeyboardEvent): void;
  onClick(event: MouseEvent): void;
}

/** The second layer: a native modal <dialog> with a switch per category and service, and the visitor's receipt. */
export function preferencesTemplate(state: PreferencesState, actions: PreferencesActions): TemplateResult {
  const { config, strings } = state;
  const toggle = (id: string, checked: boolean) => actions.changeDraft(toggledDraft(config, state.draft, id, checked));
  return html`<dialog
    class="cc-preferences"
    part="dialog"
    aria-labelledby="cc-preferences-title"
    @close=${actions.onClose}
    @keydown=${actions.onKeydown}
    @click=${actions.onClick}
  >
    <div class="cc-content">
      <div class="cc-sheet">
        <div class="cc-header">
          <h2 id="cc-preferences-title">${strings.preferencesTitle}</h2>
          <button type="button" class="cc-icon-button" part="button close" aria-label=${strings.close} @click=${actions.dismiss}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <p>${strings.preferencesIntro} <a href=${config.policyUrl} part="policy-link">${strings.policyLink}</a></p>
        ${state.gpcHonoured ? html`<p class="cc-notice" part="gpc-notice" role="note">${strings.gpcHonoured}</p>` : nothing}
        <ul class="cc-categories">
          ${config.categories.map((category) => categoryTemplate(category, state.draft, strings, toggle))}
        </ul>
        ${receiptTemplate(state.decision, state.receipts, config, strings, state.language)}
      </div>
      <div class="cc-footer cc-actions">
        <button type="button" class="cc-button" part="button reject-all" @click=${actions.rejectAll}>${strings.rejectAll}</button>
        <button type="button" class="cc-button" part="button accept-all" @click=${actions.acceptAll}>${strings.acceptAll}</button>
        <button type="button" class="cc-button" part="button save" @click=${actions.save}>${strings.save}</button>
      </div>
    </div>
  </dialog>`;
}
