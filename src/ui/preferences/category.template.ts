import { html, nothing, type TemplateResult } from 'lit';
import type { ResolvedCategory } from '../../core/types.js';
import { switchTemplate } from '../switch/switch.template.js';
import { categoryText, type Strings } from '../i18n/shown-strings.js';
import { cookieTable } from './cookie-table.template.js';
import { serviceTemplate } from './service.template.js';

export type { Strings };

/** A category's switch, its text and cookies, and under them a switch per service it has. */
export function categoryTemplate(
  category: ResolvedCategory,
  draft: Partial<Record<string, boolean>>,
  strings: Strings,
  onChange: (id: string, checked: boolean) => void,
): TemplateResult {
  const { label, description } = categoryText(category, strings);
  const switchId = `cc-switch-${category.id}`;
  const descriptionId = `cc-description-${category.id}`;
  return html`<li class="cc-category" part="category">
    <div class="cc-category-head">
      <label for=${switchId}>${label}</label>
      <span class="cc-control">
        ${category.required ? html`<span class="cc-muted">${strings.alwaysOn}</span>` : nothing}
        ${switchTemplate(switchId, category.required || draft[category.id] === true, category.required, descriptionId, (value) => onChange(category.id, value))}
      </span>
    </div>
    <p id=${descriptionId} class="cc-muted">${description}</p>
    ${cookieTable(category.cookies, strings.cookiesUsed, strings)}
    ${
      category.services.length === 0
        ? nothing
        : html`<ul class="cc-services" part="services" aria-label=${label}>
            ${category.services.map((service) => serviceTemplate(service, category.required, draft[service.id] === true, strings, onChange))}
          </ul>`
    }
  </li>`;
}
